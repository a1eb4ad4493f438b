package org.jiraq.camel.client;

import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jiraq.camel.JiraqHttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Paces every call to one Jira site made with one credential, across all endpoints and routes of the JVM, after
 * Jira's three rate limits: the burst limit per endpoint and method ({@link EndpointPace}: evenly spaced calls that
 * slow down as {@code X-RateLimit-Remaining} falls and after a {@code jira-burst-based} 429), the per-issue write
 * limit (after a {@code jira-per-issue-on-write} 429, writes to that issue wait and are then spaced out), and the
 * points quota (after a {@code jira-quota-*} 429, every call is held until the reset instead of hammering a site that
 * refuses everything). A call that would wait longer than its caller allows is not sent: it fails at once with a
 * retryable 429 {@link JiraqHttpException} carrying the wait, for Camel's redelivery.
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
    private static final Duration NOTICEABLE_DELAY = Duration.ofMillis(1);
    private static final Pattern ISSUE_PATH = Pattern.compile("/rest/api/[^/]+/issue/([^/]+)(?:/.*)?");
    private static final Set<String> ISSUE_COLLECTION_PATHS = Set.of("bulk", "properties", "archive", "unarchive");

    private static final Map<String, RateLimitGovernor> GOVERNORS = new ConcurrentHashMap<>();
    private static final List<RateLimitListener> LISTENERS = new CopyOnWriteArrayList<>();

    private final String site;
    private final String credential;
    private final Map<String, EndpointPace> endpoints = new ConcurrentHashMap<>();
    private final Map<String, IssueWrites> issueWrites = new ConcurrentHashMap<>();
    private long heldUntilNanos;
    private Instant heldUntil;
    private String holdReason;
    private volatile Integer limit;
    private volatile Integer remaining;
    private volatile boolean nearLimit;

    private RateLimitGovernor(String site, String credential) {
        this.site = site;
        this.credential = credential;
    }

    /**
     * The governor of one site and credential, shared by every endpoint of the JVM that calls that site that way.
     *
     * @param credential names the credential (an auth strategy's description); never a secret
     */
    public static RateLimitGovernor of(URI site, String credential) {
        return GOVERNORS.computeIfAbsent(site + " " + credential,
                key -> new RateLimitGovernor(site.toString(), credential));
    }

    /** Every governor of the JVM will report to {@code listener}. */
    public static void addListener(RateLimitListener listener) {
        LISTENERS.add(listener);
    }

    public static void removeListener(RateLimitListener listener) {
        LISTENERS.remove(listener);
    }

    public synchronized RateLimitState state() {
        boolean held = heldUntil != null && heldUntilNanos - System.nanoTime() > 0;
        return new RateLimitState(site, credential, limit, remaining, nearLimit, held ? heldUntil : null,
                held ? holdReason : null);
    }

    /**
     * Waits until {@code request} may be sent.
     *
     * @return                        how long it waited
     * @throws JiraqHttpException     (429, retryable) without waiting when the wait would exceed {@code maxWait}
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
        Duration waited = Duration.ofNanos(slot - now);
        if (waited.compareTo(NOTICEABLE_DELAY) >= 0) {
            notifyListeners(l -> l.onDelayed(state(), endpoint, waited));
        }
        return waited;
    }

    /** Learns from an answer: the rate-limit headers, and on 429 what to slow down or hold. */
    void afterResponse(JiraqRequest request, JiraqResponse response) {
        long now = System.nanoTime();
        String endpoint = endpointOf(request);
        Integer newLimit = intHeader(response, "X-RateLimit-Limit");
        Integer newRemaining = intHeader(response, "X-RateLimit-Remaining");
        boolean near = "true".equalsIgnoreCase(response.header("X-RateLimit-NearLimit"));
        String reason = response.header("RateLimit-Reason");
        EndpointPace pace = endpoints.computeIfAbsent(endpoint, e -> new EndpointPace(now));
        if (response.status() != 429 || reason == null || BURST.equals(reason)) {
            // a per-issue or quota refusal's numbers describe that scope, not the endpoint's pace
            pace.observe(newLimit, newRemaining, near);
        }
        if (newLimit != null || newRemaining != null || near) {
            limit = newLimit;
            remaining = newRemaining;
            nearLimit = near;
            notifyListeners(l -> l.onState(state()));
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
        notifyListeners(l -> l.onRateLimited(state(), endpoint, reason, retryAfter));
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

    private JiraqHttpException notSent(JiraqRequest request, Duration wait, String reason) {
        String why = reason == null ? "Jira's rate limit" : "Jira's rate limit (" + reason + ")";
        return new JiraqHttpException(request.method(), request.path(), 429,
                List.of("Not sent: " + why + " holds this call for another " + wait.toMillis()
                        + " ms, longer than the client waits (maxRetryDelay)"),
                Map.of(), wait, reason, null, "", true, false);
    }

    private void notifyListeners(Consumer<RateLimitListener> event) {
        for (RateLimitListener listener : LISTENERS) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                LOG.warn("Rate-limit listener {} failed", listener, e);
            }
        }
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

    private static Integer intHeader(JiraqResponse response, String name) {
        String value = response.header(name);
        if (value == null) {
            return null;
        }
        try {
            return (int) Math.min(Integer.MAX_VALUE, Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
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
