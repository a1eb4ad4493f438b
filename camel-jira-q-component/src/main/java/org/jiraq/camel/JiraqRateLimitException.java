package org.jiraq.camel;

import java.time.Duration;

/**
 * A call that was not sent: Jira's rate limit, as the component's governor learnt it from earlier answers, holds it
 * longer than the client waits (maxRetryDelay). Jira did not see it, so it is always safe to send again after
 * {@link #getRetryAfter()}; it carries no HTTP status because Jira gave no answer.
 */
public class JiraqRateLimitException extends JiraqException {

    private final String method;
    private final String path;
    private final String rateLimitReason;

    public JiraqRateLimitException(String method, String path, Duration wait, String rateLimitReason) {
        super("Not sent: " + (rateLimitReason == null ? "Jira's rate limit" : "Jira's rate limit (" + rateLimitReason + ")")
              + " holds " + method + " " + path + " for another " + wait.toMillis()
              + " ms, longer than the client waits (maxRetryDelay)", null, true, false, wait);
        this.method = method;
        this.path = path;
        this.rateLimitReason = rateLimitReason;
    }

    public String getMethod() {
        return method;
    }

    /** The request path, without the site. */
    public String getPath() {
        return path;
    }

    /** The {@code RateLimit-Reason} of the 429 that made the governor hold calls, or null. */
    public String getRateLimitReason() {
        return rateLimitReason;
    }
}
