package org.jiraq.camel.operation;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jiraq.camel.JiraqIdempotencyKeyBusyException;
import org.jiraq.camel.store.JdbcIdempotencyKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * createIssue's idempotency keys kept in the component's store, so one key makes at most one issue across exchanges,
 * redeliveries, dead-letter replays, restarts and replicas for the retention. A create first claims its key: a key
 * that made an issue answers with it without sending anything; a key another process holds is waited for; a key
 * whose holder died (its lease ran out) or whose create may have gone through is taken over, and the create then looks
 * for the issue before it sends. Held keys' leases are renewed while their creates run.
 */
public final class DurableKeys {

    /**
     * A key as a create found it: held by this process ({@link #issue()} null), or already made ({@link #issue()}).
     *
     * @param uncertainSince when an earlier create of this key, which may have gone through, was sent; null if none
     * @param precedingKey   the highest issue key the key's first holder knew before it sent, or null
     */
    public record Claim(String scope, String key, JdbcIdempotencyKeys.Issue issue, Instant uncertainSince,
                        String precedingKey) {

        boolean made() {
            return issue != null;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(DurableKeys.class);
    private static final Duration WAIT_STEP = Duration.ofMillis(200);
    private static final Duration PRUNE_EVERY = Duration.ofHours(1);

    private final JdbcIdempotencyKeys keys;
    private final String owner;
    private final Duration lease;
    private final Duration retention;
    private final Clock clock;
    /** The keys this process holds, by scope, whose leases the renewal keeps alive. */
    private final Map<String, Set<String>> held = new ConcurrentHashMap<>();
    private volatile Instant nextPrune = Instant.EPOCH;

    /**
     * @param owner     this process, as the holder of the keys it claims
     * @param lease     how long a claim lasts unrenewed; a dead holder's keys are taken over after it
     * @param retention how long the keys of made issues are kept
     */
    public DurableKeys(JdbcIdempotencyKeys keys, String owner, Duration lease, Duration retention, Clock clock) {
        this.keys = keys;
        this.owner = owner;
        this.lease = lease;
        this.retention = retention;
        this.clock = clock;
    }

    /** Renews the leases of the keys held, every third of the lease, on the given scheduler. */
    public void start(ScheduledExecutorService scheduler) {
        long every = Math.max(1, lease.toMillis() / 3);
        scheduler.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Claims {@code key} in {@code scope} (the Jira site) for a create, waiting up to {@code wait} while another
     * process holds it; {@code precedingKey} (the highest issue key known before the create, or null) is kept with a
     * new claim, for whoever may have to look for its issue later.
     *
     * @throws JiraqIdempotencyKeyBusyException when another process still holds it after the wait
     */
    public Claim claim(String scope, String key, String precedingKey, Duration wait) throws IOException {
        pruneWhenDue();
        Instant giveUpAt = clock.instant().plus(wait);
        while (true) {
            Instant now = clock.instant();
            if (keys.claim(scope, key, precedingKey, owner, now, now.plus(lease))) {
                return hold(scope, key, null, null);
            }
            Optional<JdbcIdempotencyKeys.Key> found = keys.find(scope, key);
            if (found.isPresent()) {
                JdbcIdempotencyKeys.Key existing = found.get();
                if (existing.state() == JdbcIdempotencyKeys.State.DONE) {
                    return new Claim(scope, key, existing.issue(), null, null);
                }
                if (keys.takeOver(scope, key, owner, now, now.plus(lease))) {
                    // its holder died or gave up uncertain: whatever it sent was sent after it claimed the key
                    Instant since = existing.uncertainSince() != null ? existing.uncertainSince()
                            : existing.claimedAt();
                    LOG.info("Idempotency key '{}' was left in flight since {}; looking for its issue before creating",
                            key, since);
                    return hold(scope, key, since, existing.precedingKey());
                }
            }
            if (clock.instant().isAfter(giveUpAt)) {
                throw new JiraqIdempotencyKeyBusyException(key, wait);
            }
            try {
                Thread.sleep(WAIT_STEP.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new JiraqIdempotencyKeyBusyException(key, wait);
            }
        }
    }

    /** The issue was made (or found) for a held key: kept, so the key answers with it from now on. */
    public void made(Claim claim, JdbcIdempotencyKeys.Issue issue) throws IOException {
        try {
            if (!keys.done(claim.scope(), claim.key(), owner, issue, clock.instant())) {
                LOG.warn("Idempotency key '{}' made issue {} after its lease ran out: another process may be creating"
                         + " it too. Make leaseDuration longer than a create takes", claim.key(), issue.key());
            }
        } finally {
            release(claim);
        }
    }

    /**
     * A held key's create failed: with {@code uncertainSince} null nothing was created and the key is free again;
     * else a create that may have gone through was sent then, and whoever takes the key next looks first.
     */
    public void failed(Claim claim, Instant uncertainSince) throws IOException {
        try {
            keys.release(claim.scope(), claim.key(), owner, uncertainSince);
        } finally {
            release(claim);
        }
    }

    private Claim hold(String scope, String key, Instant uncertainSince, String precedingKey) {
        held.computeIfAbsent(scope, s -> ConcurrentHashMap.newKeySet()).add(key);
        return new Claim(scope, key, null, uncertainSince, precedingKey);
    }

    private void release(Claim claim) {
        Set<String> scopeKeys = held.get(claim.scope());
        if (scopeKeys != null) {
            scopeKeys.remove(claim.key());
        }
    }

    private void renew() {
        Instant until = clock.instant().plus(lease);
        held.forEach((scope, scopeKeys) -> {
            try {
                keys.renew(scope, Set.copyOf(scopeKeys), owner, until);
            } catch (IOException | RuntimeException e) {
                LOG.warn("Could not renew the leases of {} idempotency key(s): {}", scopeKeys.size(), e.getMessage());
            }
        });
    }

    private void pruneWhenDue() throws IOException {
        Instant now = clock.instant();
        if (now.isBefore(nextPrune)) {
            return;
        }
        nextPrune = now.plus(PRUNE_EVERY);
        keys.prune(now.minus(retention));
    }
}
