package org.jiraq.camel.webhook;

import java.util.concurrent.CompletableFuture;

/** What becomes of a verified event the route asked for, as the acknowledgement mode decides. */
public interface WebhookIntake {

    /** Takes the event; the outcome decides Jira's answer. Never completes exceptionally. */
    CompletableFuture<WebhookReceiver.Outcome> accept(InboxEvent event);
}
