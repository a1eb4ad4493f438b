package org.jiraq.camel.webhook;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import org.apache.camel.Route;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckAware;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.JiraqWebhookAckMode;
import org.jiraq.camel.JiraqWebhookConsumer;
import org.jiraq.camel.WebhookApp;
import org.jiraq.simulator.DynamicWebhook;
import org.jiraq.simulator.JiraSimulator;
import org.jiraq.simulator.SimulatorClock;
import org.jiraq.simulator.WebhookAttempt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhooks that jiraq:webhook registers itself: dynamic ones of a Jira Cloud app (JWT-signed, 30-day expiry,
 * refreshed on a Quartz schedule, failed deliveries replayed) and admin ones on Data Center.
 */
class WebhookRegistrationTest {

    private static final String APP_SECRET = "the OAuth app's client secret";
    private static final String ADMIN_SECRET = "admin webhook secret";
    private static final Instant T0 = Instant.parse("2026-11-01T08:00:00Z");

    @TempDir
    Path store;
    private final int port = WebhookApp.freePort();
    private final AtomicBoolean downstreamDown = new AtomicBoolean();
    private JiraSimulator sim;
    private WebhookApp app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        try {
            sim.assertNoContractViolations();
        } finally {
            sim.close();
        }
    }

    private WebhookApp startDynamic() throws Exception {
        return startDynamic(JiraqWebhookAckMode.inbox);
    }

    private WebhookApp startDynamic(JiraqWebhookAckMode ackMode) throws Exception {
        return WebhookApp.start(sim, port, store, routes("jiraq:webhook?webhookPath=/jira/app"
                + "&webhookVerification=jwt&webhookSecret=RAW(" + APP_SECRET + ")"
                + "&webhookRegistration=dynamic&webhookUrl=" + WebhookApp.url(port, "/jira/app")
                + "&jql=RAW(project = DEMO)&events=issueCreated,commentCreated"
                + "&webhookRefreshCron=RAW(0/1 * * * * ?)&webhookAckMode=" + ackMode));
    }

    private RouteBuilder routes(String from) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(from).process(exchange -> {
                    if (downstreamDown.get()) {
                        throw new IllegalStateException("downstream is down");
                    }
                }).to("mock:events");
            }
        };
    }

    private MockEndpoint events() {
        return app.context().getEndpoint("mock:events", MockEndpoint.class);
    }

    private DynamicWebhook onlyRegistration() {
        List<DynamicWebhook> registered = sim.webhooks().dynamicWebhooks();
        assertThat(registered).hasSize(1);
        return registered.get(0);
    }

    @Test
    void dynamicWebhookIsRefreshedBeforeItExpiresAndReusedAfterRestart() throws Exception {
        sim = JiraSimulator.builder().clock(SimulatorClock.fixedAt(T0)).webhookAppSecret(APP_SECRET).start();
        app = startDynamic();
        DynamicWebhook registered = onlyRegistration();
        assertThat(registered.expirationDate()).isEqualTo(T0.plus(Duration.ofDays(30)));
        assertThat(registered.jqlFilter()).isEqualTo("project = DEMO");
        assertThat(registered.events()).containsExactly("jira:issue_created", "comment_created");

        sim.clock().advance(Duration.ofDays(20));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> onlyRegistration().expirationDate().equals(T0.plus(Duration.ofDays(50))));
        sim.clock().advance(Duration.ofDays(20)); // day 40: the first registration would be gone by now
        sim.state().createIssue("DEMO", "Task", "Still heard on day 40");
        sim.state().createIssue("OPS", "Task", "Outside the JQL filter");
        await().atMost(Duration.ofSeconds(5)).until(() -> events().getReceivedCounter() == 1);
        assertThat(events().getReceivedExchanges().get(0).getMessage().getHeader(JiraqConstants.ISSUE_KEY))
                .isEqualTo("DEMO-1");

        app.close();
        app = startDynamic();
        assertThat(onlyRegistration().id()).isEqualTo(registered.id());
        assertThat(sim.requests("POST", "/rest/api/3/webhook")).hasSize(1);
        sim.state().createIssue("DEMO", "Task", "After the restart");
        await().atMost(Duration.ofSeconds(5)).until(() -> events().getReceivedCounter() == 1);
    }

    @Test
    void aRegistrationThatCannotBeRefreshedTurnsTheHealthCheckDownUntilARefreshWorks() throws Exception {
        sim = JiraSimulator.builder().webhookAppSecret(APP_SECRET).start();
        app = startDynamic();
        await().atMost(Duration.ofSeconds(5)).until(() -> health().getDetails().containsKey("webhook-jira-app.expiresAt"));
        HealthCheck.Result up = health();
        assertThat(up.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(up.getDetails()).containsEntry("webhook-jira-app.state", "registered")
                .containsEntry("webhook-jira-app.registration", "dynamic")
                .containsEntry("webhook-jira-app.id", onlyRegistration().id());

        StubMapping refused = sim.wireMock().stubFor(put(urlPathEqualTo("/rest/api/3/webhook/refresh")).atPriority(1)
                .willReturn(aResponse().withStatus(403).withBody("{\"errorMessages\":[\"Only apps\"]}")));
        await().atMost(Duration.ofSeconds(5)).until(() -> health().getState() == HealthCheck.State.DOWN);
        HealthCheck.Result down = health();
        assertThat(down.getMessage()).hasValueSatisfying(m -> assertThat(m)
                .contains("webhook-jira-app: keeping the webhook registration alive fails (Jira answered 403)"));
        assertThat(down.getDetails()).containsEntry("webhook-jira-app.state", "refresh-failing");

        sim.wireMock().removeStub(refused);
        await().atMost(Duration.ofSeconds(5)).until(() -> health().getState() == HealthCheck.State.UP);
        assertThat(health().getDetails()).containsKey("webhook-jira-app.lastRefreshAt");
    }

    /** The readiness check of the webhook consumer, as Camel's consumers repository runs it. */
    private HealthCheck.Result health() {
        Route route = app.context().getRoutes().stream().filter(r -> r.getConsumer() instanceof JiraqWebhookConsumer)
                .findFirst().orElseThrow();
        return ((HealthCheckAware) route.getConsumer()).getHealthCheck().call();
    }

    @Test
    void deliveryJiraGaveUpOnIsReplayedOnce() throws Exception {
        sim = JiraSimulator.builder().webhookAppSecret(APP_SECRET).start();
        sim.webhooks().retries(1, Duration.ofMillis(50));
        downstreamDown.set(true);
        // answered after the route, Jira sees the failures, gives up, and lists the delivery as failed
        app = startDynamic(JiraqWebhookAckMode.afterRoute);

        sim.state().createIssue("DEMO", "Bug", "Lost while downstream was down");
        await().atMost(Duration.ofSeconds(5)).until(() -> sim.webhooks().failed().size() == 1);
        assertThat(sim.webhooks().attempts()).extracting(WebhookAttempt::status).containsExactly(500, 500);
        assertThat(events().getReceivedCounter()).isZero();

        downstreamDown.set(false);
        await().atMost(Duration.ofSeconds(5)).until(() -> events().getReceivedCounter() == 1);
        // later refreshes find the same failure again; de-duplication keeps it from arriving twice
        await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(4))
                .until(() -> events().getReceivedCounter() == 1);
        assertThat(events().getReceivedExchanges().get(0).getMessage().getHeader(JiraqConstants.WEBHOOK_IDENTIFIER))
                .isEqualTo(sim.webhooks().failed().get(0).id());
    }

    @Test
    void dataCenterAdminWebhookIsRegisteredOnceAndSigned() throws Exception {
        sim = JiraSimulator.builder().flavour(JiraSimulator.Flavour.DATA_CENTER).start();
        String uri = "jiraq:webhook?webhookPath=/jira/dc&webhookVerification=hmac&webhookSecret=RAW(" + ADMIN_SECRET
                     + ")&webhookRegistration=admin&webhookUrl=" + WebhookApp.url(port, "/jira/dc")
                     + "&jql=RAW(project = OPS)&events=issueCreated";
        app = WebhookApp.start(sim, port, store, routes(uri));
        app.close();
        app = WebhookApp.start(sim, port, store, routes(uri));

        assertThat(sim.requests("POST", "/rest/webhooks/1.0/webhook")).hasSize(1);
        sim.state().createIssue("OPS", "Task", "Seen by the admin webhook");
        sim.state().createIssue("DEMO", "Task", "Filtered out by Jira");
        await().atMost(Duration.ofSeconds(5)).until(() -> sim.webhooks().idle() && events().getReceivedCounter() == 1);
        assertThat(sim.webhooks().attempts()).singleElement().matches(WebhookAttempt::succeeded);
        assertThat(events().getReceivedExchanges().get(0).getMessage().getHeader(JiraqConstants.PROJECT_KEY))
                .isEqualTo("OPS");
    }
}
