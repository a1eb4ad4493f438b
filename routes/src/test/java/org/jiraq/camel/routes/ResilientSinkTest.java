package org.jiraq.camel.routes;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.deadletter.DeadLetter;
import org.jiraq.camel.deadletter.DeadLetterHeaders;
import org.jiraq.simulator.JiraSimulator;
import org.jiraq.simulator.limits.SimulatorFaults;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResilientSinkTest extends SinkTestSupport {

    private final SimulatorFaults faults = SimulatorFaults.seeded(11)
            .lostAnswers("POST", "/rest/api/3/issue/{issueIdOrKey}/comment", 1.0)
            .lostAnswers("POST", "/rest/api/3/issue", 1.0);

    @Override
    protected JiraSimulator.Builder simulator() {
        faults.enabled(false);
        return super.simulator().feature(faults);
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                templatedRoute(JiraqRouteTemplates.RESILIENT_SINK).routeId("tickets")
                        .parameter("source", "direct:tickets")
                        .parameter("target", "jiraq:createIssue?maxRetries=0")
                        .parameter("redeliveryDelay", "10");
                templatedRoute(JiraqRouteTemplates.RESILIENT_SINK).routeId("comments")
                        .parameter("source", "direct:comments")
                        .parameter("target", "jiraq:addComment")
                        .parameter("redeliveryDelay", "10");
                templatedRoute(JiraqRouteTemplates.RESILIENT_SINK).routeId("audited")
                        .parameter("source", "direct:audited")
                        .parameter("target", "jiraq:createIssue")
                        .parameter("deadLetter", "mock:audit");
                templatedRoute(JiraqRouteTemplates.RESILIENT_SINK).routeId("once")
                        .parameter("source", "direct:once")
                        .parameter("target", "jiraq:createIssue?maxRetries=0")
                        .parameter("maximumRedeliveries", "0");
                templatedRoute(JiraqRouteTemplates.DEAD_LETTER_REPLAY).routeId("tickets-replay")
                        .parameter("sink", "tickets")
                        .parameter("trigger", "direct:replay-tickets");
                templatedRoute(JiraqRouteTemplates.DEAD_LETTER_REPLAY).routeId("comments-replay")
                        .parameter("sink", "comments")
                        .parameter("trigger", "direct:replay-comments");
                templatedRoute(JiraqRouteTemplates.DEAD_LETTER_REPLAY).routeId("once-replay")
                        .parameter("sink", "once")
                        .parameter("trigger", "direct:replay-once");
            }
        };
    }

    private static Map<String, Object> ticket(String project, String summary) {
        return Map.of(JiraqConstants.PROJECT_KEY, project, JiraqConstants.ISSUE_TYPE_NAME, "Task",
                JiraqConstants.SUMMARY, summary);
    }

    @Test
    void deliveredTicketBecomesOneIssueAndNoDeadLetter() {
        template.sendBodyAndHeaders("direct:tickets", null, ticket("DEMO", "Printer on fire"));

        assertThat(sim.state().issues()).hasSize(1);
        assertThat(deadLetters.count("tickets")).isZero();
    }

    @Test
    void rateLimitedCreateIsRedeliveredNoSoonerThanRetryAfterAndMadeOnce() {
        sim.wireMock().stubFor(WireMock.post(WireMock.urlPathEqualTo("/rest/api/3/issue")).atPriority(1)
                .inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(WireMock.aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withHeader("RateLimit-Reason", "jira-burst-based")
                        .withBody("{\"errorMessages\":[\"Rate limit exceeded.\"],\"errors\":{}}"))
                .willSetStateTo("open"));
        long start = System.nanoTime();

        template.sendBodyAndHeaders("direct:tickets", null, ticket("DEMO", "Printer on fire"));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(sim.state().issues()).hasSize(1);
        assertThat(deadLetters.count("tickets")).isZero();
    }

    @Test
    void badRequestGoesToTheDeadLetterAtOnceWithJirasReason() {
        template.sendBodyAndHeaders("direct:tickets", null, Map.of(JiraqConstants.PROJECT_KEY, "DEMO",
                JiraqConstants.ISSUE_TYPE_NAME, "Task", JiraqConstants.FIELDS, Map.of("labels", List.of("no-summary"))));

        List<DeadLetter> letters = deadLetters.oldest("tickets", 10, true);
        assertThat(letters).hasSize(1);
        DeadLetter letter = letters.get(0);
        assertThat(letter.reason().status()).isEqualTo(400);
        assertThat(letter.reason().message()).contains("summary: You must specify a summary of the issue.");
        assertThat(letter.reason().requestId()).isNotBlank();
        assertThat(letter.reason().retryable()).isFalse();
        assertThat(letter.attempts()).isEqualTo(1);
        assertThat(letter.headers()).containsEntry(JiraqConstants.PROJECT_KEY, "DEMO")
                .containsEntry(JiraqConstants.FIELDS, Map.of("labels", List.of("no-summary")));
        assertThat(sim.requests("POST", "/rest/api/3/issue")).hasSize(1);
    }

    @Test
    void deadLetterKeepsNeitherTransportHeadersNorCookies() {
        Map<String, Object> headers = new java.util.HashMap<>(ticket("NOPE", "Wrong project"));
        headers.put("Authorization", "Basic c2VjcmV0");
        headers.put(JiraqConstants.COOKIES, Map.of("JSESSIONID", "s3ssion"));

        template.sendBodyAndHeaders("direct:tickets", null, headers);

        DeadLetter letter = deadLetters.oldest("tickets", 10, true).get(0);
        assertThat(letter.headers()).containsKeys(JiraqConstants.PROJECT_KEY, JiraqConstants.IDEMPOTENCY_KEY)
                .doesNotContainKeys("Authorization", JiraqConstants.COOKIES);
        assertThat(letter.toString()).doesNotContain("c2VjcmV0").doesNotContain("s3ssion");
    }

    @Test
    void commentWhoseAnswerIsLostIsDeadLetteredAsUnknownNotSentTwice() {
        String key = sim.state().createIssue("DEMO", "Task", "t").key();
        faults.enabled(true);

        template.sendBodyAndHeader("direct:comments", "Seen it", JiraqConstants.ISSUE_KEY, key);

        DeadLetter letter = deadLetters.oldest("comments", 10, true).get(0);
        assertThat(letter.reason().outcomeUnknown()).isTrue();
        assertThat(letter.reason().retryable()).isFalse();
        assertThat(letter.reason().status()).isNull();
        assertThat(letter.reason().message()).startsWith("No answer from Jira to POST /rest/api/3/issue/" + key + "/comment");
        assertThat(letter.body()).isEqualTo("Seen it");
        assertThat(sim.state().comments(key)).hasSize(1);
    }

    @Test
    void replayLeavesALostCommentForReviewInsteadOfPostingItTwice() {
        String key = sim.state().createIssue("DEMO", "Task", "t").key();
        faults.enabled(true);
        template.sendBodyAndHeader("direct:comments", "Seen it", JiraqConstants.ISSUE_KEY, key);
        faults.enabled(false);

        var run = template.request("direct:replay-comments", e -> {
        });

        assertThat(run.getMessage().getHeader(DeadLetterHeaders.REPLAYED)).isEqualTo(0);
        assertThat(deadLetters.count("comments")).isEqualTo(1);
        assertThat(sim.state().comments(key)).hasSize(1);
    }

    @Test
    void anyDeadLetterEndpointGetsTheReasonInHeaders() throws InterruptedException {
        MockEndpoint audit = getMockEndpoint("mock:audit");
        audit.expectedMessageCount(1);
        audit.expectedHeaderReceived(DeadLetterHeaders.FAILURE_STATUS, 400);
        audit.expectedHeaderReceived(DeadLetterHeaders.FAILURE_RETRYABLE, false);

        template.sendBodyAndHeaders("direct:audited", null, ticket("NOPE", "Wrong project"));

        audit.assertIsSatisfied();
        assertThat(audit.getExchanges().get(0).getMessage().getHeader(DeadLetterHeaders.FAILURE_REASON, String.class))
                .contains("project: valid project is required");
    }

    @Test
    void replayDeliversWhatCanNowBeDeliveredAndKeepsTheRestWithTheNewReason() {
        template.sendBodyAndHeaders("direct:tickets", null, ticket("NEW", "Waiting for its project"));
        template.sendBodyAndHeaders("direct:tickets", null, ticket("NEVER", "No such project, ever"));
        assertThat(deadLetters.count("tickets")).isEqualTo(2);
        sim.state().addProject("NEW", "New project");

        var run = template.request("direct:replay-tickets", e -> {
        });

        assertThat(run.getMessage().getHeader(DeadLetterHeaders.REPLAYED)).isEqualTo(1);
        assertThat(run.getMessage().getHeader(DeadLetterHeaders.STILL_FAILING)).isEqualTo(1);
        assertThat(sim.state().issues()).extracting(i -> i.project().key()).containsExactly("NEW");
        DeadLetter left = deadLetters.oldest("tickets", 10, true).get(0);
        assertThat(left.headers()).containsEntry(JiraqConstants.PROJECT_KEY, "NEVER");
        assertThat(left.attempts()).isEqualTo(2);
        assertThat(left.reason().status()).isEqualTo(400);
    }

    @Test
    void replayedCreateWhoseAnswerWasLostFindsItsIssueInsteadOfMakingASecond() {
        // the answer is lost and the lookup that would settle it cannot read the issues: the outcome stays unknown
        faults.enabled(true);
        sim.state().searchLag(Duration.ofSeconds(30));
        StubMapping readsFail = sim.wireMock().stubFor(WireMock.get(WireMock.urlPathMatching("/rest/api/3/issue/DEMO-.*"))
                .atPriority(1).willReturn(WireMock.aResponse().withStatus(503)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"errorMessages\":[\"Service unavailable\"],\"errors\":{}}")));
        template.sendBodyAndHeaders("direct:once", null, ticket("DEMO", "Lost answer"));
        DeadLetter letter = deadLetters.oldest("once", 10, true).get(0);
        assertThat(letter.reason().retryable()).isTrue();
        assertThat(letter.reason().outcomeUnknown()).isTrue();
        assertThat(letter.headers()).containsKeys(JiraqConstants.IDEMPOTENCY_KEY, JiraqConstants.OUTCOME_UNKNOWN_SINCE);
        assertThat(sim.state().issues()).hasSize(1);

        sim.wireMock().removeStub(readsFail);
        template.request("direct:replay-once", e -> {
        });

        assertThat(deadLetters.count("once")).isZero();
        assertThat(sim.state().issues()).hasSize(1);
        assertThat(sim.requests("POST", "/rest/api/3/issue")).hasSize(1);
    }
}
