package org.jiraq.camel.health;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.health.HealthCheck;
import org.jiraq.camel.JiraqEndpoint;
import org.jiraq.camel.JiraqTestSupport;
import org.jiraq.camel.connection.JiraqConnection;
import org.jiraq.camel.spi.FakeIndicator;
import org.jiraq.camel.spi.IndicatorState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check a registering jiraq:webhook consumer gives Camel's consumers repository: its connection's indicators,
 * without calling Jira, and off while the component's healthCheckConsumerEnabled is false.
 */
class JiraqConsumerHealthCheckTest extends JiraqTestSupport {

    @Test
    void reportsTheIndicatorsOfItsConnectionAndHonoursTheComponentOptionAtEveryCall() {
        JiraqConnection connection = context.getEndpoint("jiraq:getIssue", JiraqEndpoint.class).getConnection();
        FakeIndicator registration = new FakeIndicator("webhook-jiraq-webhook");
        connection.addIndicator(registration);
        AtomicBoolean enabled = new AtomicBoolean(true);
        JiraqConsumerHealthCheck check = new JiraqConsumerHealthCheck("events", connection, null, enabled::get);
        check.setCamelContext(context);

        HealthCheck.Result up = check.call();
        assertThat(up.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(up.getDetails()).containsEntry("auth.strategy", "apiToken");

        registration.set(IndicatorState.unhealthy("keeping the webhook registration alive fails", Map.of()));
        HealthCheck.Result down = check.call();
        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(down.getMessage()).hasValue("webhook-jiraq-webhook: keeping the webhook registration alive fails");

        enabled.set(false);
        assertThat(check.call().getState()).isEqualTo(HealthCheck.State.UNKNOWN);
        assertThat(sim.requests("GET", "/rest/api/3/myself")).as("a consumer check never calls Jira").isEmpty();
    }
}
