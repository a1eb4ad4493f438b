package org.jiraq.camel.client;

import java.time.Duration;

/**
 * Hears what the {@link RateLimitGovernor}s learn and do, for metrics and alerts. Register with
 * {@link RateLimitGovernor#addListener}. Called on the thread making the call, so keep it quick; an exception thrown
 * here is logged and ignored.
 */
public interface RateLimitListener {

    /** An answer carried rate-limit headers ({@code X-RateLimit-Limit}, {@code -Remaining}, {@code -NearLimit}). */
    default void onState(RateLimitState state) {
    }

    /**
     * Jira answered 429.
     *
     * @param endpoint   the method and path template, e.g. {@code GET /rest/api/{}/issue/{}}
     * @param reason     Jira's {@code RateLimit-Reason}, or null
     * @param retryAfter how long Jira asked to wait, or null
     */
    default void onRateLimited(RateLimitState state, String endpoint, String reason, Duration retryAfter) {
    }

    /** A call waited in the governor (pacing, a hold after a 429) before it was sent. */
    default void onDelayed(RateLimitState state, String endpoint, Duration waited) {
    }
}
