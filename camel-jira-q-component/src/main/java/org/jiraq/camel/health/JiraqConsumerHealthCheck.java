package org.jiraq.camel.health;

import java.util.Map;
import java.util.function.BooleanSupplier;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.jiraq.camel.connection.JiraqConnection;

/**
 * Readiness of a {@code jiraq:webhook} consumer that keeps its webhook registered with Jira: the state of its
 * connection's indicators (the registration's refreshes, an OAuth 2.0 grant). Camel's {@code consumers} repository
 * calls it through the consumer; the component option healthCheckConsumerEnabled is read at every call.
 */
public final class JiraqConsumerHealthCheck extends ConnectionHealthCheck {

    public JiraqConsumerHealthCheck(String routeId, JiraqConnection connection, BooleanSupplier enabledByComponent) {
        super("jiraq-consumer-" + routeId, connection, enabledByComponent);
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        describe(builder);
        builder.up();
        addIndicators(builder);
    }
}
