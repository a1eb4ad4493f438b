package org.jiraq.camel.spi;

/**
 * A pause that one replica learned from Jira and every replica keeps.
 *
 * @param scope       {@code *} for every call (a quota lock-out), {@code issue:KEY} for writes to one issue,
 *                    {@code endpoint:GET /rest/api/{}/issue/{}} for one endpoint
 * @param untilMicros when it ends, microseconds since the epoch
 * @param reason      Jira's {@code RateLimit-Reason}, e.g. {@code jira-quota-tenant-based}
 */
public record RateLimitHold(String scope, long untilMicros, String reason) {
}
