package org.jiraq.camel.webhook;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.WebhookApp;
import org.jiraq.simulator.JiraSimulator;
import org.jiraq.simulator.webhooks.AdminWebhook;
import org.jiraq.simulator.webhooks.WebhookAttempt;
import org.jiraq.simulator.webhooks.WebhookEventCatalog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every event of Jira's admin-webhook catalogue, announced by the simulator and delivered over HTTP through
 * jiraq:webhook: how each is mapped to headers, which ones the events option (names and aliases) lets through, and
 * the source-address check.
 */
class WebhookEventCatalogueTest {

    private static final String SECRET = "catalogue secret";
    private static final String PATH = "/jira/events";

    @TempDir
    Path store;
    private final int port = WebhookApp.freePort();
    private JiraSimulator sim;
    private WebhookApp app;

    @AfterEach
    void stop() {
        WebhookApp.stop(app, sim);
    }

    @Test
    void everyEventIsDeliveredOnceAndMappedToHeaders() throws Exception {
        start("");
        String key = sim.state().createIssue("DEMO", "Task", "The subject of every event").key();
        String id = Long.toString(sim.state().issue(key).id());
        awaitDelivered(1);
        events().reset();

        WebhookEventCatalog.ADMIN_EVENTS.forEach(event -> sim.webhooks().announce(event, key));
        awaitDelivered(WebhookEventCatalog.ADMIN_EVENTS.size());

        assertThat(WebhookEvents.KNOWN).as("the component knows the catalogue the simulator announces")
                .containsExactlyElementsOf(WebhookEventCatalog.ADMIN_EVENTS);
        Map<String, Exchange> byEvent = events().getReceivedExchanges().stream().collect(Collectors.toMap(
                e -> e.getMessage().getHeader(JiraqConstants.WEBHOOK_EVENT, String.class), e -> e));
        assertThat(byEvent.keySet()).containsExactlyInAnyOrderElementsOf(WebhookEventCatalog.ADMIN_EVENTS);
        for (String event : List.of("jira:issue_created", "jira:issue_updated", "jira:issue_deleted", "issue_property_set",
                "issue_property_deleted", "comment_created", "comment_updated", "comment_deleted")) {
            assertThat(header(byEvent, event, JiraqConstants.ISSUE_KEY)).as(event).isEqualTo(key);
            assertThat(header(byEvent, event, JiraqConstants.PROJECT_KEY)).as(event).isEqualTo("DEMO");
        }
        for (String event : List.of("worklog_created", "worklog_updated", "worklog_deleted")) {
            assertThat(header(byEvent, event, JiraqConstants.ISSUE_ID)).as(event + " names its issue's id").isEqualTo(id);
        }
        assertThat(header(byEvent, "jira:issue_updated", JiraqConstants.ISSUE_EVENT_TYPE)).isEqualTo("issue_updated");
        assertThat(header(byEvent, "jira:issue_created", JiraqConstants.ISSUE_EVENT_TYPE)).isEqualTo("issue_created");
        assertThat(header(byEvent, "sprint_started", JiraqConstants.ISSUE_EVENT_TYPE)).isNull();
        assertThat(header(byEvent, "project_archived", JiraqConstants.PROJECT_KEY)).isEqualTo("DEMO");
        assertThat(header(byEvent, "sprint_started", JiraqConstants.ISSUE_KEY)).isNull();
        assertThat(byEvent.get("jira:version_released").getMessage().getBody(Map.class)).containsKey("version");
        assertThat(byEvent.values()).allSatisfy(e -> assertThat(e.getMessage()
                .getHeader(JiraqConstants.WEBHOOK_IDENTIFIER, String.class)).isNotBlank());
    }

