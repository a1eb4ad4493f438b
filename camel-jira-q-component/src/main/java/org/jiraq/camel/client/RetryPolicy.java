package org.jiraq.camel.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import javax.net.ssl.SSLException;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.jiraq.camel.JiraqConfiguration;

/**
 * Atlassian's recommended backoff: start at {@code initialDelay}, double on each retry up to {@code maxDelay},
 * multiply by a random jitter in [0.7, 1.3], never wait less than Jira's {@code Retry-After}, and give up after
 * {@code maxRetries}. It also decides what is worth retrying at all, so the client and the exceptions it throws
 * agree.
 *
 * @param retryPostOn503 whether a POST answered 503 with a {@code Retry-After} is sent again like a 429: Jira sheds
 *                       load that way before processing anything
 */
public record RetryPolicy(int maxRetries, Duration initialDelay, Duration maxDelay, boolean retryPostOn503) {

    static final double JITTER_MIN = 0.7;
    static final double JITTER_MAX = 1.3;

    public RetryPolicy(int maxRetries, Duration initialDelay, Duration maxDelay) {
        this(maxRetries, initialDelay, maxDelay, true);
    }

    /** The retries an endpoint's options ask for. */
    public static RetryPolicy of(JiraqConfiguration config) {
        return new RetryPolicy(config.getMaxRetries(), Duration.ofMillis(config.getRetryDelay()),
                Duration.ofMillis(config.getMaxRetryDelay()), config.isRetryPostOn503());
    }

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

    /** Whether Jira's wait is longer than the client waits in-thread; such a call fails at once for Camel to redeliver. */
    public boolean waitsTooLong(Duration retryAfter) {
        return retryAfter != null && retryAfter.compareTo(maxDelay) > 0;
    }

    /**
     * Whether Jira certainly did nothing with a request it answered with an error: 429 (refused before processing) and,
     * when so configured, 503 with Retry-After. Other statuses leave no doubt either way except 5xx, which may come
     * after the work was done.
     */
    public boolean notProcessed(int status, Duration retryAfter) {
        return status == 429 || status == 503 && retryAfter != null && retryPostOn503;
    }

    /** Whether an error answer may have come after Jira did the work: a 5xx that is not known to be load shedding. */
    public boolean outcomeUnknown(JiraqRequest request, int status, Duration retryAfter) {
        return status >= 500 && !request.retrySafe() && !notProcessed(status, retryAfter);
    }

    /** Whether an error answer is worth sending again: Jira did not process it, or repeating it is harmless. */
    public boolean isRetryable(JiraqRequest request, int status, Duration retryAfter) {
        return notProcessed(status, retryAfter) || status >= 500 && request.retrySafe();
    }

    /**
     * Whether a connection fault is one that waiting does not cure, so the call fails at once instead of retrying for
     * half a minute: TLS refused (https to a plain-http port, an untrusted certificate), nothing listening at the host
     * and port, an unknown host. They are configuration mistakes far more often than passing faults.
     */
    public static boolean failsFast(IOException fault) {
        return fault instanceof SSLException || fault instanceof ConnectException
               || fault instanceof UnknownHostException;
    }

    /**
     * Whether a connection fault may have let the request reach Jira. An unknown host, a refused or timed-out connection
     * and a wait for a free pooled connection never carried it; a reset, a closed connection or a response timeout may
     * have come after Jira acted on it.
     */
    public static boolean mayHaveReachedJira(IOException fault) {
        return !(fault instanceof ConnectException || fault instanceof ConnectTimeoutException
                 || fault instanceof UnknownHostException || fault instanceof ConnectionRequestTimeoutException);
    }
}
