package org.jiraq.camel;

import java.time.Duration;

/**
 * A write that may have happened, and the component could not find out whether it did: the answer was lost and the
 * lookup that settles it (by idempotency key) failed or could not finish. Nothing is sent again until a lookup does
 * finish, so the failure is retryable: a redelivery or a replayed dead letter looks first, never writes blindly.
 */
public class JiraqOutcomeUnknownException extends JiraqException {

    public JiraqOutcomeUnknownException(String message, Throwable cause) {
        super(message, cause, true, true, retryAfterOf(cause));
    }

    private static Duration retryAfterOf(Throwable cause) {
        JiraqException failure = cause == null ? null : JiraqException.of(cause);
        return failure == null ? null : failure.getRetryAfter();
    }
}
