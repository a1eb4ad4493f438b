package org.jiraq.camel.health;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheckHelper;
import org.jiraq.camel.JiraqTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Camel turns producer health checks off unless camel.health.producersEnabled=true: the connection check too. */
class JiraqProducerHealthCheckOffByDefaultTest extends JiraqTestSupport {

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
    void noConnectionCheckRunsWhileCamelsProducerChecksAreOff() {
        assertThat(HealthCheckHelper.invoke(context)).noneMatch(r -> r.getCheck().getId().startsWith("producer:jiraq-"));
        assertThat(sim.requests("GET", "/rest/api/3/myself")).isEmpty();
    }
}
