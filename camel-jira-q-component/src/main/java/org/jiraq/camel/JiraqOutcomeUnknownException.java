package org.jiraq.camel;

import java.io.IOException;
import java.time.Duration;

/**
 * A write that may have happened, and the component could not find out whether it did: the answer was lost and the
 * lookup that settles it (by idempotency key) failed or could not finish. Nothing is sent again until a lookup does
 * finish, so the failure is retryable: a redelivery or a replayed dead letter looks first, never writes blindly.
 */
public class JiraqOutcomeUnknownException extends IOException implements JiraqFailure {

    public JiraqOutcomeUnknownException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }

    @Override
    public boolean isOutcomeUnknown() {
        return true;
    }

    @Override
    public Duration getRetryAfter() {
        JiraqFailure cause = getCause() == null ? null : JiraqFailure.of(getCause());
        return cause == null ? null : cause.getRetryAfter();
    }
}
