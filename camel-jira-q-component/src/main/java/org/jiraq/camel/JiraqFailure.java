package org.jiraq.camel;

import java.time.Duration;

/**
 * What a failed call tells a route about trying again. Both {@link JiraqHttpException} (Jira answered with an error)
 * and {@link JiraqConnectionException} (no usable answer) carry it, so an error handler can decide on this alone.
 */
public interface JiraqFailure {

    /** Whether sending the same exchange again cannot do anything twice. */
    boolean isRetryable();

    /** Whether Jira may have done the work although the call failed (a 5xx or a lost answer to a write). */
    boolean isOutcomeUnknown();

    /** How long Jira asked to wait before trying again, or null. */
    Duration getRetryAfter();

    /** The first {@link JiraqFailure} in a cause chain, or null. */
    static JiraqFailure of(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof JiraqFailure failure) {
                return failure;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
