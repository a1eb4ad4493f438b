package org.jiraq.camel;

/** When {@code jiraq:webhook} answers Jira's delivery. */
public enum JiraqWebhookAckMode {
    /**
     * As soon as the event is stored in the inbox (the component's store), as Atlassian advises: Jira gets its 2xx
     * within milliseconds and a worker hands the event to the route, redelivering until the route completes, also
     * after a crash or on another replica. Jira never sees the route's failures.
     */
    inbox,
    /**
     * Only once the route has processed the event: 2xx when it completed, 5xx when it failed, so Jira retries and its
     * delivery log shows the failure. Jira gives up after about 5 retries in 30 minutes, so an outage longer than that
     * loses events unless Jira's failed-webhook list is replayed (webhookReplayFailed).
     */
    afterRoute
}
