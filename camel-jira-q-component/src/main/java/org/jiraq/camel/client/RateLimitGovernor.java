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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Paces every call to one Jira site made with one credential, across all endpoints and routes of a component, after
 * Jira's three rate limits: the burst limit per endpoint and method ({@link EndpointPace}: evenly spaced calls that
 * slow down as {@code X-RateLimit-Remaining} falls and after a {@code jira-burst-based} 429), the per-issue write
 * limit (after a {@code jira-per-issue-on-write} 429, writes to that issue wait and are then spaced out), and the
 * points quota (after a {@code jira-quota-*} 429, every call is held until the reset instead of hammering a site that
 * refuses everything). A call that would wait longer than its caller allows is not sent: it fails at once with a
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

    private final String site;
    private final Map<String, EndpointPace> endpoints = new ConcurrentHashMap<>();
    private final Map<String, IssueWrites> issueWrites = new ConcurrentHashMap<>();
    private long heldUntilNanos;
    private Instant heldUntil;
    private String holdReason;
    private volatile RateLimitHeaders last;
    private volatile Instant lastAt;

    /** @param site the Jira site it paces calls to, for its log lines */
    public RateLimitGovernor(String site) {
        this.site = site;
    }

    public synchronized RateLimitState state() {
        boolean held = heldUntil != null && heldUntilNanos - System.nanoTime() > 0;
        return new RateLimitState(last, lastAt, held ? heldUntil : null,
                held ? holdReason : null);
    }

    /**
     * Waits until {@code request} may be sent.
     *
     * @return                        how long it waited
     * @throws JiraqRateLimitException without waiting, when the wait would exceed {@code maxWait}
     * @throws InterruptedIOException when interrupted while waiting
     */
    Duration beforeSend(JiraqRequest request, Duration maxWait) throws InterruptedIOException {
        long now = System.nanoTime();
        String endpoint = endpointOf(request);
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
        if (slot - now > maxWait.toNanos()) {
            throw notSent(request, Duration.ofNanos(slot - now), reason);
        }
        waitUntil(slot);
        return Duration.ofNanos(slot - now);
    }

    /** Learns from an answer: the rate-limit headers, and on 429 what to slow down or hold. */
    void afterResponse(JiraqRequest request, JiraqResponse response) {
        long now = System.nanoTime();
        RateLimitHeaders headers = RateLimitHeaders.of(response.headers());
        String reason = headers == null ? null : headers.reason();
        EndpointPace pace = endpoints.computeIfAbsent(endpointOf(request), e -> new EndpointPace(now));
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
        if (reason != null && QUOTA_REASONS.contains(reason)) {
            Duration hold = longest(retryAfter, untilReset(response.header("X-RateLimit-Reset")));
            holdAll(now, hold == null ? DEFAULT_HOLD : hold, reason);
        } else if (PER_ISSUE_WRITE.equals(reason) && issueKeyOf(request) != null) {
            issueWrites.values().removeIf(w -> w.idle(now));
            issueWrites.computeIfAbsent(issueKeyOf(request), k -> new IssueWrites())
                    .rateLimited(now, retryAfter == null ? ISSUE_WRITE_HOLD : retryAfter);
        } else {
            pace.rateLimited(now, retryAfter == null ? 0 : retryAfter.toNanos());
        }
    }

    private synchronized void holdAll(long now, Duration hold, String reason) {
        long until = now + hold.toNanos();
        if (until - heldUntilNanos > 0 || heldUntil == null) {
            heldUntilNanos = until;
            heldUntil = Instant.now().plus(hold);
            holdReason = reason;
            LOG.warn("Jira's rate limit ({}) refuses every call to {}; holding all calls for {} s", reason, site,
                    hold.toSeconds());
        }
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
