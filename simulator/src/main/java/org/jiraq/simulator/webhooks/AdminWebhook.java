package org.jiraq.simulator.webhooks;

import java.util.List;

/**
 * An admin webhook, as set up in Jira's administration: where to post, the secret that signs each delivery
 * ({@code X-Hub-Signature}), which events (all when empty) and an optional JQL filter for issue events.
 */
public record AdminWebhook(String url, String secret, List<String> events, String jql) {

    public AdminWebhook {
        events = List.copyOf(events);
    }

    /** All events to {@code url}, unsigned. */
    public static AdminWebhook to(String url) {
        return new AdminWebhook(url, null, List.of(), null);
    }

    public AdminWebhook signedWith(String secret) {
        return new AdminWebhook(url, secret, events, jql);
    }

    public AdminWebhook forEvents(String... names) {
        return new AdminWebhook(url, secret, List.of(names), jql);
    }

    public AdminWebhook filteredBy(String jqlFilter) {
        return new AdminWebhook(url, secret, events, jqlFilter);
    }

    boolean wants(String event) {
        return events.isEmpty() || events.contains(event);
    }
}
