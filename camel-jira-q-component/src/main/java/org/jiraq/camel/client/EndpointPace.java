package org.jiraq.camel.client;

/**
 * The pace of calls to one endpoint (method and path template): Jira's burst limit is a token bucket per tenant,
 * endpoint and method. Calls get evenly spaced slots (virtual scheduling) at a rate drawn from what Jira said:
 * <ul>
 * <li>{@code X-RateLimit-Limit} sets the ceiling; a falling {@code X-RateLimit-Remaining} or {@code NearLimit} keeps
 * the pace below it; a 429 halves the pace, which then recovers over a few seconds;</li>
 * <li>without a limit header, a 429 sets the pace to half the rate calls were sent at in the last second; it grows
 * back by a tenth of that rate per second, and once back there the endpoint is no longer paced.</li>
 * </ul>
 * A 429 also blocks the endpoint for its Retry-After. Calls refused together count as one overload, so the pace is
 * slowed at most once per second. Times are in nanoseconds of {@link System#nanoTime()}.
 */
final class EndpointPace {

    /** Stay a little under the announced limit, so timing noise does not spill into 429s. */
    private static final double SAFETY = 0.98;
    private static final double MIN_HEADROOM = 0.5;
    private static final double NEAR_LIMIT_HEADROOM = 0.7;
    private static final double MIN_PENALTY = 0.25;
    /** Per second after a slow-down, the penalty gives back this much. */
    private static final double RECOVERY_PER_SECOND = 0.1;
    private static final long SECOND = 1_000_000_000L;

    private double ceiling = Double.POSITIVE_INFINITY;
    /** Without a limit header: the rate calls were sent at when a 429 came, to slow down from and recover to. */
    private double overloadRate = Double.POSITIVE_INFINITY;
    private double headroom = 1.0;
    private double penalty = 1.0;
    private boolean everSlowed;
    private long lastSlowed;
    private long nextSlot;
    private long blockedUntil;
    private long windowStart;
    private int sentThisWindow;
    private int sentLastWindow;

    EndpointPace(long now) {
        this.windowStart = now;
        this.nextSlot = now;
        this.blockedUntil = now;
    }

    /**
     * The earliest slot at or after {@code notBefore}, booked unless it is more than {@code maxWait} away (the caller
     * then does not send).
     */
    synchronized long reserve(long now, long notBefore, long maxWait) {
        long slot = Math.max(Math.max(now, notBefore), Math.max(blockedUntil, nextSlot));
        if (slot - now > maxWait) {
            return slot;
        }
        double rate = rate(now);
        nextSlot = Double.isInfinite(rate) ? slot : slot + (long) (SECOND / rate);
        rollWindow(now);
        sentThisWindow++;
        return slot;
    }

    /** Sends nothing before {@code untilNanos} (another replica was told to wait that long). */
    synchronized void block(long untilNanos) {
        blockedUntil = Math.max(blockedUntil, untilNanos);
    }

    /** Takes in Jira's rate-limit headers from an answer; null when absent. */
    synchronized void observe(Integer limit, Integer remaining, boolean nearLimit) {
        if (limit != null && limit > 0) {
            ceiling = limit;
        }
        double left = remaining != null && limit != null && limit > 0 ? (double) remaining / limit : 1.0;
        headroom = Math.max(MIN_HEADROOM, Math.min(1.0, MIN_HEADROOM + left));
        if (nearLimit) {
            headroom = Math.min(headroom, NEAR_LIMIT_HEADROOM);
        }
    }

    /** Jira refused a call with 429: slow down, and send nothing more before {@code retryAfterNanos} has passed. */
    synchronized void rateLimited(long now, long retryAfterNanos) {
        blockedUntil = Math.max(blockedUntil, now + retryAfterNanos);
        if (everSlowed && now - lastSlowed < SECOND) {
            return; // the same overload: calls sent before the last slow-down are still being refused
        }
        if (Double.isInfinite(ceiling) && (Double.isInfinite(overloadRate) || recoveredPenalty(now) >= 1.0)) {
            // measured only while unpaced: a rate already slowed down would ratchet the pace lower with every 429
            overloadRate = Math.max(2.0, observedRate(now));
        }
        penalty = Math.max(MIN_PENALTY, recoveredPenalty(now) * 0.5);
        everSlowed = true;
        lastSlowed = now;
    }

    /**
     * Calls per second all replicas together may make now: the announced limit less the safety margin and the slow-down
     * after a 429, but not the headroom a falling {@code X-RateLimit-Remaining} asks for, since the shared schedule
     * already counts every replica's calls. Infinite while Jira has announced no limit.
     */
    synchronized double sharedRate(long now) {
        return Double.isInfinite(ceiling) ? Double.POSITIVE_INFINITY
                : Math.max(0.1, ceiling * recoveredPenalty(now) * SAFETY);
    }

    /** Calls per second allowed now; infinite while Jira has given no reason to pace. */
    synchronized double rate(long now) {
        if (!Double.isInfinite(ceiling)) {
            return Math.max(0.1, ceiling * headroom * recoveredPenalty(now) * SAFETY);
        }
        double recovered = recoveredPenalty(now);
        return Double.isInfinite(overloadRate) || recovered >= 1.0
                ? Double.POSITIVE_INFINITY : Math.max(1.0, overloadRate * recovered * headroom);
    }

    private double recoveredPenalty(long now) {
        return everSlowed ? Math.min(1.0, penalty + RECOVERY_PER_SECOND * secondsSinceSlowed(now)) : penalty;
    }

    private double secondsSinceSlowed(long now) {
        return (now - lastSlowed) / (double) SECOND;
    }

    /** Calls booked in the last full second, or so far in this one if that is more. */
    private double observedRate(long now) {
        rollWindow(now);
        return Math.max(sentLastWindow, sentThisWindow);
    }

    private void rollWindow(long now) {
        if (now - windowStart >= SECOND) {
            sentLastWindow = now - windowStart >= 2 * SECOND ? 0 : sentThisWindow;
            sentThisWindow = 0;
            windowStart = now;
        }
    }
}
