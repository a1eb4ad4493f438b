package org.jiraq.camel.client;

import java.time.Instant;

/**
 * What a {@link RateLimitGovernor} knows of its site and credential.
 *
 * @param last       the rate-limit headers of the last answer that had any, or null
 * @param lastAt     when that answer came, or null
 * @param heldUntil  when a quota hold on every call ends, or null when calls are not held
 * @param holdReason the {@code RateLimit-Reason} behind the hold, or null
 */
public record RateLimitState(RateLimitHeaders last, Instant lastAt, Instant heldUntil, String holdReason) {
}
