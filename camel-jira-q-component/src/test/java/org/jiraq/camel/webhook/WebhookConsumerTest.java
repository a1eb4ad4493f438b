package org.jiraq.camel.webhook;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.JiraqWebhookConsumer;
import org.jiraq.camel.WebhookApp;
import org.jiraq.simulator.AdminWebhook;
import org.jiraq.simulator.JiraSimulator;
import org.jiraq.simulator.WebhookAttempt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * jiraq:webhook over real HTTP: the simulator posts signed admin webhooks to Camel's platform-http (Vert.x) when its
 * issues, comments and projects change.
 */
class WebhookConsumerTest {

    private static final String SECRET = "it's a secret to everybody";
    private static final String PATH = "/jira/events";

    @TempDir
    Path store;
    private final int port = WebhookApp.freePort();
    private final AtomicInteger failuresToInject = new AtomicInteger();
    private JiraSimulator sim;
    private WebhookApp app;

    @BeforeEach
    void start() throws Exception {
        sim = JiraSimulator.builder()
                .adminWebhook(AdminWebhook.to(WebhookApp.url(port, PATH)).signedWith(SECRET))
                .start();
        sim.webhooks().retries(3, Duration.ofMillis(50));
        app = WebhookApp.start(sim, port, store, new RouteBuilder() {
            @Override
            public void configure() {
                from("jiraq:webhook?webhookPath=" + PATH + "&webhookVerification=hmac&webhookSecret=RAW(" + SECRET + ")"
                     + "&inboxRedeliveryDelay=20")
                        .routeId("events")
                        .process(exchange -> {
                            if (failuresToInject.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                                throw new IllegalStateException("the downstream system is down");
                            }
                        })
                        .to("mock:events");
            }
        });
    }

    @AfterEach
    void stop() {
        app.close();
        try {
            sim.assertNoContractViolations();
        } finally {
            sim.close();
        }
    }

    private MockEndpoint events() {
        return app.context().getEndpoint("mock:events", MockEndpoint.class);
    }

    /** Jira has nothing left to send, and the inbox nothing left to deliver. */
    private void awaitDeliveriesDone() {
        await().atMost(Duration.ofSeconds(10)).until(() -> sim.webhooks().idle());
        awaitInboxEmpty();
    }

    private void awaitInboxEmpty() {
        JiraqWebhookConsumer consumer = (JiraqWebhookConsumer) app.context().getRoute("events").getConsumer();
        await().atMost(Duration.ofSeconds(10)).until(() -> consumer.getInbox().inbox().depth().pending() == 0);
    }

    private Exchange received(String event) {
        return events().getReceivedExchanges().stream()
                .filter(e -> event.equals(e.getMessage().getHeader(JiraqConstants.WEBHOOK_EVENT))).findFirst()
                .orElseThrow();
    }

    @Test
    void createdIssueArrivesOnceAlthoughJiraSendsItThreeTimes() throws Exception {
        sim.webhooks().copies(3);

        String key = app.template().request("jiraq:createIssue", exchange -> exchange.getMessage().setHeaders(Map.of(
                JiraqConstants.PROJECT_KEY, "DEMO", JiraqConstants.ISSUE_TYPE_NAME, "Task",
                JiraqConstants.SUMMARY, "Printer on fire"))).getMessage().getHeader(JiraqConstants.ISSUE_KEY, String.class);
        awaitDeliveriesDone();

        List<WebhookAttempt> attempts = sim.webhooks().attempts();
        assertThat(attempts).hasSize(3).allMatch(WebhookAttempt::succeeded);
        assertThat(attempts).extracting(WebhookAttempt::identifier).containsOnly(attempts.get(0).identifier());
        assertThat(events().getReceivedExchanges()).hasSize(1);
        Exchange received = events().getReceivedExchanges().get(0);
        assertThat(received.getMessage().getHeaders()).containsEntry(JiraqConstants.WEBHOOK_EVENT, "jira:issue_created")
                .containsEntry(JiraqConstants.ISSUE_KEY, key)
                .containsEntry(JiraqConstants.PROJECT_KEY, "DEMO")
                .containsEntry(JiraqConstants.WEBHOOK_IDENTIFIER, attempts.get(0).identifier());
        Map<?, ?> body = received.getMessage().getBody(Map.class);
        assertThat(((Map<?, ?>) ((Map<?, ?>) body.get("issue")).get("fields")).get("summary")).isEqualTo("Printer on fire");
    }

    @Test
    void badSignatureIsRefusedWith401AndDeliversNothing() throws Exception {
        byte[] body = event("jira:issue_created", "DEMO-7");

        var wrong = WebhookApp.post(WebhookApp.url(port, PATH), body, Map.of(
                "X-Hub-Signature", "sha256=" + WebhookApp.hmac("not the secret", body),
                "X-Atlassian-Webhook-Identifier", "1001"));
        var missing = WebhookApp.post(WebhookApp.url(port, PATH), body, Map.of("X-Atlassian-Webhook-Identifier", "1002"));
        var tampered = WebhookApp.post(WebhookApp.url(port, PATH), event("jira:issue_created", "DEMO-8"), Map.of(
                "X-Hub-Signature", "sha256=" + WebhookApp.hmac(SECRET, body), "X-Atlassian-Webhook-Identifier", "1003"));

        assertThat(List.of(wrong.statusCode(), missing.statusCode(), tampered.statusCode())).containsOnly(401);
        assertThat(events().getReceivedCounter()).isZero();
        // the identifiers were not spent: the genuine delivery still gets through
        var genuine = WebhookApp.post(WebhookApp.url(port, PATH), body, Map.of(
                "X-Hub-Signature", "sha256=" + WebhookApp.hmac(SECRET, body), "X-Atlassian-Webhook-Identifier", "1001"));
        assertThat(genuine.statusCode()).isBetween(200, 299);
        awaitInboxEmpty();
        assertThat(events().getReceivedCounter()).isOne();
    }

