package org.jiraq.camel.client;

import java.time.Instant;

/**
 * What a {@link RateLimitGovernor} knows of one site and credential, as of the last answer.
 *
 * @param site       the Jira site URL
 * @param credential which credential the calls use (the auth strategy's description; never a secret)
 * @param limit      Jira's last {@code X-RateLimit-Limit}, or null
 * @param remaining  Jira's last {@code X-RateLimit-Remaining}, or null
 * @param nearLimit  Jira's last {@code X-RateLimit-NearLimit} (less than 20% of the capacity left)
 * @param heldUntil  when a quota hold on every call ends, or null when calls are not held
 * @param holdReason the {@code RateLimit-Reason} behind the hold, or null
 */
public record RateLimitState(String site, String credential, Integer limit, Integer remaining, boolean nearLimit,
                             Instant heldUntil, String holdReason) {
}
