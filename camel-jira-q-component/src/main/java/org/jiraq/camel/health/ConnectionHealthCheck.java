package org.jiraq.camel.health;

import java.util.function.BooleanSupplier;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.jiraq.camel.connection.JiraqConnection;
import org.jiraq.camel.spi.HealthIndicator;
import org.jiraq.camel.spi.IndicatorState;

/**
 * What every jiraq health check shares: it speaks of one connection, if any (what it is, and the state of its
 * indicators; a webhook consumer that registers nothing with Jira has none),
 * it is a readiness check only (a Jira outage is no reason to restart the application), and the component's option
 * for its kind is read at every call, so switching it takes effect at once.
 */
abstract class ConnectionHealthCheck extends AbstractHealthCheck {

    protected final JiraqConnection connection;
    private final BooleanSupplier enabledByComponent;

    ConnectionHealthCheck(String id, JiraqConnection connection, BooleanSupplier enabledByComponent) {
        super("camel", id);
        this.connection = connection;
        this.enabledByComponent = enabledByComponent;
    }

    @Override
    public boolean isEnabled() {
        return super.isEnabled() && enabledByComponent.getAsBoolean();
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    /** The connection's site, deployment, API version and auth strategy; never a credential. */
    protected void describe(HealthCheckResultBuilder builder) {
        if (connection == null) {
            return;
        }
        builder.detail("site", connection.site().toString())
                .detail("deployment", connection.deployment().name())
                .detail("api.version", connection.apiVersion())
                .detail("auth.strategy", connection.authStrategy().name())
                // deprecated: the name before auth.strategy, kept for one release
                .detail("auth.method", connection.authStrategy().name());
    }

    /**
     * Each indicator's details, prefixed with its name; an unhealthy one makes the check DOWN and says why, and a
     * healthy one's message shows as a warning (pacing per JVM while the shared store is away).
     */
    protected void addIndicators(HealthCheckResultBuilder builder) {
        if (connection == null) {
            return;
        }
        for (HealthIndicator indicator : connection.indicators()) {
            IndicatorState state = indicator.state();
            state.details().forEach((key, value) -> builder.detail(indicator.name() + "." + key, value));
            if (!state.healthy()) {
                builder.down();
            }
            if (state.message() != null) {
                String why = indicator.name() + ": " + state.message();
                builder.message(builder.message() == null ? why : builder.message() + "; " + why);
            }
        }
    }
}
