package org.jiraq.camel.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A verified event as the inbox keeps it: the event (parsed), its raw payload as Jira sent it, the request headers
 * that may reach the route, when it arrived and how many deliveries to the route have failed.
 *
 * @param key      the inbox's key of the event: Jira's delivery identifier, or one made up for a request that had none
 * @param payload  the body as Jira sent it (UTF-8 JSON)
 * @param attempts how many deliveries to the route failed so far
 */
public record InboxEvent(String key, WebhookEvent event, String payload, Map<String, Object> headers,
                         Instant receivedAt, int attempts) {

    public InboxEvent {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** A new event, before it is stored. */
    static InboxEvent received(String key, WebhookEvent event, byte[] payload, Map<String, Object> headers,
                               Instant receivedAt) {
        return new InboxEvent(key, event, new String(payload, StandardCharsets.UTF_8), headers, receivedAt, 0);
    }

    /** An event read back from the store: the payload is parsed again. */
    static InboxEvent stored(String key, String payload, Map<String, Object> headers, Integer jiraRetry,
                             Instant receivedAt, int attempts) {
        WebhookEvent event = WebhookEvent.parse(payload.getBytes(StandardCharsets.UTF_8), key, jiraRetry);
        return new InboxEvent(key, event, payload, headers, receivedAt, attempts);
    }
}
