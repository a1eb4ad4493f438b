package org.jiraq.camel.metrics;

/**
 * The names and tags of the component's meters, in Micrometer's dotted form (Prometheus shows
 * {@code jiraq.requests} as {@code jiraq_requests_seconds_count}, {@code _sum} and {@code _max}; counters get
 * {@code _total}).
 */
public final class JiraqMeters {

    /** Timer per HTTP exchange; tags site, operation, method, status. Its count is the number of requests. */
    public static final String REQUESTS = "jiraq.requests";
    /** Counter of retries; tags site, operation, cause. */
    public static final String RETRIES = "jiraq.retries";
    /** Counter of 429 answers; tags site, operation, reason. */
    public static final String RATE_LIMITED = "jiraq.rate.limited";
    /** Gauge of the last X-RateLimit-Remaining Jira sent; tag site. */
    public static final String RATE_LIMIT_REMAINING = "jiraq.rate.limit.remaining";
    /**
     * Timer of the waits in the client's rate-limit governor before a call is sent (pacing to Jira's announced limit,
     * holds after a 429); tags site, operation. Calls sent at once are not recorded.
     */
    public static final String RATE_LIMIT_WAITS = "jiraq.rate.limit.waits";
    /** Counter of OAuth 2.0 token refreshes; tags site, outcome. */
    public static final String TOKEN_REFRESHES = "jiraq.token.refreshes";
    /** Counter of webhook deliveries; tags event, outcome. */
    public static final String WEBHOOK_EVENTS = "jiraq.webhook.events";
    /** Gauge of the events waiting in a webhook inbox or being delivered (all replicas); tag path. */
    public static final String WEBHOOK_INBOX_DEPTH = "jiraq.webhook.inbox.depth";
    /** Gauge of the seconds since the oldest of them arrived; tag path. */
    public static final String WEBHOOK_INBOX_OLDEST_AGE = "jiraq.webhook.inbox.oldest.age";
    /** Gauge of a webhook consumer's events in the dead letters; tag path. */
    public static final String WEBHOOK_INBOX_DEAD = "jiraq.webhook.inbox.dead";
    /** Counter of personal-data reporting cycles; tag outcome. */
    public static final String GDPR_CYCLES = "jiraq.gdpr.cycles";
    /** Counter of accounts handled by the reporting cycles; tag status. */
    public static final String GDPR_ACCOUNTS = "jiraq.gdpr.accounts";

    public static final String TAG_SITE = "site";
    public static final String TAG_OPERATION = "operation";
    public static final String TAG_METHOD = "method";
    public static final String TAG_STATUS = "status";
    public static final String TAG_CAUSE = "cause";
    public static final String TAG_REASON = "reason";
    public static final String TAG_OUTCOME = "outcome";
    public static final String TAG_EVENT = "event";
    public static final String TAG_PATH = "path";

    private JiraqMeters() {
    }
}
