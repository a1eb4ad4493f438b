package org.jiraq.camel;

import java.time.Duration;

import org.apache.camel.RuntimeCamelException;

/**
 * Every failure of a jiraq call, for {@code onException(JiraqException.class)}: says whether sending the exchange again
 * is safe and worth it, whether Jira may have done the work anyway, and how long to wait first. The subtypes say what
 * failed: {@link JiraqHttpException} (Jira answered with an error), {@link JiraqConnectionException} (no usable
 * answer), {@link JiraqRateLimitException} (not sent: the rate-limit governor holds the call), {@link
 * JiraqAuthorizationException} (no usable credentials until a person acts) and {@link JiraqStoreException} (the
 * component's store failed).
 */
public abstract class JiraqException extends RuntimeCamelException {

    private final boolean retryable;
    private final boolean outcomeUnknown;
    private final Duration retryAfter;

    protected JiraqException(String message, Throwable cause, boolean retryable, boolean outcomeUnknown,
                             Duration retryAfter) {
        super(message, cause);
        this.retryable = retryable;
        this.outcomeUnknown = outcomeUnknown;
        this.retryAfter = retryAfter;
    }

    /** Whether sending the same exchange again cannot do anything twice and may succeed. */
    public boolean isRetryable() {
        return retryable;
    }

    /** Whether Jira may have done the work although the call failed (a 5xx or a lost answer to a write). */
    public boolean isOutcomeUnknown() {
        return outcomeUnknown;
    }

    /** How long to wait before trying again (Jira's Retry-After, or the governor's hold), or null. */
    public Duration getRetryAfter() {
        return retryAfter;
    }

    /** The first {@link JiraqException} in a cause chain, or null. */
    public static JiraqException of(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof JiraqException failure) {
                return failure;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
