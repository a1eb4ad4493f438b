package org.jiraq.camel.client;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.jiraq.camel.spi.HealthIndicator;
import org.jiraq.camel.spi.IndicatorState;
import org.jiraq.camel.spi.RateLimitHold;
import org.jiraq.camel.spi.RateLimitStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One replica's share of the rate-limit state its replicas keep in a {@link RateLimitStore}: budgets are booked on a
 * schedule every replica shares, a batch at a time (a lease of {@value #LEASE_MILLIS} ms of the budget), and spent
 * locally call by call, so the store sees a few calls per second per budget however many calls Jira gets; holds (a
 * quota lock-out, an issue's write window, an endpoint's Retry-After) are published at once and read by the others at
 * most {@value #SYNC_MILLIS} ms later. When the store fails, the replica paces on its own (per JVM) and says so as its
 * health indicator's warning, and tries the store again every {@value #RETRY_MILLIS} ms.
 */
final class SharedRateLimits implements HealthIndicator {

    static final long LEASE_MILLIS = 100;
    static final long SYNC_MILLIS = 250;
    static final long RETRY_MILLIS = 5_000;
    private static final long LATE_SLOTS_NANOS = 1_000_000_000L;
    /** How long a caller waits for another's booking or sync before it paces alone this once. */
    private static final long LOCK_WAIT_MILLIS = 50;
    /** Holds matter more: a caller waits this long for another's reading of them before it goes on without. */
    private static final long SYNC_WAIT_MILLIS = 1_000;
    /** Returned by {@link #slot} when the store cannot be used: pace locally. */
    static final long UNSHARED = Long.MIN_VALUE;

    private static final Logger LOG = LoggerFactory.getLogger(SharedRateLimits.class);

    private final RateLimitStore store;
    private final String site;
    private final Map<String, Lease> leases = new ConcurrentHashMap<>();
    private final ReentrantLock syncing = new ReentrantLock();
    /** nanoTime and epoch microseconds at one moment: converts the JVM's monotonic clock to the shared one. */
    private final long originNanos = System.nanoTime();
    private final long originMicros = Instant.now().toEpochMilli() * 1000;
    private volatile long lastSyncNanos = originNanos - SYNC_MILLIS * 1_000_000;
    private volatile long retryAtNanos = originNanos;
    private volatile Instant unreachableSince;
    private volatile String failure;

    /**
     * @param site the site and credential whose budgets these are (never a secret): the prefix of every key
     */
    SharedRateLimits(RateLimitStore store, String site) {
        this.store = store;
        this.site = site;
    }

    /**
     * When a call spending {@code units} of the budget {@code budget} (spent at {@code rate} per second by all
     * replicas together) may be sent, as a {@link System#nanoTime()}; {@link #UNSHARED} while the store is unreachable.
     */
    long slot(String budget, double rate, double units, long now) {
        if (now - retryAtNanos < 0) {
            return UNSHARED;
        }
        Lease lease = leases.computeIfAbsent(budget, b -> new Lease());
        try {
            // a booking takes a millisecond; a store that takes longer must not hold every caller up
            if (!lease.lock.tryLock(LOCK_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                return UNSHARED;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UNSHARED;
        }
        try {
            long slot = lease.take(units, now);
            if (slot != Long.MIN_VALUE) {
                return slot;
            }
            // whole calls: a lease of 2.9 calls would give 2 and waste the rest of its time
            double batch = units * Math.max(1, Math.ceil(rate * LEASE_MILLIS / 1000.0 / units));
            try {
                long start = store.book(site + " " + budget, rate, batch, micros(now));
                lease.renew(nanos(start), rate, batch);
                reachable();
            } catch (Exception e) {
                unreachable(now, e);
                return UNSHARED;
            }
            return lease.take(units, now);
        } finally {
            lease.lock.unlock();
        }
    }

    /** Where the next call of {@code budget} would go within this replica's lease, or {@code now} if it has none. */
    long backlogEnd(String budget, double units, long now) {
        Lease lease = leases.get(budget);
        if (lease == null || !lease.lock.tryLock()) {
            return now;
        }
        try {
            long slot = lease.peek(units, now);
            return slot == Long.MIN_VALUE ? now : slot;
        } finally {
            lease.lock.unlock();
        }
    }

    /** Tells the other replicas to hold {@code scope} until {@code untilNanos}. */
    void publish(String scope, long untilNanos, String reason, long now) {
        if (now - retryAtNanos < 0) {
            return;
        }
        try {
            store.hold(site, scope, micros(untilNanos), reason);
            reachable();
        } catch (Exception e) {
            unreachable(now, e);
        }
    }

    /**
     * Applies the holds the replicas published, read at most every {@value #SYNC_MILLIS} ms by one caller while the
     * others that find the reading due wait for it, so none of them sends before the holds are in force.
     */
    void syncHolds(long now, Consumer<Hold> apply) {
        if (now - lastSyncNanos < SYNC_MILLIS * 1_000_000 || now - retryAtNanos < 0) {
            return;
        }
        try {
            if (!syncing.tryLock(SYNC_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            if (now - lastSyncNanos < SYNC_MILLIS * 1_000_000) {
                return; // read and applied by the caller that held the lock
            }
            List<RateLimitHold> holds = store.holds(site, micros(now));
            reachable();
            holds.forEach(h -> apply.accept(new Hold(h.scope(), nanos(h.untilMicros()), h.reason())));
            lastSyncNanos = now; // only now: a caller that finds the sync done finds its holds in force
        } catch (Exception e) {
            unreachable(now, e);
        } finally {
            syncing.unlock();
        }
    }

    /** A hold in this JVM's clock. */
    record Hold(String scope, long untilNanos, String reason) {
    }

    boolean isShared() {
        return unreachableSince == null;
    }

    @Override
    public String name() {
        return "rateLimits";
    }

    /** Healthy either way (calls still go, paced per JVM); the message warns while the replicas cannot share. */
    @Override
    public IndicatorState state() {
        Instant since = unreachableSince;
        if (since == null) {
            return IndicatorState.healthy(Map.of("sharing", "shared"));
        }
        return new IndicatorState(true, "The shared rate-limit store is unreachable since " + since
                                        + "; each replica paces its own calls, so together they may exceed Jira's limits",
                Map.of("sharing", "per-jvm", "unreachableSince", since.toString(), "error", failure));
    }

    private void reachable() {
        if (unreachableSince != null) {
            LOG.info("The shared rate-limit store is reachable again; the replicas share {}'s limits again", site);
            unreachableSince = null;
            failure = null;
        }
    }

    private void unreachable(long now, Exception e) {
        retryAtNanos = now + RETRY_MILLIS * 1_000_000;
        if (unreachableSince == null) {
            unreachableSince = Instant.now();
            LOG.warn("The shared rate-limit store is unreachable ({}); pacing {} per JVM until it is back",
                    e.getMessage(), site);
        }
        failure = e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private long micros(long nanoTime) {
        return originMicros + (nanoTime - originNanos) / 1000;
    }

    private long nanos(long epochMicros) {
        return originNanos + (epochMicros - originMicros) * 1000;
    }

    /** A booked run of a budget: {@code units} spent one after another from {@code start}, {@code per} apart. */
    private static final class Lease {

        final ReentrantLock lock = new ReentrantLock();
        private long start;
        private double per;
        private double units;
        private double used;

        /** The slot of the next {@code cost} units, or {@link Long#MIN_VALUE} when the lease cannot give them. */
        long take(double cost, long now) {
            return peek(cost, now) == Long.MIN_VALUE ? Long.MIN_VALUE : book(cost);
        }

        /** Where the next {@code cost} units would go, without taking them. */
        long peek(double cost, long now) {
            if (units == 0) {
                return Long.MIN_VALUE;
            }
            // slots that passed unused more than a second ago are gone: Jira's burst bucket holds a second's worth,
            // so a replica that fell behind (a busy machine) may catch up that far, not further
            used = Math.max(used, (now - start - LATE_SLOTS_NANOS) / per);
            return used + cost > units ? Long.MIN_VALUE : start + (long) (used * per);
        }

        private long book(double cost) {
            long slot = start + (long) (used * per);
            used += cost;
            return slot;
        }

        void renew(long start, double rate, double units) {
            this.start = start;
            this.per = 1e9 / rate;
            this.units = units;
            this.used = 0;
        }
    }
}