    @Test
    void routeFailureIsRedeliveredFromTheInboxWhileJiraIsAnsweredOnce() {
        failuresToInject.set(2);

        sim.state().createIssue("DEMO", "Bug", "Flaky downstream");
        awaitDeliveriesDone();

        assertThat(sim.webhooks().attempts()).extracting(WebhookAttempt::status).containsExactly(204);
        assertThat(events().getReceivedExchanges()).singleElement().satisfies(e -> assertThat(
                e.getMessage().getHeader(JiraqConstants.WEBHOOK_ATTEMPT)).isEqualTo(3));
    }

    @Test
    void requestHeadersNeverBecomeJiraqHeaders() throws Exception {
        byte[] projectEvent = ("{\"timestamp\":1,\"webhookEvent\":\"project_created\",\"project\":{\"id\":\"10500\","
                               + "\"key\":\"NEW\",\"name\":\"New\"}}").getBytes(StandardCharsets.UTF_8);
        byte[] issueEvent = event("jira:issue_updated", "DEMO-1");

        var first = WebhookApp.post(WebhookApp.url(port, PATH), projectEvent, Map.of(
                "X-Hub-Signature", "sha256=" + WebhookApp.hmac(SECRET, projectEvent), "X-Atlassian-Webhook-Identifier", "2001",
                "CamelJiraqIssueKey", "EVIL-1", "CamelJiraqTransition", "Done"));
        var second = WebhookApp.post(WebhookApp.url(port, PATH), issueEvent, Map.of(
                "X-Hub-Signature", "sha256=" + WebhookApp.hmac(SECRET, issueEvent), "X-Atlassian-Webhook-Identifier", "2002",
                "cameljiraqissuekey", "EVIL-1", "CamelHttpUri", "/elsewhere"));

        assertThat(List.of(first.statusCode(), second.statusCode())).allMatch(s -> s >= 200 && s < 300);
        awaitInboxEmpty();
        Map<String, Object> projectHeaders = received("project_created").getMessage().getHeaders();
        assertThat(projectHeaders).doesNotContainKeys(JiraqConstants.ISSUE_KEY, JiraqConstants.TRANSITION)
                .containsEntry(JiraqConstants.PROJECT_KEY, "NEW")
                .containsEntry("X-Atlassian-Webhook-Identifier", "2001")
                .doesNotContainKey("X-Hub-Signature");
        Map<String, Object> issueHeaders = received("jira:issue_updated").getMessage().getHeaders();
        assertThat(issueHeaders).containsEntry(JiraqConstants.ISSUE_KEY, "DEMO-1").doesNotContainKey("CamelHttpUri");
    }

    @Test
    void bodyThatIsNoJiraEventIs400AndOversizedBodyIs413() throws Exception {
        byte[] notAnEvent = "{\"hello\":\"world\"}".getBytes(StandardCharsets.UTF_8);
        byte[] huge = ("{\"webhookEvent\":\"jira:issue_created\",\"pad\":\"" + "x".repeat(11 * 1024 * 1024) + "\"}")
                .getBytes(StandardCharsets.UTF_8);

        var bad = WebhookApp.post(WebhookApp.url(port, PATH), notAnEvent,
                Map.of("X-Hub-Signature", "sha256=" + WebhookApp.hmac(SECRET, notAnEvent)));
        var tooLarge = WebhookApp.post(WebhookApp.url(port, PATH), huge,
                Map.of("X-Hub-Signature", "sha256=" + WebhookApp.hmac(SECRET, huge)));

        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(events().getReceivedCounter()).isZero();
    }

    @Test
    void commentsAndProjectChangesArriveAsTheirOwnEvents() {
        var issue = sim.state().createIssue("DEMO", "Task", "Needs a comment");
        app.template().requestBodyAndHeader("jiraq:addComment", "First!", JiraqConstants.ISSUE_KEY, issue.key());
        sim.state().addProject("NEW", "New project");
        sim.state().renameProject("NEW", "Renamed project");
        awaitDeliveriesDone();

        // with several delivery threads the route may see them in another order, as Jira promises none either
        assertThat(events().getReceivedExchanges())
                .extracting(e -> e.getMessage().getHeader(JiraqConstants.WEBHOOK_EVENT))
                .containsExactlyInAnyOrder("jira:issue_created", "comment_created", "jira:issue_updated",
                        "project_created", "project_updated");
        Map<?, ?> comment = (Map<?, ?>) received("comment_created").getMessage().getBody(Map.class).get("comment");
        assertThat(comment.get("body")).isEqualTo("First!");
        assertThat(received("project_updated").getMessage().getHeader(JiraqConstants.PROJECT_KEY)).isEqualTo("NEW");
    }

    private static byte[] event(String name, String issueKey) {
        return ("{\"timestamp\":1,\"webhookEvent\":\"" + name + "\",\"issue\":{\"id\":\"10000\",\"key\":\"" + issueKey
                + "\",\"fields\":{\"project\":{\"key\":\"DEMO\"}}}}").getBytes(StandardCharsets.UTF_8);
    }
}
