package org.jiraq.camel.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Atlassian's recommended backoff: start at {@code initialDelay}, double on each retry up to {@code maxDelay},
 * multiply by a random jitter in [0.7, 1.3], never wait less than Jira's {@code Retry-After}, and give up after
 * {@code maxRetries}.
 */
public record RetryPolicy(int maxRetries, Duration initialDelay, Duration maxDelay) {

    static final double JITTER_MIN = 0.7;
    static final double JITTER_MAX = 1.3;

    public static RetryPolicy none() {
        return new RetryPolicy(0, Duration.ZERO, Duration.ZERO);
    }

    /**
     * The delay before retry number {@code retry} (0 for the first retry).
     *
     * @param retryAfter what Jira asked for, or null
     */
    public Duration delay(int retry, Duration retryAfter) {
        long base = initialDelay.toMillis() << Math.min(retry, 20);
        long capped = Math.min(base, maxDelay.toMillis());
        long jittered = (long) (capped * ThreadLocalRandom.current().nextDouble(JITTER_MIN, JITTER_MAX));
        long floor = retryAfter == null ? 0 : retryAfter.toMillis();
        return Duration.ofMillis(Math.max(jittered, floor));
    }

    public boolean canRetry(int retriesDone) {
        return retriesDone < maxRetries;
    }
}
