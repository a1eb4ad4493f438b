package org.jiraq.simulator.webhooks;

import java.time.Instant;
import java.util.List;

/** A webhook an app registered through {@code POST /rest/api/3/webhook}; it stops at its expiration date. */
public record DynamicWebhook(long id, String ownerAccountId, String url, List<String> events, String jqlFilter,
        Instant expirationDate) {

    DynamicWebhook refreshedUntil(Instant expiration) {
        return new DynamicWebhook(id, ownerAccountId, url, events, jqlFilter, expiration);
    }

    boolean expiredAt(Instant now) {
        return !expirationDate.isAfter(now);
    }
}
