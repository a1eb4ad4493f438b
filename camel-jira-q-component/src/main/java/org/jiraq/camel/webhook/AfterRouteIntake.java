package org.jiraq.camel.webhook;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acknowledgement after the route: the request runs the route itself and Jira's answer tells how it went. The event's
 * row says it is in flight (under this process's lease) while the route runs, so a retry of the same delivery that
 * arrives meanwhile, on this replica or another, waits for that attempt instead of being answered 2xx: when the
 * attempt completes the retry gets 2xx, when it fails the retry runs the route itself, and when it is still running
 * after a while the retry gets 503 and Jira sends it again later. An attempt whose process died is taken over once its
 * lease has run out.
 */
public final class AfterRouteIntake implements WebhookIntake {

    private static final Logger LOG = LoggerFactory.getLogger(AfterRouteIntake.class);
    private static final long WAIT_STEP_MILLIS = 100;

    private final InboxWorker worker;
    private final InboxWorker.Route route;
    private final Clock clock;

    public AfterRouteIntake(InboxWorker worker, InboxWorker.Route route, Clock clock) {
        this.worker = worker;
        this.route = route;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<WebhookReceiver.Outcome> accept(InboxEvent event) {
        try {
            return CompletableFuture.completedFuture(acceptNow(event));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not record webhook {} ({}) of {}; Jira is answered 503 and sends it again: {}", event.key(),
                    event.event().name(), worker.inbox().name(), e.getMessage());
            return CompletableFuture.completedFuture(WebhookReceiver.Outcome.UNAVAILABLE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.completedFuture(WebhookReceiver.Outcome.UNAVAILABLE);
        }
    }

    private WebhookReceiver.Outcome acceptNow(InboxEvent event) throws IOException, InterruptedException {
        WebhookInbox inbox = worker.inbox();
        Instant giveUpAt = clock.instant().plus(worker.options().inFlightWait());
        while (true) {
            Instant now = clock.instant();
            Instant leaseUntil = now.plus(worker.options().lease());
            WebhookInbox.Admission admission
                    = join(worker.admit(new WebhookInbox.NewEvent(event, WebhookInbox.State.IN_FLIGHT, leaseUntil)));
            if (admission.stored() || inbox.takeOver(event.key(), WebhookInbox.State.IN_FLIGHT, now, leaseUntil)) {
                return runRoute(event);
            }
            Optional<WebhookInbox.Admission> current = inbox.find(event.key());
            if (current.isPresent() && (current.get().state() == WebhookInbox.State.DONE
                                        || current.get().state() == WebhookInbox.State.DEAD)) {
                return WebhookReceiver.Outcome.DUPLICATE;
            }
            if (clock.instant().isAfter(giveUpAt)) {
                LOG.info("Webhook {} ({}) of {} is still being processed by an earlier attempt; Jira is answered 503",
                        event.key(), event.event().name(), inbox.name());
                return WebhookReceiver.Outcome.BUSY;
            }
            Thread.sleep(WAIT_STEP_MILLIS);
        }
    }

    /** The result of a group-committed write, its failure as the store's. */
    private static <T> T join(CompletableFuture<T> write) throws IOException {
        try {
            return write.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    private WebhookReceiver.Outcome runRoute(InboxEvent event) throws IOException {
        WebhookInbox inbox = worker.inbox();
        worker.hold(event.key());
        try {
            route.deliver(event);
        } catch (Exception failure) {
            LOG.warn("Delivering webhook {} ({}) of {} failed; Jira is answered 500 and sends it again: {}", event.key(),
                    event.event().name(), inbox.name(), failure.getMessage());
            inbox.forget(event.key());
            return WebhookReceiver.Outcome.FAILED;
        } finally {
            worker.release(event.key());
        }
        if (!join(worker.markDone(event.key()))) {
            LOG.warn("Webhook {} of {} was delivered after its lease ran out; another process may have delivered it"
                     + " too. Make leaseDuration longer than the route takes", event.key(), inbox.name());
        }
        return WebhookReceiver.Outcome.DELIVERED;
    }
}