    @Test
    void theEventsOptionLetsThroughTheNamedEventsByNameOrAliasAndAcknowledgesTheRest() throws Exception {
        start("&events=issueCreated,worklog_created,versionReleased,sprintStarted,boardConfigurationChanged");
        String key = sim.state().createIssue("DEMO", "Task", "Filtered").key();

        for (String event : List.of("worklog_created", "worklog_updated", "jira:version_released", "jira:version_moved",
                "sprint_started", "sprint_closed", "board_configuration_changed", "comment_created")) {
            sim.webhooks().announce(event, key);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> sim.webhooks().idle());

        awaitDelivered(5);
        assertThat(events().getReceivedExchanges()).map(e -> e.getMessage().getHeader(JiraqConstants.WEBHOOK_EVENT))
                .containsExactly("jira:issue_created", "worklog_created", "jira:version_released", "sprint_started",
                        "board_configuration_changed");
        assertThat(sim.webhooks().attempts()).as("every delivery acknowledged, none retried")
                .hasSize(9).allSatisfy(a -> assertThat(a.status()).isEqualTo(204)).extracting(WebhookAttempt::retry)
                .containsOnly(0);
    }

    @Test
    void aRequestFromOutsideTheAllowedSourcesIsRefused() throws Exception {
        start("&webhookAllowedSources=104.192.136.0/21");
        byte[] body = "{\"timestamp\":1,\"webhookEvent\":\"sprint_started\"}".getBytes(StandardCharsets.UTF_8);
        Map<String, String> signed = Map.of("X-Hub-Signature", "sha256=" + WebhookApp.hmac(SECRET, body),
                "X-Atlassian-Webhook-Identifier", "s-1");

        var refused = WebhookApp.post(WebhookApp.url(port, PATH), body, signed);
        var forged = WebhookApp.post(WebhookApp.url(port, PATH), body, Map.of("X-Hub-Signature",
                signed.get("X-Hub-Signature"), "X-Atlassian-Webhook-Identifier", "s-2", "X-Forwarded-For", "104.192.136.9"));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(forged.statusCode()).as("X-Forwarded-For from an untrusted peer is ignored").isEqualTo(403);
        assertThat(events().getReceivedCounter()).isZero();
    }

    @Test
    void behindATrustedProxyTheForwardedSourceIsChecked() throws Exception {
        start("&webhookAllowedSources=104.192.136.0/21&webhookTrustedProxies=127.0.0.1/32,::1/128");
        byte[] body = "{\"timestamp\":1,\"webhookEvent\":\"sprint_started\"}".getBytes(StandardCharsets.UTF_8);
        String signature = "sha256=" + WebhookApp.hmac(SECRET, body);

        var fromAtlassian = WebhookApp.post(WebhookApp.url(port, PATH), body, Map.of("X-Hub-Signature", signature,
                "X-Atlassian-Webhook-Identifier", "p-1", "X-Forwarded-For", "104.192.136.9"));
        var fromElsewhere = WebhookApp.post(WebhookApp.url(port, PATH), body, Map.of("X-Hub-Signature", signature,
                "X-Atlassian-Webhook-Identifier", "p-2", "X-Forwarded-For", "203.0.113.5"));

        assertThat(fromAtlassian.statusCode()).isEqualTo(204);
        assertThat(fromElsewhere.statusCode()).isEqualTo(403);
        // answered once stored; the inbox hands the event to the route right after
        await().atMost(Duration.ofSeconds(10)).until(() -> events().getReceivedCounter() == 1);
    }

    private void start(String options) throws Exception {
        sim = JiraSimulator.builder().adminWebhook(AdminWebhook.to(WebhookApp.url(port, PATH)).signedWith(SECRET)).start();
        app = WebhookApp.start(sim, port, store, new RouteBuilder() {
            @Override
            public void configure() {
                from("jiraq:webhook?webhookPath=" + PATH + "&webhookVerification=hmac&webhookSecret=RAW(" + SECRET + ")"
                     + options).to("mock:events");
            }
        });
    }

    private MockEndpoint events() {
        return app.context().getEndpoint("mock:events", MockEndpoint.class);
    }

    private void awaitDelivered(int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> events().getReceivedCounter() >= count);
    }

    private static String header(Map<String, Exchange> byEvent, String event, String header) {
        return byEvent.get(event).getMessage().getHeader(header, String.class);
    }
}
