package org.jiraq.camel.operation;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.JiraqTestSupport;
import org.jiraq.simulator.JiraSimulator;
import org.jiraq.simulator.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * request with paginate=true recognises each of Jira's paging styles from the first page and follows it, stopping at
 * the last page, at the cap, on an empty page, and on a token that repeats, and never following a link off the site.
 */
class RequestPaginationTest extends JiraqTestSupport {

    private static final String PAGING = PagingTestEndpoints.ROOT.substring("/rest".length());

    @Override
    protected JiraSimulator.Builder simulator() {
        return super.simulator().feature(new PagingTestEndpoints());
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:streamed")
                        .to("jiraq:request?paginate=true&searchMode=stream&path=" + PAGING + "/offset&query.total=25")
                        .split(body()).streaming()
                        .to("mock:item");
            }
        };
    }

    @SuppressWarnings("unchecked")
    private List<Object> ids(String uri) {
        List<Map<String, Object>> items = template.requestBody(uri, (Object) null, List.class);
        return items.stream().map(item -> item.get("id")).toList();
    }

    private static List<Integer> range(int count) {
        return IntStream.range(0, count).boxed().toList();
    }

    private List<String> sent(String method, String style, String param) {
        return sim.requests(method, PagingTestEndpoints.ROOT + "/" + style).stream()
                .map(r -> r.queryParam(param)).toList();
    }

    @Test
    void offsetPagesAreFollowedUntilTheLastOne() {
        assertThat(ids("jiraq:request?paginate=true&path=" + PAGING + "/offset&query.total=10")).isEqualTo(range(10));
        assertThat(sent("GET", "offset", "startAt")).containsExactly(null, "3", "6", "9");
    }

    @ParameterizedTest
    @ValueSource(strings = { "values", "issues", "comments", "worklogs" })
    void offsetItemsAreFoundInEachOfJirasArrays(String itemsField) {
        assertThat(ids("jiraq:request?paginate=true&path=" + PAGING + "/offset&query.total=7&query.items=" + itemsField))
                .isEqualTo(range(7));
    }

    @Test
    void emptyPageEndsPagingEvenWhenTotalPromisesMore() {
        assertThat(ids("jiraq:request?paginate=true&path=" + PAGING + "/offset&query.total=10&query.emptyFrom=6"))
                .isEqualTo(range(6));
        assertThat(sent("GET", "offset", "startAt")).containsExactly(null, "3", "6");
    }

    @Test
    void maxResultsCapsTheItemsAndThePagesFetched() {
        assertThat(ids("jiraq:request?paginate=true&maxResults=5&path=" + PAGING + "/offset&query.total=100")).isEqualTo(range(5));
        assertThat(sim.requests("GET", PagingTestEndpoints.ROOT + "/offset")).hasSize(2);
    }

    @Test
    void nextPageTokensAreFollowedInTheQuery() {
        assertThat(ids("jiraq:request?paginate=true&path=" + PAGING + "/token&query.total=8")).isEqualTo(range(8));
        assertThat(sent("GET", "token", "nextPageToken")).containsExactly(null, "t3", "t6");
    }

    @Test
    void nextPageTokensAreFollowedInAPostBody() {
        List<Object> ids = template.requestBodyAndHeader("jiraq:request?paginate=true&httpMethod=POST&path=" + PAGING
                                                         + "/token&query.total=8",
                "{\"maxResults\":4}", JiraqConstants.PAGINATE, true, List.class);

        assertThat(ids).hasSize(8);
        assertThat(sim.requests("POST", PagingTestEndpoints.ROOT + "/token").stream().map(RecordedRequest::body))
                .containsExactly("{\"maxResults\":4}", "{\"maxResults\":4,\"nextPageToken\":\"t4\"}");
    }

    @Test
    void tokenThatRepeatsEndsPagingInsteadOfLooping() {
        assertThat(ids("jiraq:request?paginate=true&path=" + PAGING + "/token&query.total=30&query.repeatFrom=3")).isEqualTo(range(6));
        assertThat(sent("GET", "token", "nextPageToken")).containsExactly(null, "t3");
    }

    @Test
    void emptyTokenEndsPaging() {
        assertThat(ids("jiraq:request?paginate=true&path=" + PAGING + "/token&query.total=30&query.emptyToken=true"))
                .isEqualTo(range(6));
        assertThat(sim.requests("GET", PagingTestEndpoints.ROOT + "/token")).hasSize(2);
    }

    @Test
    void serviceManagementStartAndLimitAreFollowed() {
        assertThat(ids("jiraq:request?paginate=true&path=" + PAGING + "/jsm&query.total=10")).isEqualTo(range(10));
        assertThat(sent("GET", "jsm", "start")).containsExactly(null, "3", "6", "9");
    }

    @Test
    void serviceDeskRequestPagesRealServiceManagementLists() {
        List<?> types = template.requestBody("jiraq:serviceDeskRequest?paginate=true&path=/servicedesk/1/requesttype"
                                             + "&query.limit=2", (Object) null, List.class);

        assertThat(types).hasSize(5);
        assertThat(sim.requests("GET", "/rest/servicedeskapi/servicedesk/1/requesttype")).hasSize(3);
    }

    @ParameterizedTest
    @ValueSource(strings = { "self", "relative" })
    void cursorNextLinksOnTheSameResourceAreFollowed(String nextTo) {
        assertThat(ids("jiraq:request?paginate=true&path=" + PAGING + "/cursor&query.total=10&query.nextTo=" + nextTo))
                .isEqualTo(range(10));
        assertThat(sent("GET", "cursor", "after")).containsExactly(null, "2", "5", "8");
    }

    @Test
    void cursorLinkToAnotherHostIsNotFollowed() {
        assertThatThrownBy(() -> template.requestBody("jiraq:request?paginate=true&path=" + PAGING
                                                      + "/cursor&query.total=10&query.nextTo=otherHost", (Object) null))
                .cause().isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("next-page link '" + PagingTestEndpoints.OTHER_HOST)
                .hasMessageContaining("it is not followed, so the credentials stay with the site");
        assertThat(sim.requests("GET", PagingTestEndpoints.ROOT + "/cursor")).hasSize(1);
    }

    @Test
    void cursorLinkToAnotherResourceOfTheSiteIsNotFollowed() {
        assertThatThrownBy(() -> template.requestBody("jiraq:request?paginate=true&path=" + PAGING
                                                      + "/cursor&query.total=10&query.nextTo=otherPath", (Object) null))
                .cause().isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/rest/api/3/myself")
                .hasMessageContaining("leaves " + PagingTestEndpoints.ROOT + "/cursor");
        assertThat(sim.requests("GET", "/rest/api/3/myself")).isEmpty();
    }

    @Test
    void streamModeFetchesPagesAsTheSplitterConsumesThem() throws Exception {
        MockEndpoint items = getMockEndpoint("mock:item");
        items.expectedMessageCount(25);

        template.sendBody("direct:streamed", null);

        items.assertIsSatisfied();
        assertThat(items.getExchanges().stream().map(e -> e.getMessage().getBody(Map.class).get("id")).toList())
                .isEqualTo(range(25));
        assertThat(sim.requests("GET", PagingTestEndpoints.ROOT + "/offset")).hasSize(9);
    }

    @Test
    void streamIsLazy() {
        Iterator<?> stream = template.requestBody("jiraq:request?paginate=true&searchMode=stream&path=" + PAGING
                                                  + "/offset&query.total=25", (Object) null, Iterator.class);

        assertThat(sim.requests("GET", PagingTestEndpoints.ROOT + "/offset")).hasSize(1);
        List<Object> firstFour = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            firstFour.add(stream.next());
        }
        assertThat(firstFour).hasSize(4);
        assertThat(sim.requests("GET", PagingTestEndpoints.ROOT + "/offset")).hasSize(2);
    }

    @Test
    void realCloudListsPageInTheirOwnStyles() {
        sim.state().seedIssues("OPS", 7);
        String key = sim.state().issues().get(0).key();
        for (int i = 0; i < 5; i++) {
            template.requestBodyAndHeader("jiraq:addComment", "Comment " + i, JiraqConstants.ISSUE_KEY, key);
        }
        for (int i = 0; i < 3; i++) {
            sim.state().addProject("P" + (char) ('A' + i), "Project " + i);
        }

        List<?> issues = template.requestBody("jiraq:request?paginate=true&httpMethod=POST&path=/api/3/search/jql",
                "{\"jql\":\"project = OPS\",\"maxResults\":2,\"fields\":[\"summary\"]}", List.class);
        List<?> comments = template.requestBody("jiraq:request?paginate=true&path=/api/3/issue/" + key
                                                + "/comment&query.maxResults=2", (Object) null, List.class);
        List<?> projects = template.requestBody("jiraq:request?paginate=true&path=/api/3/project/search&query.maxResults=2",
                (Object) null, List.class);

        assertThat(issues).hasSize(7);
        assertThat(comments).hasSize(5);
        assertThat(projects).hasSize(5);
        assertThat(sim.requests("POST", "/rest/api/3/search/jql")).hasSize(4);
    }

    @Test
    void paginateOnAnAnswerThatIsNotAListFails() {
        assertThatThrownBy(() -> template.requestBody("jiraq:request?paginate=true&path=/api/3/myself", (Object) null))
                .cause().isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("The answer is not a paged list")
                .hasMessageContaining("call it without paginate");
    }

    @Test
    void pageModeIsRefusedWithPaginate() {
        assertThatThrownBy(() -> template.requestBody("jiraq:request?paginate=true&searchMode=page&path=" + PAGING
                                                      + "/offset", (Object) null))
                .cause().hasMessageContaining("searchMode=page does not apply to paginate");
    }
}
