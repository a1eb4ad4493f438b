package org.jiraq.camel.operation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.JiraqHttpException;
import org.jiraq.camel.JiraqTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** searchIssues in its three modes, run once per flavour by the subclasses. */
abstract class SearchIssuesContract extends JiraqTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:stream")
                        .to("jiraq:searchIssues?searchMode=stream&pageSize=25")
                        .split(body()).streaming()
                        .to("mock:issue");
            }
        };
    }

    @Test
    void listModeReturnsEveryMatchWithRequestedFieldsAcrossPages() {
        sim.state().seedIssues("OPS", 120);

        List<?> issues = template.requestBodyAndHeader("jiraq:searchIssues?pageSize=50", null, JiraqConstants.JQL,
                "project = OPS ORDER BY key ASC", List.class);

        assertThat(issues).hasSize(120);
        Map<?, ?> first = (Map<?, ?>) issues.get(0);
        assertThat(first.get("key")).isEqualTo("OPS-1");
        assertThat(((Map<?, ?>) first.get("fields")).get("summary")).isNotNull();
        assertThat(((Map<?, ?>) ((Map<?, ?>) first.get("fields")).get("status")).get("name")).isEqualTo("To Do");
    }

    @Test
    void listModeStopsAtMaxResults() {
        sim.state().seedIssues("OPS", 80);

        Exchange result = template.request("jiraq:searchIssues?pageSize=20&maxResults=30",
                e -> e.getMessage().setBody("project = OPS"));

        assertThat(result.getMessage().getBody(List.class)).hasSize(30);
        assertThat(result.getMessage().getHeader(JiraqConstants.RESULT_COUNT)).isEqualTo(30);
    }

    @Test
    void pageModeHandsBackTheNextPagePositionUntilTheLastPage() {
        sim.state().seedIssues("OPS", 45);
        List<Object> keys = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            String position = next;
            Exchange page = template.request("jiraq:searchIssues?searchMode=page&pageSize=20", e -> {
                e.getMessage().setHeader(JiraqConstants.JQL, "project = OPS ORDER BY key ASC");
                e.getMessage().setHeader(JiraqConstants.NEXT_PAGE, position);
            });
            page.getMessage().getBody(List.class).forEach(i -> keys.add(((Map<?, ?>) i).get("key")));
            next = page.getMessage().getHeader(JiraqConstants.NEXT_PAGE, String.class);
            assertThat(page.getMessage().getHeader(JiraqConstants.IS_LAST, Boolean.class)).isEqualTo(next == null);
            pages++;
        } while (next != null);

        assertThat(pages).isEqualTo(3);
        assertThat(keys).hasSize(45).doesNotHaveDuplicates().startsWith("OPS-1", "OPS-2");
    }

    @Test
    void streamModeFeedsSplitterPageByPage() throws Exception {
        sim.state().seedIssues("OPS", 130);
        MockEndpoint issues = getMockEndpoint("mock:issue");
        issues.expectedMessageCount(130);

        template.sendBodyAndHeader("direct:stream", null, JiraqConstants.JQL, "project = OPS");

        issues.assertIsSatisfied();
        assertThat(sim.requests("GET", "/rest/api").size() + sim.requests("POST", "/rest/api").size())
                .isEqualTo(6); // 130 issues in pages of 25
    }

    @Test
    void invalidJqlFailsWithJirasExplanation() {
        assertThatThrownBy(() -> template.requestBodyAndHeader("jiraq:searchIssues", null, JiraqConstants.JQL,
                "project = NOPE"))
                .cause().isInstanceOf(JiraqHttpException.class)
                .hasMessageContaining("400 Bad Request")
                .hasMessageContaining("The value 'NOPE' does not exist for the field 'project'.");
    }

    @Test
    void searchWithoutJqlNamesWhereToPutIt() {
        assertThatThrownBy(() -> template.requestBody("jiraq:searchIssues", (Object) null))
                .cause().isInstanceOf(IllegalArgumentException.class)
                .hasMessage("searchIssues needs JQL: set header CamelJiraqJql, send it as the body, or set the jql option");
    }
}
