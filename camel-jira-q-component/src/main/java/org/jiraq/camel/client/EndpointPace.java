package org.jiraq.camel.client;

/**
 * The pace of calls to one endpoint (method and path template): Jira's burst limit is a token bucket per tenant,
 * endpoint and method. Calls get evenly spaced slots (virtual scheduling) at a rate drawn from what Jira said:
 * {@code X-RateLimit-Limit} sets the ceiling, a falling {@code X-RateLimit-Remaining} or {@code NearLimit} lowers it,
 * and a 429 halves it, blocks the endpoint for the Retry-After, then lets it recover. Without a limit header the
 * ceiling is learnt from the rate that drew the 429 and grows again while no 429 comes. Times are in nanoseconds of
 * {@link System#nanoTime()}.
 */
final class EndpointPace {

    /** Stay a little under the announced limit, so timing noise does not spill into 429s. */
    private static final double SAFETY = 0.98;
    private static final double MIN_HEADROOM = 0.5;
    private static final double NEAR_LIMIT_HEADROOM = 0.7;
    private static final double MIN_PENALTY = 0.1;
    /** Per second after a 429: the penalty gives back this much, a learnt ceiling grows by this share. */
    private static final double RECOVERY_PER_SECOND = 0.1;
    private static final double LEARNT_GROWTH_PER_SECOND = 0.05;
    private static final long SECOND = 1_000_000_000L;

    private double ceiling = Double.POSITIVE_INFINITY;
    private boolean ceilingAnnounced;
    private double headroom = 1.0;
    private double penalty = 1.0;
    private boolean everRateLimited;
    private long lastRateLimited;
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
        countSend(slot);
        return slot;
    }

    /** Takes in Jira's rate-limit headers from an answer; null when absent. */
    synchronized void observe(Integer limit, Integer remaining, boolean nearLimit) {
        if (limit != null && limit > 0) {
            ceiling = limit;
            ceilingAnnounced = true;
        }
        double left = remaining != null && limit != null && limit > 0 ? (double) remaining / limit : 1.0;
        headroom = Math.max(MIN_HEADROOM, Math.min(1.0, MIN_HEADROOM + left));
        if (nearLimit) {
            headroom = Math.min(headroom, NEAR_LIMIT_HEADROOM);
        }
    }

    /** Jira refused a call with 429: slow down, and send nothing more before {@code retryAfterNanos} has passed. */
    synchronized void rateLimited(long now, long retryAfterNanos) {
        if (!ceilingAnnounced) {
            ceiling = Math.max(1.0, Math.min(ceiling, observedRate(now)));
        }
        penalty = Math.max(MIN_PENALTY, recoveredPenalty(now) * 0.5);
        everRateLimited = true;
        lastRateLimited = now;
        blockedUntil = Math.max(blockedUntil, now + retryAfterNanos);
    }

    /** Calls per second allowed now; infinite while Jira has given no reason to pace. */
    synchronized double rate(long now) {
        if (Double.isInfinite(ceiling)) {
            return ceiling;
        }
        double growth = ceilingAnnounced ? 1.0 : 1.0 + LEARNT_GROWTH_PER_SECOND * secondsSinceRateLimited(now);
        return Math.max(0.1, ceiling * growth * headroom * recoveredPenalty(now) * SAFETY);
    }

    private double recoveredPenalty(long now) {
        return everRateLimited ? Math.min(1.0, penalty + RECOVERY_PER_SECOND * secondsSinceRateLimited(now)) : penalty;
    }

    private double secondsSinceRateLimited(long now) {
        return (now - lastRateLimited) / (double) SECOND;
    }

    /** Sends in the last full second, or so far in this one if that is more. */
    private double observedRate(long now) {
        rollWindow(now);
        return Math.max(sentLastWindow, sentThisWindow);
    }

    private void countSend(long at) {
        rollWindow(at);
        sentThisWindow++;
    }

    private void rollWindow(long now) {
        if (now - windowStart >= SECOND) {
            sentLastWindow = now - windowStart >= 2 * SECOND ? 0 : sentThisWindow;
            sentThisWindow = 0;
            windowStart = now;
        }
    }
}
