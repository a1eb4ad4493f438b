package org.jiraq.camel.webhook;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jiraq.camel.client.JiraqClient;
import org.jiraq.camel.client.JiraqRequest;
import org.jiraq.camel.client.Json;
import org.jiraq.camel.client.PageStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A dynamic webhook of a Jira Cloud app ({@code /rest/api/3/webhook}). Jira allows an app a handful of them and
 * drops each 30 days after its last refresh, so the one registration is found again on every start instead of adding
 * another, and refreshed on schedule.
 */
public final class DynamicWebhooks implements WebhookRegistrar {

    private static final Logger LOG = LoggerFactory.getLogger(DynamicWebhooks.class);

    private final JiraqClient client;
    private final String webhookPath;
    private final String url;
    private final List<String> events;
    private final String jql;
    private volatile Long id;
    private volatile Instant expiresAt;

    public DynamicWebhooks(JiraqClient client, String apiPath, String url, List<String> events, String jql) {
        this.client = client;
        this.webhookPath = apiPath + "/webhook";
        this.url = url;
        this.events = List.copyOf(events);
        this.jql = jql.trim();
    }

    @Override
    public void register() throws IOException {
        Long found = null;
        List<Long> outdated = new ArrayList<>();
        var registered = client.paginate(JiraqRequest.get(webhookPath).build(), PageStyle.offset("values"), Long.MAX_VALUE);
        while (registered.hasNext()) {
            JsonNode webhook = registered.next();
            if (!url.equals(webhook.path("url").asText())) {
                continue;
            }
            if (found == null && jql.equals(webhook.path("jqlFilter").asText().trim())
                    && Set.copyOf(events).equals(texts(webhook.path("events")))) {
                found = webhook.path("id").asLong();
            } else {
                outdated.add(webhook.path("id").asLong());
            }
        }
        if (!outdated.isEmpty()) {
            client.execute(JiraqRequest.delete(webhookPath).json(Map.of("webhookIds", outdated)).build());
            LOG.info("Removed outdated dynamic webhooks {} for {}", outdated, url);
        }
        if (found != null) {
            id = found;
            LOG.info("Reusing dynamic webhook {} for {}", id, url);
            refresh();
            return;
        }
        ObjectNode body = Json.object().put("url", url);
        ObjectNode details = body.putArray("webhooks").addObject().put("jqlFilter", jql);
        events.forEach(details.putArray("events")::add);
        JsonNode result = client.execute(JiraqRequest.post(webhookPath).json(body).build()).json()
                .path("webhookRegistrationResult").path(0);
        if (!result.has("createdWebhookId")) {
            throw new IOException("Jira refused to register the dynamic webhook for " + url + ": "
                                  + result.path("errors"));
        }
        id = result.get("createdWebhookId").asLong();
        LOG.info("Registered dynamic webhook {} for {} ({}, jql {})", id, url, events, jql);
    }

    @Override
    public void refresh() throws IOException {
        Long current = id;
        if (current == null) {
            register();
            return;
        }
        JsonNode answer = client.execute(JiraqRequest.put(webhookPath + "/refresh")
                .json(Map.of("webhookIds", List.of(current))).build()).json();
        if (answer.hasNonNull("expirationDate")) {
            expiresAt = Instant.ofEpochMilli(answer.get("expirationDate").asLong());
        }
        LOG.debug("Dynamic webhook {} now expires at {}", current, expiresAt);
    }

    /** The id and, once refreshed by this JVM, the expiry Jira announced (another replica may have refreshed since). */
    @Override
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("registration", "dynamic");
        if (id != null) {
            details.put("id", id);
        }
        if (expiresAt != null) {
            details.put("expiresAt", expiresAt.toString());
        }
        return details;
    }

    /** The id of the registration, once registered. */
    public Long id() {
        return id;
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> values = new HashSet<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
