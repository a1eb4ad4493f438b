package org.jiraq.camel.webhook;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.jiraq.camel.JiraqWebhookAckMode;
import org.jiraq.camel.metrics.JiraqMetrics;
import org.jiraq.camel.store.GroupCommit;
import org.jiraq.camel.store.JiraqStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbox's side towards the route. Delivery threads hand events to the route; an event is marked done only once
 * the route completed, else it is delivered again after a growing delay, and after the last redelivery it goes to
 * the dead letters with the reason. A poller keeps this process's leases alive, takes due events no live process
 * holds (retries, events of a process that died, of a replica, or stored while this one was busy), and reads how
 * full the inbox is for the capacity check, the health check, the meters and the console.
 * <p>
 * With {@link JiraqWebhookAckMode#afterRoute} nothing is delivered from here (requests run the route themselves); the
 * poller still renews the leases of their events in flight and reads the depth.
 */
public final class InboxWorker {

    /** Where the worker's events go. */
    public interface Route {

        /** Runs the route on the event; returns normally only when it completed, else throws its failure. */
        void deliver(InboxEvent event) throws Exception;

        /** Keeps an event given up on, with the failure, in the dead letters. */
        void deadLetter(InboxEvent event, int attempts, Throwable failure) throws IOException;

        /** The dead letters of this consumer, for the depth figures. */
        int deadLetters() throws IOException;
    }

    /** This process's view of the inbox, refreshed by the poller: cheap to read for checks and meters. */
    public record Status(WebhookInbox.Depth depth, int deadLetters, int held, Instant at, String error) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(InboxWorker.class);
    private static final Duration PRUNE_EVERY = Duration.ofHours(1);
    private static final int MAX_ROUND = 256;
    /** How many events this process may hold beyond the ones being delivered. */
    private static final int QUEUED_PER_THREAD = 64;
    /** Wakes a delivery thread to stop. */
    private static final InboxEvent STOP = new InboxEvent("", null, "", Map.of(), Instant.EPOCH, 0);

    private final WebhookInbox inbox;
    private final InboxOptions options;
    private final Route route;
    private final JiraqMetrics metrics;
    private final WebhookLog log;
    private final Clock clock;
    private final boolean delivering;
    private final BlockingQueue<InboxEvent> queue = new LinkedBlockingQueue<>();
    /** The keys of the events this process holds: queued, being delivered, or (after the route) in flight. */
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    /** New events and done marks, written together: one commit (a file write on H2) per round for both. */
    private final GroupCommit<Write, Object> writes;
    /** Events admitted by this process since the depth was last read, so the capacity check is not a poll behind. */
    private final AtomicLong admittedSinceRead = new AtomicLong();
    private volatile Status status;
    private volatile boolean running;
    private ExecutorService threads;
    private ScheduledExecutorService poller;
    private Instant nextRenewal = Instant.EPOCH;
    private Instant nextPrune = Instant.EPOCH;

    public InboxWorker(JiraqStore store, WebhookInbox inbox, InboxOptions options, Route route, JiraqMetrics metrics,
                       WebhookLog log, Clock clock) {
        this.inbox = inbox;
        this.options = options;
        this.route = route;
        this.metrics = metrics;
        this.log = log;
        this.clock = clock;
        this.delivering = options.ackMode() == JiraqWebhookAckMode.inbox;
        this.writes = new GroupCommit<>(store, this::write, MAX_ROUND);
        this.status = new Status(new WebhookInbox.Depth(0, null, 0), 0, 0, clock.instant(), null);
    }

    /** What the writer thread writes: a new event, or the done mark of one. */
    private record Write(WebhookInbox.NewEvent event, String doneKey) {
    }

    /** One round of writes in one transaction: the new events first, then the done marks; results in order. */
    private List<Object> write(Connection c, List<Write> round) throws SQLException {
        List<WebhookInbox.NewEvent> events = new ArrayList<>();
        List<String> done = new ArrayList<>();
        for (Write w : round) {
            if (w.event() != null) {
                events.add(w.event());
            } else {
                done.add(w.doneKey());
            }
        }
        Instant now = clock.instant();
        Iterator<WebhookInbox.Admission> admitted = events.isEmpty() ? Collections.emptyIterator()
                : inbox.admit(c, events, now).iterator();
        Iterator<Boolean> marked = done.isEmpty() ? Collections.emptyIterator() : inbox.markDone(c, done, now).iterator();
        List<Object> results = new ArrayList<>(round.size());
        for (Write w : round) {
            results.add(w.event() != null ? admitted.next() : marked.next());
        }
        return results;
    }

    /**
     * Starts the threads: {@code deliveryThreads} (inbox mode: one per concurrent delivery), a single-thread executor
     * writing new events and done marks, and a scheduled one for the poller. Reads the depth once first.
     */
    public void start(ExecutorService deliveryThreads, ExecutorService writer, ScheduledExecutorService pollThread) {
        running = true;
        poll();
        writes.start(writer);
        if (delivering) {
            threads = deliveryThreads;
            for (int i = 0; i < options.concurrency(); i++) {
                threads.execute(this::deliverLoop);
            }
        } else {
            deliveryThreads.shutdown();
        }
        poller = pollThread;
        long every = options.pollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Stops taking events, lets the deliveries under way finish (up to {@code timeout}), and releases the events this
     * process holds but has not started, so a restart or a replica takes them at once.
     */
    public void stop(Duration timeout) throws InterruptedException {
        running = false;
        if (poller != null) {
            poller.shutdownNow();
        }
        List<InboxEvent> notStarted = new ArrayList<>();
        queue.drainTo(notStarted);
        if (threads != null) {
            // wakes the idle threads; a thread at work finishes its event first
            for (int i = 0; i < options.concurrency(); i++) {
                queue.add(STOP);
            }
            threads.shutdown();
            if (!threads.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Webhook deliveries of {} still running after {} s; their events are delivered again once"
                         + " their lease runs out", inbox.name(), timeout.toSeconds());
            }
        }
        writes.stop(timeout.toMillis()); // what was handed in and marked done is written first
        queue.drainTo(notStarted);
        notStarted.removeIf(event -> event == STOP);
        try {
            inbox.releaseLeases(notStarted.stream().map(InboxEvent::key).collect(Collectors.toSet()));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not release {} webhook event(s) of {}; they are taken over once their lease runs out: {}",
                    notStarted.size(), inbox.name(), e.getMessage());
        }
        notStarted.forEach(event -> held.remove(event.key()));
    }

    /**
     * Stores an event, with the requests arriving meanwhile in one transaction; the future completes once it is
     * committed (or exceptionally when it could not be).
     */
    public CompletableFuture<WebhookInbox.Admission> admit(WebhookInbox.NewEvent event) {
        return writes.submit(new Write(event, null)).thenApply(WebhookInbox.Admission.class::cast);
    }

    /** Marks an event this process holds as processed, with others in one transaction; false once its lease was lost. */
    public CompletableFuture<Boolean> markDone(String key) {
        return writes.submit(new Write(null, key)).thenApply(Boolean.class::cast);
    }

    /** Whether this process may take {@code count} more events for its own delivery threads. */
    public boolean hasRoom(int count) {
        return delivering && running && held.size() + count <= options.concurrency() * (QUEUED_PER_THREAD + 1);
    }

    /** An event this process stored under its own lease: delivered from here, without reading it back. */
    public void take(InboxEvent event) {
        held.add(event.key());
        queue.add(event);
    }

    /** An event a request runs through the route itself (after-route acknowledgement): its lease is kept alive. */
    public void hold(String key) {
        held.add(key);
    }

    public void release(String key) {
        held.remove(key);
    }

    /** Counts an event stored since the depth was read. */
    public void admitted() {
        admittedSinceRead.incrementAndGet();
    }

    /** Whether the inbox holds as many waiting events as it may, as far as this process knows. */
    public boolean full() {
        return status.depth().pending() + admittedSinceRead.get() >= options.capacity();
    }

    public Status status() {
        return status;
    }

    public InboxOptions options() {
        return options;
    }

    public WebhookInbox inbox() {
        return inbox;
    }

    private void deliverLoop() {
        while (running) {
            InboxEvent event;
            try {
                event = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (event == STOP) {
                return;
            }
            deliver(event);
        }
    }

    private void deliver(InboxEvent event) {
        String name = event.event().name();
        try {
            route.deliver(event);
        } catch (Exception failure) {
            failed(event, failure);
            return;
        }
        metrics.webhookEvent(name, "delivered");
        log.outcome(event.event(), " delivered to the route");
        markDone(event.key()).whenComplete((stillHeld, error) -> {
            held.remove(event.key());
            if (error != null) {
                LOG.warn("Webhook {} of {} was delivered but could not be marked done; it is delivered again once its"
                         + " lease runs out: {}", event.key(), inbox.name(), error.getMessage());
            } else if (!stillHeld) {
                LOG.warn("Webhook {} of {} was delivered after its lease ran out; another process may have delivered"
                         + " it too. Make leaseDuration longer than the route takes", event.key(), inbox.name());
            }
        });
    }

    private void failed(InboxEvent event, Exception failure) {
        int attempts = event.attempts() + 1;
        String reason = failure.getMessage() != null ? failure.getMessage() : failure.getClass().getName();
        try {
            if (options.redeliver(attempts)) {
                Duration delay = options.redeliveryDelay(attempts);
                LOG.warn("Delivering webhook {} ({}) of {} failed (attempt {}); delivering it again in {} ms: {}",
                        event.key(), event.event().name(), inbox.name(), attempts, delay.toMillis(), reason);
                inbox.retryLater(event.key(), attempts, clock.instant().plus(delay), reason);
                metrics.webhookEvent(event.event().name(), "failed");
            } else {
                LOG.error("Delivering webhook {} ({}) of {} failed {} times; it goes to the dead letters: {}",
                        event.key(), event.event().name(), inbox.name(), attempts, reason);
                route.deadLetter(event, attempts, failure);
                inbox.markDead(event.key(), attempts, reason, clock.instant());
                metrics.webhookEvent(event.event().name(), "dead");
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not record the failed delivery of webhook {} of {}; it is delivered again once its lease"
                     + " runs out: {}", event.key(), inbox.name(), e.getMessage());
        } finally {
            held.remove(event.key());
        }
    }

    /** One round of the poller: renew, take over, read the depth, prune. Never throws: the next round tries again. */
    private void poll() {
        Instant now = clock.instant();
        try {
            if (!held.isEmpty() && !now.isBefore(nextRenewal)) {
                inbox.renewLeases(Set.copyOf(held), now.plus(options.lease()));
                nextRenewal = now.plus(options.lease().dividedBy(3));
            }
            if (delivering && running) {
                int room = options.concurrency() * (QUEUED_PER_THREAD + 1) - held.size();
                if (room > 0) {
                    for (InboxEvent event : inbox.claimDue(Math.min(room, MAX_ROUND), Set.copyOf(held), now,
                            now.plus(options.lease()))) {
                        take(event);
                    }
                }
            }
            WebhookInbox.Depth depth = inbox.depth();
            admittedSinceRead.set(0);
            status = new Status(depth, route.deadLetters(), held.size(), now, null);
            if (!now.isBefore(nextPrune)) {
                nextPrune = now.plus(PRUNE_EVERY);
                inbox.prune(now.minus(options.retention()));
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Reading the webhook inbox {} failed: {}", inbox.name(), e.getMessage());
            Status last = status;
            status = new Status(last.depth(), last.deadLetters(), held.size(), now, e.getMessage());
        }
    }
}
