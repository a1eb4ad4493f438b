package org.jiraq.camel.webhook;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.client.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code jiraq:webhook} used as a producer: puts the event in the message (a Jira event as JSON text or a Map) into
 * the inbox of the consumer at that webhookPath, for its workers to deliver, on whichever replica. This is how dead
 * webhook events are replayed (the jiraq-dead-letter-replay template with this endpoint as its target): the event
 * keeps its delivery identifier ({@code CamelJiraqWebhookIdentifier}), a dead one is stored again with no failed
 * attempts, and one the inbox has pending or processed already is left as it is.
 */
public final class InboxRequeue {

    private static final Logger LOG = LoggerFactory.getLogger(InboxRequeue.class);

    private final WebhookInbox inbox;

    public InboxRequeue(WebhookInbox inbox) {
        this.inbox = inbox;
    }

    public void handle(Exchange exchange) throws IOException {
        Message message = exchange.getMessage();
        Object body = message.getBody();
        byte[] payload = body instanceof String || body instanceof byte[] ? Json.write(body)
                : Json.write(Json.toNode(body));
        String identifier = message.getHeader(JiraqConstants.WEBHOOK_IDENTIFIER, String.class);
        String key = identifier != null && !identifier.isBlank() ? identifier : "jiraq-" + UUID.randomUUID();
        WebhookEvent event = WebhookEvent.parse(payload, key, message.getHeader(JiraqConstants.WEBHOOK_RETRY, Integer.class));
        Instant now = Instant.now();
        boolean queued = inbox.requeue(InboxEvent.received(key, event, payload, Map.of(), now), now);
        LOG.debug("Webhook {} ({}) {} the inbox {}", key, event.name(), queued ? "put back in" : "is already in",
                inbox.name());
    }
}
