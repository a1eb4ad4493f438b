package org.jiraq.camel.client;

/**
 * What the rate-limit headers of one Jira answer say. Read once per answer, so the governor, the exchange's headers,
 * the meters and the dev console all show the same values.
 *
 * @param limit     {@code X-RateLimit-Limit}, or null
 * @param remaining {@code X-RateLimit-Remaining}, or null
 * @param nearLimit {@code X-RateLimit-NearLimit}: less than 20% of the capacity left
 * @param reason    {@code RateLimit-Reason} (on a 429: which limit refused the call), or null
 * @param policy    {@code RateLimit-Policy} (or its {@code Beta-} form) as sent: the points quota and its window, or null
 * @param quota     {@code RateLimit} (or its {@code Beta-} form) as sent: the points left and the time to the reset, or
 *                  null
 */
public record RateLimitHeaders(Integer limit, Integer remaining, boolean nearLimit, String reason, String policy,
                               String quota) {

    /** The rate-limit headers of an answer, or null when it has none. */
    public static RateLimitHeaders of(ResponseHeaders headers) {
        Integer limit = number(headers.first("X-RateLimit-Limit"));
        Integer remaining = number(headers.first("X-RateLimit-Remaining"));
        boolean near = "true".equalsIgnoreCase(headers.first("X-RateLimit-NearLimit"));
        String reason = headers.first("RateLimit-Reason");
        String policy = firstOf(headers, "RateLimit-Policy", "Beta-RateLimit-Policy");
        String quota = firstOf(headers, "RateLimit", "Beta-RateLimit");
        return limit == null && remaining == null && !near && reason == null && policy == null && quota == null
                ? null : new RateLimitHeaders(limit, remaining, near, reason, policy, quota);
    }

    private static String firstOf(ResponseHeaders headers, String name, String betaName) {
        String value = headers.first(name);
        return value != null ? value : headers.first(betaName);
    }

    private static Integer number(String value) {
        if (value == null) {
            return null;
        }
        try {
            return (int) Math.min(Integer.MAX_VALUE, Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return null; // not Jira's documented form
        }
    }
}
