package org.jiraq.camel.metrics;

import java.time.Duration;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.builder.RouteBuilder;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.JiraqTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Spring Boot and Quarkus bind their MeterRegistry after the component and its connections started. */
class LateMeterRegistryTest extends JiraqTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:get").to("jiraq:getIssue");
            }
        };
    }

    @Test
    void aRegistryBoundAfterTheConnectionStartedRecordsTheConnectionsCalls() {
        sim.state().seedIssues("OPS", 1);
        getIssue(); // the connection exists and has called Jira before any registry is there

        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        context.getRegistry().bind("metricsRegistry", meters);

        // the component looks for a registry again at most once a second
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            getIssue();
            Timer requests = meters.find(JiraqMeters.REQUESTS).tag(JiraqMeters.TAG_OPERATION, "getIssue").timer();
            assertThat(requests).isNotNull();
            assertThat(requests.count()).isPositive();
        });
    }

    private void getIssue() {
        template.request("direct:get", e -> e.getMessage().setHeader(JiraqConstants.ISSUE_KEY, "OPS-1"));
    }
}
