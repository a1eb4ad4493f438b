package org.jiraq.camel.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.jiraq.camel.client.JiraqClient;
import org.jiraq.camel.client.JiraqRequest;
import org.jiraq.camel.client.PageStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deliveries Jira gave up on after its retries ({@code GET /rest/api/3/webhook/failed}, kept about 72 hours), fed
 * to the receiver as if Jira had sent them now. Their id is the delivery identifier, so the receiver's
 * de-duplication skips any that did reach the route after all.
 */
public final class FailedWebhooks {

    private static final Logger LOG = LoggerFactory.getLogger(FailedWebhooks.class);

    private final JiraqClient client;
    private final String path;
    private final String url;

    public FailedWebhooks(JiraqClient client, String apiPath, String url) {
        this.client = client;
        this.path = apiPath + "/webhook/failed";
        this.url = url;
    }

    /**
     * Replays the failed deliveries to this consumer's URL; returns how many were new (stored in the inbox, or
     * processed by the route when it acknowledges after the route).
     */
    public int replay(WebhookReceiver receiver) {
        int replayed = 0;
        var failed = client.paginate(JiraqRequest.get(path).query("maxResults", 100).build(), PageStyle.nextUrl("values", client),
                Long.MAX_VALUE);
        while (failed.hasNext()) {
            JsonNode item = failed.next();
            if (!url.equals(item.path("url").asText()) || !item.path("body").isTextual()) {
                continue;
            }
            String id = item.path("id").asText();
            byte[] body = item.get("body").asText().getBytes(StandardCharsets.UTF_8);
            WebhookEvent event;
            try {
                event = WebhookEvent.parse(body, id, null);
            } catch (IllegalArgumentException notAnEvent) {
                LOG.warn("Skipping failed webhook {}: {}", id, notAnEvent.getMessage());
                continue;
            }
            WebhookReceiver.Outcome outcome
                    = receiver.accept(InboxEvent.received(id, event, body, Map.of(), Instant.now())).join();
            if (outcome == WebhookReceiver.Outcome.STORED || outcome == WebhookReceiver.Outcome.DELIVERED) {
                replayed++;
            }
        }
        if (replayed > 0) {
            LOG.info("Replayed {} failed webhook deliveries for {}", replayed, url);
        }
        return replayed;
    }
}
