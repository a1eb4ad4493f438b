package org.jiraq.camel.operation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.JiraqHttpException;
import org.jiraq.camel.JiraqTestSupport;
import org.jiraq.simulator.JiraSimulator;
import org.jiraq.simulator.RecordedRequest;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The generic request and serviceDeskRequest operations over HTTP, run once per flavour by the subclasses. */
abstract class RequestOperationContract extends JiraqTestSupport {

    private String api() {
        return flavour() == JiraSimulator.Flavour.CLOUD ? "/api/3" : "/api/2";
    }

    private String restRoot() {
        return flavour().restRoot();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // path, method and query from Camel expressions, the way routes build dynamic calls
                from("direct:createByExpression")
                        .setHeader(JiraqConstants.HTTP_METHOD, constant("POST"))
                        .setHeader(JiraqConstants.PATH, simple("${header.api}/issue"))
                        .to("jiraq:request");
                from("direct:getByExpression")
                        .setHeader(JiraqConstants.PATH, simple("${header.api}/issue/${header.key}"))
                        .setHeader(JiraqConstants.QUERY, method(RequestOperationContract.class, "summaryOnly"))
                        .to("jiraq:request");
            }
        };
    }

    /** Used by the route above: the query as a Map built by a bean expression. */
    public static Map<String, Object> summaryOnly() {
        return Map.of("fields", "summary");
    }

    @Test
    void requestReturnsParsedJsonAndTheHttpStatus() {
        Exchange result = template.request("jiraq:request?path=" + api() + "/myself", e -> {
        });

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(JiraqConstants.HTTP_STATUS)).isEqualTo(200);
        assertThat(result.getMessage().getBody(Map.class)).containsEntry("emailAddress", JiraSimulator.DEFAULT_USER);
    }

    @Test
    void pathAndMethodFromExpressionsCreateAnIssueFromRawJsonText() {
        String json = "{\"fields\":{\"project\":{\"key\":\"DEMO\"},\"issuetype\":{\"name\":\"Task\"},"
                      + "\"summary\":\"Raw JSON\"}}";

        Exchange result = template.request("direct:createByExpression", e -> {
            e.getMessage().setHeader("api", api());
            e.getMessage().setBody(json);
        });

        assertThat(result.getMessage().getHeader(JiraqConstants.HTTP_STATUS)).isEqualTo(201);
        String key = (String) result.getMessage().getBody(Map.class).get("key");
        assertThat(sim.state().issue(key).summary()).isEqualTo("Raw JSON");
        RecordedRequest sent = sim.requests("POST", restRoot() + "/issue").get(0);
        assertThat(sent.body()).isEqualTo(json);
        assertThat(sent.header("Content-Type")).isEqualTo("application/json");
    }

    @Test
    @SuppressWarnings("unchecked")
    void queryFromExpressionAndPathIsSent() {
        String key = sim.state().createIssue("DEMO", "Task", "Query me").key();

        Map<String, Object> issue = template.request("direct:getByExpression", e -> {
            e.getMessage().setHeader("api", api());
            e.getMessage().setHeader("key", key);
        }).getMessage().getBody(Map.class);

        assertThat(((Map<String, Object>) issue.get("fields")).keySet()).containsExactly("summary");
        assertThat(sim.requests("GET", restRoot() + "/issue/" + key).get(0).query())
                .containsExactlyEntriesOf(Map.of("fields", List.of("summary")));
    }

    @Test
    void queryParametersFromPathOptionsAndHeaderAreMergedWithTheHeaderWinning() {
        String key = sim.state().createIssue("DEMO", "Task", "Merge").key();
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("fields", "summary,labels");
        // the DC document types properties as one string; Cloud's as a list, sent as repeated parameters
        List<String> properties = flavour() == JiraSimulator.Flavour.CLOUD ? List.of("a", "b") : List.of("a");
        query.put("properties", properties);

        template.requestBodyAndHeader("jiraq:request?path=" + api() + "/issue/" + key + "?expand=names"
                                      + "&query.fields=status&query.updateHistory=false",
                null, JiraqConstants.QUERY, query);

        RecordedRequest sent = sim.requests("GET", restRoot() + "/issue/" + key).get(0);
        assertThat(sent.query()).containsEntry("expand", List.of("names"))
                .containsEntry("fields", List.of("summary,labels"))
                .containsEntry("updateHistory", List.of("false"))
                .containsEntry("properties", properties);
    }

    @Test
    void headersAndCookiesArriveExactlyAsSentAndNoOtherMessageHeader() {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("X-Force-Accept-Language", "true");
        headers.put("Accept-Language", "de-DE");
        Map<String, Object> cookies = new LinkedHashMap<>();
        cookies.put("ajs_anonymous_id", "abc123");
        cookies.put("atlassian.xsrf.token", "tok-1_x");

        template.request("jiraq:request?path=" + api() + "/myself&httpHeader.X-Trace-Id=trace-42&cookie.region=eu",
                e -> {
                    e.getMessage().setHeader(JiraqConstants.HTTP_HEADERS, headers);
                    e.getMessage().setHeader(JiraqConstants.COOKIES, cookies);
                    e.getMessage().setHeader("X-Not-For-Jira", "exchange header");
                    e.getMessage().setHeader("Authorization", "Basic bm90OmZvcndhcmRlZA==");
                });

        RecordedRequest sent = sim.requests("GET", restRoot() + "/myself").get(0);
        assertThat(sent.header("X-Trace-Id")).isEqualTo("trace-42");
        assertThat(sent.header("X-Force-Accept-Language")).isEqualTo("true");
        assertThat(sent.header("Accept-Language")).isEqualTo("de-DE");
        assertThat(sent.headers().get("Cookie")).containsExactly("region=eu; ajs_anonymous_id=abc123;"
                                                                 + " atlassian.xsrf.token=tok-1_x");
        assertThat(sent.header("X-Not-For-Jira")).isNull();
        assertThat(sent.header("Authorization")).isNotEqualTo("Basic bm90OmZvcndhcmRlZA==");
    }

    @Test
    void pathOptionResolvesPropertyPlaceholders() {
        String key = sim.state().createIssue("OPS", "Bug", "Placeholder").key();
        context.getPropertiesComponent().addInitialProperty("jira.issue", key);

        Map<?, ?> issue = template.requestBody("jiraq:request?path=" + api() + "/issue/{{jira.issue}}", (Object) null, Map.class);

        assertThat(issue.get("key")).isEqualTo(key);
    }

    @Test
    void putAndDeleteGoThroughTheGenericRequest() {
        String key = sim.state().createIssue("DEMO", "Task", "Before").key();

        Exchange put = template.request("jiraq:request?httpMethod=PUT&path=/rest" + api() + "/issue/" + key,
                e -> e.getMessage().setBody(Map.of("fields", Map.of("summary", "After"))));
        Exchange delete = template.request("jiraq:request?httpMethod=DELETE&path=" + api() + "/issue/" + key, e -> {
        });

        assertThat(put.getMessage().getHeader(JiraqConstants.HTTP_STATUS)).isEqualTo(204);
        assertThat(put.getMessage().getBody()).isNull();
        assertThat(delete.getMessage().getHeader(JiraqConstants.HTTP_STATUS)).isEqualTo(204);
        assertThat(sim.state().issue(key)).isNull();
    }

    @Test
    void getSendsNoBodyEvenWhenTheMessageHasOne() {
        template.requestBody("jiraq:request?path=" + api() + "/myself", "left over from an earlier step");

        assertThat(sim.requests("GET", restRoot() + "/myself").get(0).body()).isEmpty();
    }

    @Test
    void answerThatIsNotJsonComesBackAsText() {
        sim.wireMock().stubFor(get(urlPathEqualTo("/rest/plain/1.0/motd")).atPriority(1)
                .willReturn(aResponse().withHeader("Content-Type", "text/plain").withBody("Maintenance at 5")));

        Object body = template.requestBody("jiraq:request?path=/plain/1.0/motd", (Object) null);

        assertThat(body).isEqualTo("Maintenance at 5");
    }

    @Test
    void errorAnswerRaisesJiraqHttpExceptionWithJirasMessage() {
        assertThatThrownBy(() -> template.requestBody("jiraq:request?path=" + api() + "/issue/DEMO-404", (Object) null))
                .cause().isInstanceOf(JiraqHttpException.class)
                .hasMessageContaining("404")
                .hasMessageContaining("Issue does not exist");
    }

    @Test
    void serviceDeskRequestResolvesBelowTheServiceManagementRoot() {
        Exchange result = template.request("jiraq:serviceDeskRequest?path=/servicedesk/1", e -> {
        });

        assertThat(result.getMessage().getBody(Map.class)).containsEntry("projectKey", "OPS");
        assertThat(sim.requests("GET", "/rest/servicedeskapi/servicedesk/1")).hasSize(1);
    }

    @Test
    void experimentalServiceManagementCallNeedsTheOptInHeader() {
        assertThatThrownBy(() -> template.requestBody("jiraq:serviceDeskRequest?path=/requesttype", (Object) null))
                .cause().isInstanceOf(JiraqHttpException.class)
                .hasMessageContaining("412")
                .hasMessageContaining("X-ExperimentalApi: opt-in");

        Map<?, ?> types = template.requestBody(
                "jiraq:serviceDeskRequest?path=/requesttype&httpHeader.X-ExperimentalApi=opt-in", (Object) null, Map.class);

        assertThat((List<?>) types.get("values")).hasSize(7);
    }
}
