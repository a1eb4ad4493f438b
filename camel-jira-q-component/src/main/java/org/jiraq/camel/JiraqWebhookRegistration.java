package org.jiraq.camel;

/** Whether {@code jiraq:webhook} registers itself with Jira when it starts. */
public enum JiraqWebhookRegistration {
    /** Nothing is registered: the webhook was set up in Jira's administration. */
    none,
    /**
     * Jira Cloud apps (OAuth 2.0): a dynamic webhook with a JQL filter, reused across restarts, refreshed before it
     * expires after 30 days, failed deliveries replayed.
     */
    dynamic,
    /** An admin webhook through /rest/webhooks/1.0/webhook (Data Center, or Cloud with admin rights), reused across restarts. */
    admin
}
