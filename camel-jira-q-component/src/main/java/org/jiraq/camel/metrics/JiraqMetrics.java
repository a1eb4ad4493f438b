package org.jiraq.camel.metrics;

import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

import org.apache.camel.CamelContext;

/**
 * The component's domain meters (names in {@link JiraqMeters}). Recorded into Micrometer when the application has
 * Micrometer and a {@code MeterRegistry} in the Camel registry (camel-micrometer, Spring Boot, Quarkus), else into
 * nothing. Route and exchange meters come from Camel itself; these add what only the component knows.
 * <p>
 * The HTTP meters are fed by the client for every call. OAuth 2.0, webhooks and the GDPR cycle record theirs through
 * {@link org.jiraq.camel.JiraqComponent#getMetrics()}. Every method is cheap and never throws.
 */
public interface JiraqMetrics {

    /** Records nothing. */
    JiraqMetrics NOOP = new JiraqMetrics() {
    };

    /** Tag value of {@code status} when Jira gave no answer (refused, reset, timed out). */
    String NO_ANSWER = "IO_ERROR";

    /**
     * One HTTP exchange with Jira: {@link JiraqMeters#REQUESTS}.
     *
     * @param site      the connection name (host, with the port when not the default)
     * @param operation the component operation, or {@code healthCheck}
     * @param status    the HTTP status, or {@link #NO_ANSWER}
     */
    default void requestCompleted(String site, String operation, String method, String status, long nanos) {
    }

    /** The client waits to send a request again: {@link JiraqMeters#RETRIES}; cause is a status or an I/O error class. */
    default void retried(String site, String operation, String cause) {
    }

    /** Jira answered 429: {@link JiraqMeters#RATE_LIMITED}; reason is its RateLimit-Reason, or {@code unknown}. */
    default void rateLimited(String site, String operation, String reason) {
    }

    /** A call waited in the client's rate-limit governor before it was sent: {@link JiraqMeters#RATE_LIMIT_WAITS}. */
    default void rateLimitWait(String site, String operation, long nanos) {
    }

    /** Jira's last X-RateLimit-Remaining for the site: {@link JiraqMeters#RATE_LIMIT_REMAINING}. */
    default void rateLimitRemaining(String site, long remaining) {
    }

    /** An OAuth 2.0 token refresh: {@link JiraqMeters#TOKEN_REFRESHES}; outcome success, failure or revoked. */
    default void tokenRefreshed(String site, String outcome) {
    }

    /**
     * A webhook delivery: {@link JiraqMeters#WEBHOOK_EVENTS}.
     *
     * @param event   Jira's webhookEvent (jira:issue_created, ...), or {@code unknown} when it could not be read or
     *                trusted
     * @param outcome on arrival: stored (in the inbox, answered 2xx), duplicate, filtered (not an event asked for),
     *                busy (inbox full, or an earlier attempt still running: 503), unavailable (the store failed: 503)
     *                or rejected (too large, unverified, not an event); on delivery to the route: delivered, failed
     *                (delivered again later; after the route: answered 500) or dead (given up, in the dead letters)
     */
    default void webhookEvent(String event, String outcome) {
    }

    /**
     * The gauges of a webhook inbox, read when scraped: {@link JiraqMeters#WEBHOOK_INBOX_DEPTH},
     * {@link JiraqMeters#WEBHOOK_INBOX_OLDEST_AGE} and {@link JiraqMeters#WEBHOOK_INBOX_DEAD}. A consumer that starts
     * again on the same path replaces the suppliers.
     *
     * @param path       the consumer's webhookPath
     * @param depth      events waiting or being delivered
     * @param oldestAge  seconds since the oldest of them arrived (0 when none)
     * @param deadEvents events given up on, in the dead letters
     */
    default void webhookInbox(String path, LongSupplier depth, DoubleSupplier oldestAge, LongSupplier deadEvents) {
    }

    /** A personal-data reporting cycle ended: {@link JiraqMeters#GDPR_CYCLES}; outcome completed or failed. */
    default void gdprCycle(String outcome) {
    }

    /** Accounts a GDPR cycle handled: {@link JiraqMeters#GDPR_ACCOUNTS}; status reported, closed or updated. */
    default void gdprAccounts(String status, int count) {
    }

    /** Micrometer-backed metrics when Micrometer and a MeterRegistry are there, else {@link #NOOP}. */
    static JiraqMetrics lookup(CamelContext context) {
        if (context.getClassResolver().resolveClass("io.micrometer.core.instrument.MeterRegistry") == null) {
            return NOOP;
        }
        return MicrometerJiraqMetrics.lookup(context.getRegistry());
    }
}
