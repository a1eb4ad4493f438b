package org.jiraq.camel.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acknowledgement once stored: the event is written to the inbox, in the same row as its de-duplication entry, and
 * Jira's 2xx waits for that commit (shared with the requests arriving meanwhile). When this process has room it keeps
 * the event's lease and hands it to its own delivery threads at once; else the row waits for any process's poller.
 * A full inbox, or a store that cannot be written, is answered 503 so that Jira sends the event again.
 */
public final class InboxIntake implements WebhookIntake {

    private static final Logger LOG = LoggerFactory.getLogger(InboxIntake.class);

    private final InboxWorker worker;
    private final Clock clock;

    public InboxIntake(InboxWorker worker, Clock clock) {
        this.worker = worker;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<WebhookReceiver.Outcome> accept(InboxEvent event) {
        if (worker.full()) {
            return CompletableFuture.completedFuture(WebhookReceiver.Outcome.BUSY);
        }
        boolean deliverHere = worker.hasRoom(1);
        Instant leaseUntil = deliverHere ? clock.instant().plus(worker.options().lease()) : null;
        return worker.admit(new WebhookInbox.NewEvent(event, WebhookInbox.State.PENDING, leaseUntil))
                .handle((admission, error) -> {
                    if (error != null) {
                        LOG.warn("Could not store webhook {} ({}) in {}; Jira is answered 503 and sends it again: {}",
                                event.key(), event.event().name(), worker.inbox().name(), error.getMessage());
                        return WebhookReceiver.Outcome.UNAVAILABLE;
                    }
                    if (!admission.stored()) {
                        return WebhookReceiver.Outcome.DUPLICATE;
                    }
                    worker.admitted();
                    if (deliverHere) {
                        worker.take(event);
                    }
                    return WebhookReceiver.Outcome.STORED;
                });
    }
}
