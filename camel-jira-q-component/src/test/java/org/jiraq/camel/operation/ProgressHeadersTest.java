package org.jiraq.camel.operation;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.JiraqTestSupport;
import org.jiraq.simulator.JiraSimulator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paged calls tell how far they got: pages and items so far, for searchIssues (adding up over a page-mode loop) and
 * for request with paginate.
 */
class ProgressHeadersTest extends JiraqTestSupport {

    @Override
    protected JiraSimulator.Builder simulator() {
        return super.simulator().feature(new PagingTestEndpoints());
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:all-pages")
                        .setHeader(JiraqConstants.JQL, constant("project = OPS ORDER BY key ASC"))
                        .loopDoWhile(simple("${header.CamelJiraqIsLast} != true"))
                            .to("jiraq:searchIssues?searchMode=page&pageSize=20")
                        .end();
            }
        };
    }

    @Test
    void listModeReportsThePagesAndItemsOfTheWholeWalk() {
        sim.state().seedIssues("OPS", 120);

        Exchange result = template.request("jiraq:searchIssues?pageSize=50",
                e -> e.getMessage().setBody("project = OPS"));

        assertThat(result.getMessage().getHeader(JiraqConstants.PAGES_FETCHED)).isEqualTo(3);
        assertThat(result.getMessage().getHeader(JiraqConstants.ITEMS_FETCHED)).isEqualTo(120L);
    }

    @Test
    void pageModeAddsUpOverALoopThatPassesTheNextPageBack() {
        sim.state().seedIssues("OPS", 45);

        Exchange result = template.request("direct:all-pages", e -> {
        });

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(JiraqConstants.PAGES_FETCHED)).isEqualTo(3);
        assertThat(result.getMessage().getHeader(JiraqConstants.ITEMS_FETCHED)).isEqualTo(45L);
        assertThat(result.getMessage().getHeader(JiraqConstants.RESULT_COUNT)).isEqualTo(5);
    }

    @Test
    void aNewPageModeSearchStartsCountingAgain() {
        sim.state().seedIssues("OPS", 30);

        Exchange result = template.request("jiraq:searchIssues?searchMode=page&pageSize=10", e -> {
            e.getMessage().setBody("project = OPS");
            e.getMessage().setHeader(JiraqConstants.PAGES_FETCHED, 7);
            e.getMessage().setHeader(JiraqConstants.ITEMS_FETCHED, 70L);
        });

        assertThat(result.getMessage().getHeader(JiraqConstants.PAGES_FETCHED)).isEqualTo(1);
        assertThat(result.getMessage().getHeader(JiraqConstants.ITEMS_FETCHED)).isEqualTo(10L);
    }

    @Test
    void requestWithPaginateReportsThePagesAndItemsItFollowed() {
        String path = PagingTestEndpoints.ROOT.substring("/rest".length()) + "/offset";

        Exchange result = template.request("jiraq:request?paginate=true&path=" + path + "&query.total=10", e -> {
        });

        assertThat(result.getMessage().getHeader(JiraqConstants.PAGES_FETCHED)).isEqualTo(4);
        assertThat(result.getMessage().getHeader(JiraqConstants.ITEMS_FETCHED)).isEqualTo(10L);
    }
}
