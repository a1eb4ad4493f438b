package org.jiraq.camel.connection;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.jiraq.camel.client.ResponseHeaders;

/**
 * The rate-limit headers of Jira's last answer that had any (X-RateLimit-*, RateLimit-*, the Beta- forms and
 * Retry-After), as sent, with the time they came.
 */
public record RateLimitSnapshot(Instant at, Map<String, String> headers) {

    static final String REMAINING = "x-ratelimit-remaining";

    /** The rate-limit headers of an answer, or null when it has none. */
    static RateLimitSnapshot of(ResponseHeaders answer, Instant at) {
        Map<String, String> found = new TreeMap<>();
        answer.forEach((header, value) -> {
            String name = header.toLowerCase(Locale.ROOT);
            if (isRateLimitHeader(name)) {
                found.merge(name, value, (first, next) -> first + ", " + next);
            }
        });
        return found.isEmpty() ? null : new RateLimitSnapshot(at, Map.copyOf(found));
    }

    /** X-RateLimit-Remaining as a number, or -1 when absent or not a number. */
    public long remaining() {
        String value = headers.get(REMAINING);
        if (value != null) {
            try {
                return Long.parseLong(value.trim());
            } catch (NumberFormatException e) {
                return -1; // not Jira's documented form; the raw value still shows in the console
            }
        }
        return -1;
    }

    private static boolean isRateLimitHeader(String name) {
        return name.startsWith("x-ratelimit-") || name.startsWith("ratelimit") || name.startsWith("beta-ratelimit")
                || name.startsWith("x-beta-ratelimit-") || name.equals("retry-after") || name.equals("beta-retry-after");
    }
}
