package org.jiraq.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every admin-webhook event of Jira's catalogue, announced by the simulator and received over HTTP. */
class WebhookEventCatalogTest {

    /** The entity each group of events carries, by the event name's first word. */
    private static final Map<String, String> ENTITY = Map.ofEntries(Map.entry("issue_property", "property"),
            Map.entry("worklog", "worklog"), Map.entry("comment", "comment"), Map.entry("attachment", "attachment"),
            Map.entry("issuelink", "issueLink"), Map.entry("issuetype", "issueType"), Map.entry("project", "project"),
            Map.entry("jira:version", "version"), Map.entry("filter", "filter"), Map.entry("user", "user"),
            Map.entry("option", "property"), Map.entry("sprint", "sprint"), Map.entry("board", "board"));

    private final Map<String, JsonNode> received = new ConcurrentHashMap<>();
    private final HttpServer receiver = startReceiver();
    private JiraSimulator sim;

    @AfterEach
    void stop() {
        receiver.stop(0);
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void everyAdminEventIsDeliveredWithTheEntityItIsAbout() {
        sim = JiraSimulator.builder().adminWebhook(AdminWebhook.to("http://localhost:" + receiver.getAddress().getPort()
                + "/hook").signedWith("s3cret")).start();
        String key = sim.state().createIssue("DEMO", "Task", "Subject of every event").key();
        await().atMost(Duration.ofSeconds(5)).until(() -> received.containsKey("jira:issue_created"));
        received.clear();

        WebhookEventCatalog.ADMIN_EVENTS.forEach(event -> sim.webhooks().announce(event, key));
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == WebhookEventCatalog.ADMIN_EVENTS.size());

        assertThat(WebhookEventCatalog.ADMIN_EVENTS).hasSize(57).doesNotHaveDuplicates();
        for (String event : WebhookEventCatalog.ADMIN_EVENTS) {
            JsonNode body = received.get(event);
            assertThat(body.path("timestamp").isNumber()).as(event).isTrue();
            ENTITY.entrySet().stream().filter(e -> event.startsWith(e.getKey())).findFirst()
                    .ifPresent(e -> assertThat(body.has(e.getValue())).as(event + " carries " + e.getValue()).isTrue());
        }
        assertThat(received.get("jira:issue_updated").path("issue_event_type_name").asText()).isEqualTo("issue_updated");
        assertThat(received.get("jira:issue_updated").path("issue").path("key").asText()).isEqualTo(key);
        assertThat(received.get("comment_updated").path("issue").path("key").asText()).isEqualTo(key);
        assertThat(received.get("issue_property_set").path("issue").path("key").asText()).isEqualTo(key);
        assertThat(received.get("worklog_created").path("worklog").path("issueId").asText())
                .isEqualTo(Long.toString(sim.state().issue(key).id()));
        assertThat(received.get("jira:version_merged").has("mergedTo")).isTrue();
        assertThat(received.get("sprint_started").path("sprint").path("state").asText()).isEqualTo("active");
        assertThat(received.get("option_voting_changed").path("property").path("key").asText())
                .isEqualTo("jira.option.voting");
        assertThat(received.get("project_archived").path("project").path("key").asText()).isEqualTo("DEMO");
    }

    @Test
    void announcingNeedsAKnownEventAndForIssueEventsAnIssue() {
        sim = JiraSimulator.builder().start();

        assertThatThrownBy(() -> sim.webhooks().announce("issue_exploded", null))
                .hasMessage("Jira announces no event issue_exploded to admin webhooks");
        assertThatThrownBy(() -> sim.webhooks().announce("worklog_created", "DEMO-404"))
                .hasMessage("worklog_created is about an issue; DEMO-404 is none");
        List.of("sprint_closed", "user_deleted").forEach(event -> sim.webhooks().announce(event, null));
    }

    private HttpServer startReceiver() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/hook", exchange -> {
                JsonNode body = JiraHttp.MAPPER.readTree(exchange.getRequestBody().readAllBytes());
                received.put(body.path("webhookEvent").asText(), body);
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
