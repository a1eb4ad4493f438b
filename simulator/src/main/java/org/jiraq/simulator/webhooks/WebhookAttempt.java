package org.jiraq.simulator.webhooks;

/**
 * One POST of a webhook delivery.
 *
 * @param identifier the X-Atlassian-Webhook-Identifier, shared by every copy and retry of one delivery
 * @param retry      0 for the first attempt of a copy, then the X-Atlassian-Webhook-Retry count
 * @param status     the HTTP status received, or -1 when the connection failed
 */
public record WebhookAttempt(String identifier, String url, String webhookEvent, int retry, int status) {

    public boolean succeeded() {
        return status >= 200 && status < 300;
    }
}
