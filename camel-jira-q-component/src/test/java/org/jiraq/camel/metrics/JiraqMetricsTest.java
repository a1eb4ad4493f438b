package org.jiraq.camel.metrics;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.BindToRegistry;
import org.apache.camel.Exchange;
import org.jiraq.camel.JiraqComponent;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.JiraqEndpoint;
import org.jiraq.camel.JiraqHttpException;
import org.jiraq.camel.JiraqTestSupport;
import org.jiraq.camel.connection.JiraqConnection;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

/** The component's meters move as calls are made, in the MeterRegistry the application binds. */
class JiraqMetricsTest extends JiraqTestSupport {

    @BindToRegistry("metricsRegistry")
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void everyCallIsTimedByOperationMethodAndStatus() {
        sim.state().seedIssues("OPS", 1);

        getIssue("OPS-1");
        getIssue("OPS-1");
        assertThat(getIssue("OPS-404").getException()).isInstanceOf(JiraqHttpException.class);

        Timer ok = requests("getIssue", "200");
        assertThat(ok.count()).isEqualTo(2);
        assertThat(ok.totalTime(TimeUnit.NANOSECONDS)).isPositive();
        assertThat(requests("getIssue", "404").count()).isEqualTo(1);
        assertThat(meters.find(JiraqMeters.REQUESTS).timers()).allSatisfy(t -> {
            assertThat(t.getId().getTag(JiraqMeters.TAG_SITE)).isEqualTo("localhost:" + sim.port());
            assertThat(t.getId().getTag(JiraqMeters.TAG_METHOD)).isEqualTo("GET");
        });
    }

    @Test
    void rateLimitedCallsCountA429AndARetryAndGaugeTheHeadroom() {
        sim.state().seedIssues("OPS", 1);
        sim.wireMock().stubFor(get(urlPathEqualTo("/rest/api/3/issue/OPS-1")).atPriority(1)
                .inScenario("limit").whenScenarioStateIs(STARTED).willSetStateTo("open")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")
                        .withHeader("RateLimit-Reason", "jira-burst-based").withHeader("X-RateLimit-Limit", "100")
                        .withHeader("X-RateLimit-Remaining", "0")));

        assertThat(getIssue("OPS-1").getException()).isNull();

        assertThat(requests("getIssue", "429").count()).isEqualTo(1);
        assertThat(requests("getIssue", "200").count()).isEqualTo(1);
        assertThat(meters.get(JiraqMeters.RETRIES).tag(JiraqMeters.TAG_CAUSE, "429").counter().count()).isEqualTo(1);
        assertThat(meters.get(JiraqMeters.RATE_LIMITED).tag(JiraqMeters.TAG_REASON, "jira-burst-based").counter().count())
                .isEqualTo(1);
        Gauge headroom = meters.get(JiraqMeters.RATE_LIMIT_REMAINING).tag(JiraqMeters.TAG_SITE, "localhost:" + sim.port())
                .gauge();
        assertThat(headroom.value()).isZero();
    }

    @Test
    void aCallHeldByTheRateLimitGovernorIsTimedAsAWait() {
        sim.state().seedIssues("OPS", 1);
        sim.wireMock().stubFor(get(urlPathEqualTo("/rest/api/3/issue/OPS-1")).atPriority(1)
                .inScenario("quota").whenScenarioStateIs(STARTED).willSetStateTo("open")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withHeader("RateLimit-Reason", "jira-quota-tenant-based")));
        assertThat(template.request("jiraq:getIssue?maxRetries=0",
                e -> e.getMessage().setHeader(JiraqConstants.ISSUE_KEY, "OPS-1")).getException())
                .isInstanceOf(JiraqHttpException.class);
        assertThat(meters.find(JiraqMeters.RATE_LIMIT_WAITS).timer()).isNull();

        // the spent quota holds the next call in the client until Jira's Retry-After has passed, instead of sending it
        assertThat(getIssue("OPS-1").getException()).isNull();

        Timer waits = meters.get(JiraqMeters.RATE_LIMIT_WAITS).tag(JiraqMeters.TAG_OPERATION, "getIssue").timer();
        assertThat(waits.count()).isEqualTo(1);
        assertThat(waits.totalTime(TimeUnit.MILLISECONDS)).isGreaterThan(500);
        assertThat(requests("getIssue", "200").count()).isEqualTo(1);
    }

    @Test
    void theHealthCheckCountsAsItsOwnOperation() {
        enableProducerHealthChecks(context);
        getIssue("OPS-1"); // a running producer puts its connection's check in the repository
        JiraqConnection connection = context.getEndpoint("jiraq:getIssue", JiraqEndpoint.class).getConnection();

        producerCheck(context, connection.name()).orElseThrow().call();

        assertThat(requests("healthCheck", "200").count()).isEqualTo(1);
    }

    @Test
    void featuresRecordTheirMetersThroughTheComponent() {
        JiraqMetrics metrics = context.getComponent("jiraq", JiraqComponent.class).getMetrics();

        metrics.tokenRefreshed("acme.atlassian.net", "success");
        metrics.webhookEvent("jira:issue_created", "duplicate");
        metrics.gdprCycle("completed");
        metrics.gdprAccounts("closed", 3);

        assertThat(meters.get(JiraqMeters.TOKEN_REFRESHES).tag(JiraqMeters.TAG_OUTCOME, "success").counter().count())
                .isEqualTo(1);
        assertThat(meters.get(JiraqMeters.WEBHOOK_EVENTS).tag(JiraqMeters.TAG_OUTCOME, "duplicate").counter().count())
                .isEqualTo(1);
        assertThat(meters.get(JiraqMeters.GDPR_CYCLES).counter().count()).isEqualTo(1);
        assertThat(meters.get(JiraqMeters.GDPR_ACCOUNTS).tag(JiraqMeters.TAG_STATUS, "closed").counter().count())
                .isEqualTo(3);
    }

    private Exchange getIssue(String key) {
        return template.request("jiraq:getIssue", e -> e.getMessage().setHeader(JiraqConstants.ISSUE_KEY, key));
    }

    private Timer requests(String operation, String status) {
        return meters.get(JiraqMeters.REQUESTS).tag(JiraqMeters.TAG_OPERATION, operation)
                .tag(JiraqMeters.TAG_STATUS, status).timer();
    }
}
