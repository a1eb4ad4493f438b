package org.jiraq.camel.health;

import java.io.IOException;
import java.util.Map;

import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.jiraq.camel.JiraqAuthorizationException;
import org.jiraq.camel.JiraqHttpException;
import org.jiraq.camel.client.JiraqRequest;
import org.jiraq.camel.connection.JiraqConnection;
import org.jiraq.camel.spi.HealthIndicator;
import org.jiraq.camel.spi.IndicatorState;

/**
 * Readiness of one {@link JiraqConnection}: an authenticated {@code GET {apiPath}/myself} (the cheapest call that
 * proves both that Jira answers and that it accepts the credentials), without retries, plus the state of the
 * connection's {@link HealthIndicator}s. Details name the site, deployment, API version and auth method, and on
 * failure Jira's status and request id; never a credential.
 */
public final class JiraqConnectionHealthCheck implements HealthCheck {

    static final String GROUP = "jiraq";

    private final JiraqConnection connection;
    private volatile boolean enabled = true;

    public JiraqConnectionHealthCheck(JiraqConnection connection) {
        this.connection = connection;
    }

    @Override
    public String getGroup() {
        return GROUP;
    }

    @Override
    public String getId() {
        return "jiraq-" + connection.name();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public Result call(Map<String, Object> options) {
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this)
                .detail(CHECK_KIND, Kind.READINESS)
                .detail("site", connection.site().toString())
                .detail("deployment", connection.deployment().name())
                .detail("api.version", connection.apiVersion())
                .detail("auth.method", connection.authMethod().name());
        if (!enabled) {
            return builder.detail(CHECK_ENABLED, false).message("Disabled").unknown().build();
        }
        callJira(builder);
        for (HealthIndicator indicator : connection.indicators()) {
            IndicatorState state = indicator.state();
            state.details().forEach((key, value) -> builder.detail(indicator.name() + "." + key, value));
            if (!state.healthy()) {
                builder.down();
            }
            if (state.message() != null) { // a healthy indicator's message is a warning, e.g. pacing per JVM
                builder.message(join(builder.message(), indicator.name() + ": " + state.message()));
            }
        }
        return builder.build();
    }

    private void callJira(HealthCheckResultBuilder builder) {
        try {
            connection.checkClient().execute(JiraqRequest.get(connection.apiPath() + "/myself").build());
            builder.up();
        } catch (JiraqHttpException e) {
            builder.down().message(e.getMessage()).detail(HTTP_RESPONSE_CODE, e.getStatusCode());
            if (e.getRequestId() != null) {
                builder.detail("jira.request.id", e.getRequestId());
            }
        } catch (IOException e) {
            builder.down().error(e).message("Jira at " + connection.site() + " did not answer: " + e);
        } catch (JiraqAuthorizationException e) {
            builder.down().message(e.getMessage()); // no usable credentials: the token indicator says more
        }
    }

    private static String join(String first, String second) {
        return first == null ? second : first + "; " + second;
    }
}
