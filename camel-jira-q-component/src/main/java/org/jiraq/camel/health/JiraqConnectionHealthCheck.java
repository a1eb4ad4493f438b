package org.jiraq.camel.health;

import java.io.IOException;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.jiraq.camel.JiraqConnectionException;
import org.jiraq.camel.JiraqException;
import org.jiraq.camel.JiraqHttpException;
import org.jiraq.camel.client.JiraqRequest;
import org.jiraq.camel.connection.JiraqConnection;

/**
 * Readiness of the producers of one {@link JiraqConnection}: an authenticated {@code GET {apiPath}/myself} (the
 * cheapest call that proves both that Jira answers and that it accepts the credentials), without retries, plus the
 * state of the connection's indicators. Lives in Camel's {@code producers} repository while a producer of the
 * connection runs, so it is off unless Camel's producer checks are on, and the component option
 * healthCheckProducerEnabled is read at every call. Details name the site, deployment, API version and auth strategy,
 * and on failure Jira's status and request id, and the scope an OAuth 2.0 grant lacks for {@code /myself} when that is
 * why it was refused; never a credential.
 */
public final class JiraqConnectionHealthCheck extends ConnectionHealthCheck {

    /** This check's entry in the OAuth 2.0 scope table: GET /myself needs read:jira-user (or its granular set). */
    private static final String SCOPE_TABLE_ENTRY = "health check";

    JiraqConnectionHealthCheck(JiraqConnection connection, BooleanSupplier enabledByComponent) {
        super("producer:jiraq-" + connection.name(), connection, enabledByComponent);
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        describe(builder);
        try {
            connection.checkClient().execute(JiraqRequest.get(connection.apiPath() + "/myself").build());
            builder.up();
        } catch (JiraqHttpException refused) {
            // a grant without the scopes of /myself is refused however good it is for the routes: say so
            JiraqHttpException e = refused.getStatusCode() == 401 || refused.getStatusCode() == 403
                    ? connection.lackingScopes(SCOPE_TABLE_ENTRY).map(refused::withExplanation).orElse(refused)
                    : refused;
            builder.down().message(e.getMessage()).detail(HTTP_RESPONSE_CODE, e.getStatusCode());
            if (e.getRequestId() != null) {
                builder.detail("jira.request.id", e.getRequestId());
            }
        } catch (JiraqConnectionException | IOException e) {
            builder.down().error(e).message("Jira at " + connection.site() + " did not answer: " + e.getMessage());
        } catch (JiraqException e) {
            // not sent (rate limit), or no usable credentials (the token indicator says more)
            builder.down().message(e.getMessage());
        }
        addIndicators(builder);
    }
}
