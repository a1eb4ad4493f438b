package org.jiraq.camel;

import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.jiraq.simulator.JiraSimulator;
import org.jiraq.simulator.limits.SimulatorRateLimits;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Camel's own redelivery honours Jira's Retry-After through JiraqRetryAfterProcessor; routes see rate-limit headers. */
class RetryAfterRedeliveryTest extends JiraqTestSupport {

    private final SimulatorRateLimits limits = SimulatorRateLimits.create().perMethod("GET", 100);

    @Override
    protected JiraSimulator.Builder simulator() {
        return super.simulator().feature(limits);
    }

    /** The next call to the project list is refused with 429 and this Retry-After; the ones after it pass. */
    private void rateLimitOnce(int retryAfterSeconds) {
        sim.wireMock().stubFor(WireMock.get(WireMock.urlPathEqualTo("/rest/api/3/project/search")).atPriority(1)
                .inScenario("storm").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(WireMock.aResponse().withStatus(429)
                        .withHeader("Retry-After", Integer.toString(retryAfterSeconds))
                        .withHeader("RateLimit-Reason", "jira-burst-based").withHeader("Content-Type", "application/json")
                        .withBody("{\"errorMessages\":[\"Rate limit exceeded.\"],\"errors\":{}}"))
                .willSetStateTo("calm"));
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:honoured")
                        .onException(Exception.class).onWhen(JiraqRetryAfterProcessor::isRetryable)
                        .maximumRedeliveries(2).redeliveryDelay(10)
                        .onExceptionOccurred(new JiraqRetryAfterProcessor()).end()
                        .to("jiraq:getProjects?maxRetries=0");
                from("direct:ignored")
                        .onException(Exception.class).onWhen(JiraqRetryAfterProcessor::isRetryable)
                        .maximumRedeliveries(2).redeliveryDelay(10).end()
                        .to("jiraq:getProjects?maxRetries=0");
            }
        };
    }

    @Test
    void redeliveryWaitsAtLeastTheRetryAfterJiraAskedFor() {
        rateLimitOnce(1);
        long start = System.nanoTime();

        Exchange result = template.request("direct:honoured", e -> {
        });

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class)).isEqualTo(1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(sim.requests("GET", "/rest/api/3/project/search")).hasSize(2);
    }

    @Test
    void redeliveriesSoonerThanRetryAfterAreRefusedLocallyInsteadOfHammeringJira() {
        // longer than any call waits in the governor for its slot, so the early redeliveries are not sent at all
        rateLimitOnce(3);

        Exchange result = template.request("direct:ignored", e -> {
        });

        JiraqRateLimitException error = result.getException(JiraqRateLimitException.class);
        assertThat(error.getMessage()).contains("Not sent");
        assertThat(error.getRetryAfter()).isPositive();
        assertThat(sim.requests("GET", "/rest/api/3/project/search")).hasSize(1);
    }

    @Test
    void everyOperationReportsTheRateLimitLeft() {
        Exchange result = template.request("jiraq:getProjects", e -> {
        });

        assertThat(result.getMessage().getHeader(JiraqConstants.RATE_LIMIT_REMAINING, Integer.class)).isEqualTo(99);
        assertThat(result.getMessage().getHeader(JiraqConstants.RATE_LIMIT_NEAR_LIMIT, Boolean.class)).isFalse();
        assertThat(result.getMessage().getBody(java.util.List.class)).extracting(p -> ((Map<?, ?>) p).get("key"))
                .contains("DEMO");
    }
}
