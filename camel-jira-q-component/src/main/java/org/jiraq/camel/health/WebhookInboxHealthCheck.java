package org.jiraq.camel.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.jiraq.camel.webhook.InboxWorker;

/**
 * The health of a jiraq:webhook consumer's inbox, reported by Camel's consumer health check of its route
 * ({@code consumer:<routeId>}): DOWN while the inbox is full (deliveries are answered 503) or the store cannot be
 * read; its depth, the age of its oldest event, the events in flight and in the dead letters as details.
 */
public final class WebhookInboxHealthCheck implements HealthCheck {

    static final String GROUP = "jiraq";

    private final InboxWorker inbox;
    private final String routeId;
    private volatile boolean enabled = true;

    public WebhookInboxHealthCheck(InboxWorker inbox, String routeId) {
        this.inbox = inbox;
        this.routeId = routeId;
    }

    @Override
    public String getGroup() {
        return GROUP;
    }

    @Override
    public String getId() {
        return "jiraq-webhook-inbox-" + routeId;
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
        InboxWorker.Status status = inbox.status();
        Instant oldest = status.depth().oldestReceivedAt();
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this)
                .detail("inbox", inbox.inbox().name())
                .detail("inbox.mode", inbox.options().ackMode().name())
                .detail("inbox.depth", status.depth().pending())
                .detail("inbox.capacity", inbox.options().capacity())
                .detail("inbox.inFlight", status.depth().inFlight())
                .detail("inbox.oldestAgeSeconds", oldest == null ? 0 : Duration.between(oldest, status.at()).toSeconds())
                .detail("inbox.deadLetters", status.deadLetters())
                .detail("inbox.heldHere", status.held())
                .detail("inbox.readAt", status.at().toString());
        if (status.error() != null) {
            return builder.down().message("The webhook inbox cannot be read: " + status.error()).build();
        }
        if (inbox.full()) {
            return builder.down().message("The webhook inbox is full (" + status.depth().pending() + " of "
                                          + inbox.options().capacity() + " events): Jira's deliveries are answered 503"
                                          + " until the route catches up").build();
        }
        return builder.up().build();
    }
}
