package org.jiraq.camel.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.jiraq.camel.connection.JiraqConnection;
import org.jiraq.camel.webhook.InboxWorker;

/**
 * Readiness of a {@code jiraq:webhook} consumer, called by Camel's {@code consumers} repository through the consumer
 * ({@code consumer:<routeId>}): its inbox (DOWN while it is full, so deliveries are answered 503, or its store cannot
 * be read; depth, oldest age, in flight and dead letters as details) and, when it keeps its webhook registered with
 * Jira, the state of its connection's indicators. Never calls Jira; the component option healthCheckConsumerEnabled is
 * read at every call.
 */
public final class JiraqConsumerHealthCheck extends ConnectionHealthCheck {

    private final InboxWorker inbox;

    /**
     * @param connection the registering consumer's connection, or null when it registers nothing
     * @param inbox      the consumer's inbox, or null for a check of the connection only
     */
    public JiraqConsumerHealthCheck(String routeId, JiraqConnection connection, InboxWorker inbox,
                                    BooleanSupplier enabledByComponent) {
        super("jiraq-consumer-" + routeId, connection, enabledByComponent);
        this.inbox = inbox;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        describe(builder);
        builder.up();
        if (inbox != null) {
            addInbox(builder);
        }
        addIndicators(builder);
    }

    private void addInbox(HealthCheckResultBuilder builder) {
        InboxWorker.Status status = inbox.status();
        Instant oldest = status.depth().oldestReceivedAt();
        builder.detail("inbox", inbox.inbox().name())
                .detail("inbox.mode", inbox.options().ackMode().name())
                .detail("inbox.depth", status.depth().pending())
                .detail("inbox.capacity", inbox.options().capacity())
                .detail("inbox.inFlight", status.depth().inFlight())
                .detail("inbox.oldestAgeSeconds", oldest == null ? 0 : Duration.between(oldest, status.at()).toSeconds())
                .detail("inbox.deadLetters", status.deadLetters())
                .detail("inbox.heldHere", status.held())
                .detail("inbox.readAt", status.at().toString());
        if (status.error() != null) {
            builder.down().message("The webhook inbox cannot be read: " + status.error());
        } else if (inbox.full()) {
            builder.down().message("The webhook inbox is full (" + status.depth().pending() + " of "
                                   + inbox.options().capacity() + " events): Jira's deliveries are answered 503"
                                   + " until the route catches up");
        }
    }
}
