package org.jiraq.camel.operation;

import java.time.Duration;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.jiraq.camel.JiraqConnectionException;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.JiraqException;
import org.jiraq.camel.JiraqOutcomeUnknownException;
import org.jiraq.camel.JiraqRetryAfterProcessor;
import org.jiraq.camel.JiraqTestSupport;
import org.jiraq.simulator.JiraSimulator;
import org.jiraq.simulator.RecordedRequest;
import org.jiraq.simulator.limits.SimulatorFaults;
import org.jiraq.simulator.model.Issue;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Creates that stay single whatever happens to the connection, run once per flavour by the subclasses. */
abstract class IdempotentCreateContract extends JiraqTestSupport {

    private SimulatorFaults faults;

    @Override
    protected JiraSimulator.Builder simulator() {
        faults = SimulatorFaults.seeded(5).lostAnswers("POST", flavour().restRoot() + "/issue", 1.0);
        return super.simulator().feature(faults);
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:redelivered")
                        .onException(Exception.class).onWhen(JiraqRetryAfterProcessor::isRetryable)
                        .maximumRedeliveries(3).redeliveryDelay(10).end()
                        .to("jiraq:createIssue?maxRetries=0");
            }
        };
    }

    private Exchange create(String uri, String idempotencyKey) {
        return template.request(uri, e -> {
            e.getMessage().setHeader(JiraqConstants.PROJECT_KEY, "DEMO");
            e.getMessage().setHeader(JiraqConstants.ISSUE_TYPE_NAME, "Task");
            e.getMessage().setHeader(JiraqConstants.SUMMARY, "Printer on fire");
            e.getMessage().setHeader(JiraqConstants.IDEMPOTENCY_KEY, idempotencyKey);
        });
    }

    /** Cloud's search index follows writes late; the simulator's lags this much behind every change. */
    private static final Duration SEARCH_LAG = Duration.ofSeconds(30);

    private String markerOf(Issue issue) {
        return issue.property("jiraq.idempotency").path("key").asText();
    }

    @Test
    void createIssueWhoseAnswerWasLostReturnsTheIssueItMadeWithoutADuplicate() {
        Exchange result = create("jiraq:createIssue", null);

        assertThat(result.getException()).isNull();
        assertThat(sim.state().issues()).hasSize(1);
        Issue issue = sim.state().issues().get(0);
        assertThat(result.getMessage().getHeader(JiraqConstants.ISSUE_KEY)).isEqualTo(issue.key());
        assertThat(result.getMessage().getHeader(JiraqConstants.EXISTING_ISSUE, Boolean.class)).isTrue();
        assertThat(result.getMessage().getHeader(JiraqConstants.OUTCOME_UNKNOWN_SINCE)).isNull();
        assertThat(markerOf(issue)).isEqualTo(result.getMessage().getHeader(JiraqConstants.IDEMPOTENCY_KEY))
                .isEqualTo(result.getExchangeId());
        assertThat(sim.requests("POST", flavour().restRoot() + "/issue")).hasSize(1);
    }

    @Test
    void createIssueRefusedBeforeJiraActedIsSentAgainAndMadeOnce() {
        faults.enabled(false);
        sim.wireMock().stubFor(WireMock.post(WireMock.urlPathEqualTo(flavour().restRoot() + "/issue")).atPriority(1)
                .inScenario("gateway").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(WireMock.aResponse().withStatus(502).withHeader("Content-Type", "application/json")
                        .withBody("{\"errorMessages\":[\"Bad gateway\"],\"errors\":{}}"))
                .willSetStateTo("up"));

        Exchange result = create("jiraq:createIssue", "order-7");

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(JiraqConstants.EXISTING_ISSUE, Boolean.class)).isFalse();
        assertThat(sim.state().issues()).extracting(this::markerOf).containsExactly("order-7");
        assertThat(sim.requests("POST", flavour().restRoot() + "/issue")).hasSize(2);
    }

    @Test
    void redeliveryOfACreateWhoseOutcomeIsUnknownLooksBeforeItCreates() {
        // the first lookup fails, so the exchange fails with the outcome unknown; Camel's redelivery looks again
        String search = flavour() == JiraSimulator.Flavour.CLOUD ? "/search/jql" : "/search";
        sim.wireMock().stubFor(WireMock.any(WireMock.urlPathEqualTo(flavour().restRoot() + search)).atPriority(1)
                .inScenario("index").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(WireMock.aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                        .withBody("{\"errorMessages\":[\"Service unavailable\"],\"errors\":{}}"))
                .willSetStateTo("up"));

        Exchange result = create("direct:redelivered", "order-8");

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class)).isEqualTo(1);
        assertThat(result.getMessage().getHeader(JiraqConstants.EXISTING_ISSUE, Boolean.class)).isTrue();
        assertThat(sim.state().issues()).extracting(this::markerOf).containsExactly("order-8");
        assertThat(sim.requests("POST", flavour().restRoot() + "/issue")).hasSize(1);
    }

    @Test
    void aLostAnswerOnTheLastAttemptIsLookedUpBeforeTheCallFails() {
        Exchange result = create("jiraq:createIssue?maxRetries=0", "order-11");

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(JiraqConstants.EXISTING_ISSUE, Boolean.class)).isTrue();
        assertThat(sim.state().issues()).extracting(this::markerOf).containsExactly("order-11");
        assertThat(sim.requests("POST", flavour().restRoot() + "/issue")).hasSize(1);
    }

    @Test
    void createWithoutIdempotencyIsNeverResentAfterALostAnswer() {
        Exchange result = create("jiraq:createIssue?idempotentCreate=false", null);

        JiraqException failure = JiraqException.of(result.getException());
        assertThat(failure).isInstanceOf(JiraqConnectionException.class);
        assertThat(failure.isOutcomeUnknown()).isTrue();
        assertThat(failure.isRetryable()).isFalse();
        assertThat(sim.state().issues()).hasSize(1);
        assertThat(sim.state().issues().get(0).property("jiraq.idempotency")).isNull();
        assertThat(sim.requests("POST", flavour().restRoot() + "/issue")).hasSize(1);
    }

    @Test
    void propertyQueryFindsTheLostCreateByItsKey() {
        Exchange result = create("jiraq:createIssue?idempotencyLookup=propertyQuery", "order-9");

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(JiraqConstants.EXISTING_ISSUE, Boolean.class)).isTrue();
        assertThat(sim.state().issues()).extracting(this::markerOf).containsExactly("order-9");
    }

    @Test
    void createThatNeverGetsThroughIsLookedUpOnceMoreAndFailsWithItsOutcomeKnown() {
        sim.wireMock().stubFor(WireMock.post(WireMock.urlPathEqualTo(flavour().restRoot() + "/issue")).atPriority(1)
                .willReturn(WireMock.aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody("{\"errorMessages\":[\"Internal server error\"],\"errors\":{}}")));

        Exchange result = create("jiraq:createIssue?maxRetries=2", "order-10");

        JiraqException failure = JiraqException.of(result.getException());
        assertThat(failure.isRetryable()).isTrue();
        assertThat(failure.isOutcomeUnknown()).as("the last lookup found no issue: nothing was created").isFalse();
        assertThat(result.getMessage().getHeader(JiraqConstants.OUTCOME_UNKNOWN_SINCE)).isNull();
        assertThat(result.getMessage().getHeader(JiraqConstants.IDEMPOTENCY_KEY)).isEqualTo("order-10");
        assertThat(sim.requests("POST", flavour().restRoot() + "/issue")).hasSize(3);
        assertThat(sim.state().issueCount()).isZero();
    }

    @Test
    void createWhoseAnswerWasLostWhileTheSearchIndexLagsIsFoundByKeyNotCreatedAgain() {
        sim.state().searchLag(SEARCH_LAG);

        Exchange result = create("jiraq:createIssue", "lagged-1");

        assertThat(result.getException()).isNull();
        assertThat(sim.state().issues()).extracting(this::markerOf).containsExactly("lagged-1");
        assertThat(result.getMessage().getHeader(JiraqConstants.ISSUE_KEY)).isEqualTo(sim.state().issues().get(0).key());
        assertThat(result.getMessage().getHeader(JiraqConstants.EXISTING_ISSUE, Boolean.class)).isTrue();
        assertThat(sim.requests("POST", flavour().restRoot() + "/issue")).hasSize(1);
    }

    @Test
    void issuesOthersCreatedMeanwhileAreReadPastUntilTheLostCreateIsFound() {
        faults.enabled(false);
        create("jiraq:createIssue", "before-1");
        create("jiraq:createIssue", "before-2");
        sim.state().seedIssues("DEMO", 7);
        faults.enabled(true);
        sim.state().searchLag(SEARCH_LAG);

        Exchange result = create("jiraq:createIssue", "lagged-2");

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(JiraqConstants.ISSUE_KEY)).isEqualTo("DEMO-10");
        assertThat(sim.state().issues()).filteredOn(issue -> issue.property("jiraq.idempotency") != null)
                .extracting(this::markerOf).containsExactly("before-1", "before-2", "lagged-2");
        assertThat(sim.requests("POST", flavour().restRoot() + "/issue")).hasSize(3);
        // read by key from DEMO-2, the last key seen before the create; nothing before it
        assertThat(sim.requests("GET", flavour().restRoot() + "/issue/DEMO-")).extracting(RecordedRequest::path)
                .map(path -> path.substring(path.lastIndexOf('/') + 1)).doesNotContain("DEMO-1")
                .contains("DEMO-2", "DEMO-3", "DEMO-9", "DEMO-10");
    }

    @Test
    void lookupThatCannotFinishFailsAsOutcomeUnknownAndAReplayElsewhereFindsTheIssue() {
        faults.enabled(false);
        create("jiraq:createIssue", "before-3");
        faults.enabled(true);
        sim.state().searchLag(SEARCH_LAG);
        StubMapping readsFail = sim.wireMock().stubFor(WireMock.get(WireMock.urlPathMatching(
                flavour().restRoot() + "/issue/DEMO-[0-9]+")).atPriority(1)
                .willReturn(WireMock.aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                        .withBody("{\"errorMessages\":[\"Service unavailable\"],\"errors\":{}}")));

        Exchange failed = create("jiraq:createIssue?maxRetries=1", "unsettled-1");

        JiraqException failure = JiraqException.of(failed.getException());
        assertThat(failure).isInstanceOf(JiraqOutcomeUnknownException.class);
        assertThat(failure.isOutcomeUnknown()).isTrue();
        assertThat(failure.isRetryable()).isTrue();
        assertThat(failed.getException()).hasMessageContaining("the create is not sent again");
        assertThat(failed.getMessage().getHeader(JiraqConstants.OUTCOME_UNKNOWN_SINCE, Long.class)).isPositive();
        assertThat(failed.getMessage().getHeader(JiraqConstants.OUTCOME_UNKNOWN_AFTER)).isEqualTo("DEMO-1");
        assertThat(sim.requests("POST", flavour().restRoot() + "/issue")).hasSize(2);

        // replayed as a dead letter is: its headers, by a producer that has seen nothing of this project
        sim.wireMock().removeStub(readsFail);
        Exchange replayed = template.request("jiraq:createIssue?requestTimeout=20000", e -> {
            e.getMessage().setHeaders(new java.util.HashMap<>(failed.getMessage().getHeaders()));
            e.getMessage().setBody(null);
        });

        assertThat(replayed.getException()).isNull();
        assertThat(replayed.getMessage().getHeader(JiraqConstants.EXISTING_ISSUE, Boolean.class)).isTrue();
        assertThat(replayed.getMessage().getHeader(JiraqConstants.OUTCOME_UNKNOWN_SINCE)).isNull();
        assertThat(sim.state().issues()).extracting(this::markerOf).containsExactly("before-3", "unsettled-1");
        assertThat(sim.requests("POST", flavour().restRoot() + "/issue")).hasSize(2);
    }
}
