package org.jiraq.camel;

import java.time.Duration;

import org.apache.camel.RuntimeCamelException;

/**
 * createIssue found its idempotency key in flight: another exchange, or another replica, is creating the issue for
 * it right now and did not finish while this one waited. Nothing was sent; sending the exchange again later answers
 * with the issue that one made (or takes the key over if that process died), so it is retryable.
 */
public class JiraqIdempotencyKeyBusyException extends RuntimeCamelException implements JiraqFailure {

    private final String idempotencyKey;

    public JiraqIdempotencyKeyBusyException(String idempotencyKey, Duration waited) {
        super("Another exchange or replica is creating the issue of idempotency key '" + idempotencyKey
              + "' and did not finish within " + waited.toMillis() + " ms; nothing was sent. Send the exchange again"
              + " later: it then gets that issue, or creates it if that attempt failed");
        this.idempotencyKey = idempotencyKey;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    @Override
    public boolean isRetryable() {
        return true;
    }

    @Override
    public boolean isOutcomeUnknown() {
        return false;
    }

    @Override
    public Duration getRetryAfter() {
        return null;
    }
}
