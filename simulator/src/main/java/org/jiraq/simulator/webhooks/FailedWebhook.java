package org.jiraq.simulator.webhooks;

import java.time.Instant;

/** A delivery given up on after the last retry, as {@code GET /rest/api/3/webhook/failed} lists it. */
public record FailedWebhook(String id, String body, String url, Instant failureTime) {
}
