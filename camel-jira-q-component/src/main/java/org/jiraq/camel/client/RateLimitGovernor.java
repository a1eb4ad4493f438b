package org.jiraq.camel.client;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jiraq.camel.JiraqRateLimitException;
import org.jiraq.camel.JiraqRateLimitPriority;
import org.jiraq.camel.spi.HealthIndicator;
import org.jiraq.camel.spi.RateLimitStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Paces every call to one Jira site made with one credential, across all endpoints and routes of a component, after
 * Jira's rate limits: the burst limit per endpoint and method ({@link EndpointPace}: evenly spaced calls that slow down
 * as {@code X-RateLimit-Remaining} falls and after a {@code jira-burst-based} 429), the per-issue write limit (after a
 * {@code jira-per-issue-on-write} 429, writes to that issue wait and are then spaced out), and the points quota
 * ({@link QuotaPace}: spent evenly across its window; after a {@code jira-quota-*} 429 every call is held until the
 * reset instead of hammering a site that refuses everything; {@link JiraqRateLimitPriority} decides who waits first
 * when it runs short). With {@link #shareThrough} the replicas that share a store share all of it
 * ({@link SharedRateLimits}). A call that would wait longer than its caller allows is not sent: it fails at once with a
 * {@link JiraqRateLimitException} carrying the wait, for Camel's redelivery.
 */
public final class RateLimitGovernor {

    static final Set<String> QUOTA_REASONS = Set.of("jira-quota-global-based", "jira-quota-tenant-based");
    static final String PER_ISSUE_WRITE = "jira-per-issue-on-write";
    static final String BURST = "jira-burst-based";

    private static final Logger LOG = LoggerFactory.getLogger(RateLimitGovernor.class);
    /** A quota 429 without Retry-After or reset still pauses everything this long. */
    private static final Duration DEFAULT_HOLD = Duration.ofSeconds(1);
    /** Jira allows 20 writes per issue in 2 s and 100 in 30 s: after a refusal, keep to the slower pace for 30 s. */
    private static final Duration ISSUE_WRITE_HOLD = Duration.ofSeconds(2);
    private static final Duration ISSUE_WRITE_SPACING = Duration.ofMillis(300);
    private static final Duration ISSUE_WRITE_WINDOW = Duration.ofSeconds(30);
    private static final Pattern ISSUE_PATH = Pattern.compile("/rest/api/[^/]+/issue/([^/]+)(?:/.*)?");
    private static final Set<String> ISSUE_COLLECTION_PATHS = Set.of("bulk", "properties", "archive", "unarchive");

    /** The name of the points quota among the budgets replicas share. */
    private static final String QUOTA_BUDGET = "quota";
    private static final String QUOTA = "jira-quota";
    private static final String ALL = "*";
    private static final String ISSUE_SCOPE = "issue:";
    private static final String ENDPOINT_SCOPE = "endpoint:";
    /** A call of normal priority holds back while the quota is booked further ahead than this. */
    private static final Duration NORMAL_BACKLOG = Duration.ofSeconds(1);
    private static final Duration PRIORITY_POLL = Duration.ofMillis(20);

    private final String site;
    private final String credential;
    private final Map<String, EndpointPace> endpoints = new ConcurrentHashMap<>();
    private final Map<String, IssueWrites> issueWrites = new ConcurrentHashMap<>();
    private long heldUntilNanos;
    private Instant heldUntil;
    private String holdReason;
    private volatile RateLimitHeaders last;
    private volatile Instant lastAt;
    private volatile SharedRateLimits shared;
    private volatile QuotaPace quota = new QuotaPace(0, 3600);
    private long quotaOption;

    /**
     * @param site       the Jira site it paces calls to
     * @param credential names the credential, the same on every replica (the connection's fingerprint of it), for
     *                   the budgets replicas share; never a secret
     */
    public RateLimitGovernor(String site, String credential) {
        this.site = site;
        this.credential = credential;
    }

    public synchronized RateLimitState state() {
        boolean held = heldUntil != null && heldUntilNanos - System.nanoTime() > 0;
        return new RateLimitState(last, lastAt, held ? heldUntil : null, held ? holdReason : null);
    }

    /**
     * Waits until {@code request} may be sent.
     *
     * @return                        how long it waited
     * @throws JiraqRateLimitException without waiting, when the wait would exceed {@code maxWait}
     * @throws InterruptedIOException   when interrupted while waiting
     */
    Duration beforeSend(JiraqRequest request, Duration maxWait) throws InterruptedIOException {
        return beforeSend(request, maxWait, JiraqRateLimitPriority.normal);
    }

    /**
     * Waits until {@code request} may be sent, letting calls of a higher {@code priority} have the points quota first
     * when it runs short.
     *
     * @return                        how long it waited
     * @throws JiraqRateLimitException without waiting, when the wait would exceed {@code maxWait}
     * @throws InterruptedIOException   when interrupted while waiting
     */
    Duration beforeSend(JiraqRequest request, Duration maxWait, JiraqRateLimitPriority priority)
            throws InterruptedIOException {
        long start = System.nanoTime();
        SharedRateLimits sharing = shared;
        if (sharing != null) {
            sharing.syncHolds(start, hold -> apply(hold, start));
        }
        String endpoint = endpointOf(request);
        long now = quotaQueue(request, endpoint, priority, start, maxWait);
        long notBefore = now;
        String reason = null;
        synchronized (this) {
            if (heldUntil != null && heldUntilNanos - now > 0) {
                notBefore = heldUntilNanos;
                reason = holdReason;
            }
        }
        IssueWrites writes = issueWritesOf(request);
        if (writes != null) {
            long issueSlot = writes.reserve(now, notBefore, maxWait.toNanos());
            if (issueSlot - now > maxWait.toNanos()) {
                throw notSent(request, Duration.ofNanos(issueSlot - now), reason != null ? reason : PER_ISSUE_WRITE);
            }
            notBefore = issueSlot;
        }
        EndpointPace pace = endpoints.computeIfAbsent(endpoint, e -> new EndpointPace(now));
        long slot = pace.reserve(now, notBefore, maxWait.toNanos());
        double rate = sharing == null ? Double.POSITIVE_INFINITY : pace.sharedRate(now);
        if (!Double.isInfinite(rate)) {
            long sharedSlot = sharing.slot(endpoint, rate, 1, now);
            slot = sharedSlot == SharedRateLimits.UNSHARED ? slot : Math.max(slot, sharedSlot);
        }
        if (quota.active()) {
            double cost = quota.cost(endpoint, request.method());
            long quotaSlot = sharing == null ? SharedRateLimits.UNSHARED
                    : sharing.slot(QUOTA_BUDGET, quota.rate(now), cost, now);
            slot = Math.max(slot, quotaSlot == SharedRateLimits.UNSHARED ? quota.reserve(cost, now) : quotaSlot);
        }
        if (slot - start > maxWait.toNanos()) {
            throw notSent(request, Duration.ofNanos(slot - start), reason != null ? reason
                    : quota.active() ? quotaReason(start) : null);
        }
        waitUntil(slot);
        return Duration.ofNanos(slot - start);
    }

    /**
     * While the points quota is booked further ahead than {@code priority} tolerates, waits (a lower priority leaves
     * the next points to a higher one); returns when the call may book, or throws when that is beyond {@code maxWait}.
     */
    private long quotaQueue(JiraqRequest request, String endpoint, JiraqRateLimitPriority priority, long start,
                            Duration maxWait) throws InterruptedIOException {
        long tolerance = switch (priority) {
            case high -> Long.MAX_VALUE;
            case normal -> NORMAL_BACKLOG.toNanos();
            case low -> 0;
        };
        long now = start;
        while (quota.active() && tolerance != Long.MAX_VALUE) {
            double cost = quota.cost(endpoint, request.method());
            SharedRateLimits sharing = shared;
            long backlogEnd = sharing != null && sharing.isShared()
                    ? sharing.backlogEnd(QUOTA_BUDGET, cost, now) : quota.backlogEnd(now);
            long excess = backlogEnd - now - tolerance;
            if (excess <= 0) {
                return now;
            }
            if (now - start + excess > maxWait.toNanos()) {
                throw notSent(request, Duration.ofNanos(now - start + excess), quotaReason(now));
            }
            waitUntil(now + Math.min(excess, PRIORITY_POLL.toNanos()));
            now = System.nanoTime();
        }
        return now;
    }

    /** Why the quota holds a call: Jira's reason while a lock-out is in force, else the pacing of the quota. */
    private synchronized String quotaReason(long now) {
        return heldUntil != null && heldUntilNanos - now > 0 ? holdReason : QUOTA;
    }

    /** Applies a hold another replica published. */
    private void apply(SharedRateLimits.Hold hold, long now) {
        if (ALL.equals(hold.scope())) {
            holdAll(now, Duration.ofNanos(hold.untilNanos() - now), hold.reason(), false);
        } else if (hold.scope().startsWith(ISSUE_SCOPE)) {
            issueWrites.computeIfAbsent(hold.scope().substring(ISSUE_SCOPE.length()), k -> new IssueWrites())
                    .rateLimited(now, Duration.ofNanos(hold.untilNanos() - now));
        } else if (hold.scope().startsWith(ENDPOINT_SCOPE)) {
            endpoints.computeIfAbsent(hold.scope().substring(ENDPOINT_SCOPE.length()), e -> new EndpointPace(now))
                    .block(hold.untilNanos());
        }
    }

    /**
     * Shares this governor's state with the other replicas that use {@code store}: burst budgets, the points quota,
     * issue write windows and holds. The first store given is kept.
     *
     * @return the health indicator that tells whether the replicas share (it warns while the store is unreachable)
     */
    public synchronized HealthIndicator shareThrough(RateLimitStore store) {
        if (shared == null) {
            shared = new SharedRateLimits(store, site + " " + credential);
        }
        return shared;
    }

    /** Whether calls are paced together with other replicas right now (false while the store is unreachable). */
    public boolean isShared() {
        SharedRateLimits sharing = shared;
        return sharing != null && sharing.isShared();
    }

    /**
     * The points quota to spend evenly when Jira does not announce one in its headers: {@code points} per
     * {@code window}. The first non-zero quota given is kept.
     */
    public synchronized void useQuota(long points, Duration window) {
        if (points > 0 && quotaOption == 0) {
            quotaOption = points;
            quota = new QuotaPace(points, Math.max(1, window.toSeconds()));
        }
    }

    /** Learns from an answer: the rate-limit headers, and on 429 what to slow down or hold. */
    void afterResponse(JiraqRequest request, JiraqResponse response) {
        long now = System.nanoTime();
        String endpoint = endpointOf(request);
        quota.observe(endpoint, request, response, now);
        RateLimitHeaders headers = RateLimitHeaders.of(response.headers());
        String reason = headers == null ? null : headers.reason();
        EndpointPace pace = endpoints.computeIfAbsent(endpoint, e -> new EndpointPace(now));
        if (response.status() != 429 || reason == null || BURST.equals(reason)) {
            // a per-issue or quota refusal's numbers describe that scope, not the endpoint's pace
            pace.observe(headers == null ? null : headers.limit(), headers == null ? null : headers.remaining(),
                    headers != null && headers.nearLimit());
        }
        if (headers != null) {
            last = headers;
            lastAt = Instant.now();
        }
        if (response.status() != 429) {
            return;
        }
        Duration retryAfter = response.retryAfter();
        SharedRateLimits sharing = shared;
        if (reason != null && QUOTA_REASONS.contains(reason)) {
            Duration hold = longest(retryAfter, untilReset(response.header("X-RateLimit-Reset")));
            Duration held = hold == null ? DEFAULT_HOLD : hold;
            quota.spent(now + held.toNanos());
            if (holdAll(now, held, reason, true) && sharing != null) {
                sharing.publish(ALL, now + held.toNanos(), reason, now);
            }
        } else if (PER_ISSUE_WRITE.equals(reason) && issueKeyOf(request) != null) {
            issueWrites.values().removeIf(w -> w.idle(now));
            Duration hold = retryAfter == null ? ISSUE_WRITE_HOLD : retryAfter;
            issueWrites.computeIfAbsent(issueKeyOf(request), k -> new IssueWrites()).rateLimited(now, hold);
            if (sharing != null) {
                sharing.publish(ISSUE_SCOPE + issueKeyOf(request), now + hold.toNanos(), reason, now);
            }
        } else {
            pace.rateLimited(now, retryAfter == null ? 0 : retryAfter.toNanos());
            if (sharing != null && retryAfter != null) {
                sharing.publish(ENDPOINT_SCOPE + endpoint, now + retryAfter.toNanos(), reason, now);
            }
        }
    }

    /** Holds every call until {@code now + hold}; whether that is longer than the hold already in force. */
    private synchronized boolean holdAll(long now, Duration hold, String reason, boolean learnedHere) {
        long until = now + hold.toNanos();
        if (until - heldUntilNanos > 0 || heldUntil == null) {
            heldUntilNanos = until;
            heldUntil = Instant.now().plus(hold);
            holdReason = reason;
            LOG.warn("Jira's rate limit ({}) refuses every call to {}{}; holding all calls for {} s", reason, site,
                    learnedHere ? "" : " (learned from another replica)", hold.toSeconds());
            return true;
        }
        return false;
    }

    private IssueWrites issueWritesOf(JiraqRequest request) {
        if ("GET".equals(request.method())) {
            return null;
        }
        String key = issueKeyOf(request);
        return key == null ? null : issueWrites.get(key);
    }

    private static JiraqRateLimitException notSent(JiraqRequest request, Duration wait, String reason) {
        return new JiraqRateLimitException(request.method(), request.path(), wait, reason);
    }

    /** The method and path with ids and keys replaced, e.g. {@code PUT /rest/api/{}/issue/{}}: Jira limits per endpoint. */
    static String endpointOf(JiraqRequest request) {
        StringBuilder endpoint = new StringBuilder(request.method()).append(' ');
        String previous = "";
        for (String segment : request.path().split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            boolean variable = segment.chars().anyMatch(Character::isDigit)
                    || ("issue".equals(previous) || "project".equals(previous))
                       && !ISSUE_COLLECTION_PATHS.contains(segment);
            endpoint.append('/').append(variable ? "{}" : segment);
            previous = segment;
        }
        return endpoint.toString();
    }

    /** The issue a request works on, from its path, or null. */
    static String issueKeyOf(JiraqRequest request) {
        Matcher m = ISSUE_PATH.matcher(request.path());
        return m.matches() && !ISSUE_COLLECTION_PATHS.contains(m.group(1)) ? m.group(1) : null;
    }

    private static void waitUntil(long slot) throws InterruptedIOException {
        for (long left = slot - System.nanoTime(); left > 0; left = slot - System.nanoTime()) {
            LockSupport.parkNanos(left);
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("Interrupted while waiting for Jira's rate limit");
            }
        }
    }

    private static Duration untilReset(String reset) {
        if (reset == null || reset.isBlank()) {
            return null;
        }
        try {
            Duration wait = Duration.between(Instant.now(), Instant.parse(reset.trim()));
            return wait.isNegative() ? Duration.ZERO : wait;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Duration longest(Duration a, Duration b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) >= 0 ? a : b;
    }


    /** Writes to one issue after Jira refused one with {@code jira-per-issue-on-write}. */
    private static final class IssueWrites {

        private long notBefore;
        private long spacedUntil;

        synchronized void rateLimited(long now, Duration hold) {
            notBefore = Math.max(notBefore, now + hold.toNanos());
            spacedUntil = notBefore + ISSUE_WRITE_WINDOW.toNanos();
        }

        /** The next write slot at or after {@code earliest}, booked unless it is more than {@code maxWait} away. */
        synchronized long reserve(long now, long earliest, long maxWait) {
            long slot = Math.max(earliest, notBefore);
            if (slot - now > maxWait) {
                return slot;
            }
            if (slot - spacedUntil < 0) {
                notBefore = slot + ISSUE_WRITE_SPACING.toNanos();
            }
            return slot;
        }

        synchronized boolean idle(long now) {
            return now - spacedUntil > 0;
        }
    }
}
