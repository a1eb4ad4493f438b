package org.jiraq.camel.webhook;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jiraq.camel.client.JiraqClient;
import org.jiraq.camel.client.JiraqRequest;
import org.jiraq.camel.client.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An admin webhook through {@code /rest/webhooks/1.0/webhook}, the way to register on Data Center (it needs admin
 * rights, which is why the user must ask for it). Admin webhooks do not expire; one whose URL matches is updated
 * in place, so restarts never add another.
 */
public final class AdminWebhooks implements WebhookRegistrar {

    static final String PATH = "/rest/webhooks/1.0/webhook";
    private static final String JQL_FILTER = "issue-related-events-section";
    private static final Logger LOG = LoggerFactory.getLogger(AdminWebhooks.class);

    private final JiraqClient client;
    private final String name;
    private final String url;
    private final List<String> events;
    private final String jql;
    private final String secret;

    /**
     * @param events the events, or empty for all of them
     * @param jql    the filter of issue events, or null
     * @param secret the secret Jira signs with (X-Hub-Signature), or null
     */
    public AdminWebhooks(JiraqClient client, String name, String url, List<String> events, String jql, String secret) {
        this.client = client;
        this.name = name;
        this.url = url;
        this.events = events.isEmpty() ? WebhookEvents.KNOWN : List.copyOf(events);
        this.jql = jql == null ? "" : jql.trim();
        this.secret = secret;
    }

    @Override
    public void register() throws IOException {
        for (JsonNode webhook : client.execute(JiraqRequest.get(PATH).build()).json()) {
            if (url.equals(webhook.path("url").asText())) {
                String self = webhook.path("self").asText();
                String id = self.substring(self.lastIndexOf('/') + 1);
                if (!matches(webhook)) {
                    client.execute(JiraqRequest.put(PATH + "/" + id).json(definition()).build());
                    LOG.info("Updated admin webhook {} for {}", id, url);
                } else {
                    LOG.info("Reusing admin webhook {} for {}", id, url);
                }
                return;
            }
        }
        client.execute(JiraqRequest.post(PATH).json(definition()).build());
        LOG.info("Registered admin webhook for {} ({})", url, events.size() == WebhookEvents.KNOWN.size() ? "all events" : events);
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("registration", "admin");
    }

    @Override
    public void refresh() {
        // admin webhooks do not expire
    }

    private boolean matches(JsonNode webhook) {
        Set<String> registered = new java.util.HashSet<>();
        webhook.path("events").forEach(e -> registered.add(e.asText()));
        return registered.equals(Set.copyOf(events))
                && jql.equals(webhook.path("filters").path(JQL_FILTER).asText("").trim());
    }

    private ObjectNode definition() {
        ObjectNode body = Json.object().put("name", name).put("url", url).put("excludeBody", false);
        events.forEach(body.putArray("events")::add);
        body.putObject("filters").put(JQL_FILTER, jql);
        if (secret != null) {
            body.put("secret", secret);
        }
        return body;
    }
}
