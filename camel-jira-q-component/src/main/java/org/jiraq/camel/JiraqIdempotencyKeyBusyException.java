package org.jiraq.camel;

import java.time.Duration;

/**
 * createIssue found its idempotency key in flight: another exchange, or another replica, is creating the issue for
 * it right now and did not finish while this one waited. Nothing was sent; sending the exchange again later answers
 * with the issue that one made (or takes the key over if that process died), so it is retryable.
 */
public class JiraqIdempotencyKeyBusyException extends JiraqException {

    private final String idempotencyKey;

    public JiraqIdempotencyKeyBusyException(String idempotencyKey, Duration waited) {
        super("Another exchange or replica is creating the issue of idempotency key '" + idempotencyKey
              + "' and did not finish within " + waited.toMillis() + " ms; nothing was sent. Send the exchange again"
              + " later: it then gets that issue, or creates it if that attempt failed",
              null, true, false, null);
        this.idempotencyKey = idempotencyKey;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }
}
