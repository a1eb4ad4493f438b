package org.jiraq.camel.webhook;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.console.DevConsole;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.health.DefaultHealthCheckRegistry;
import org.jiraq.camel.JiraqComponent;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.JiraqWebhookConsumer;
import org.jiraq.camel.WebhookApp;
import org.jiraq.camel.console.JiraqDevConsole;
import org.jiraq.camel.deadletter.DeadLetter;
import org.jiraq.camel.deadletter.DeadLetterStore;
import org.jiraq.camel.metrics.JiraqMeters;
import org.jiraq.simulator.AdminWebhook;
import org.jiraq.simulator.JiraSimulator;
import org.jiraq.simulator.WebhookAttempt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The webhook inbox over real HTTP (acknowledgement once stored, the default): Jira is answered before the route runs,
 * the route's failures are redelivered from the inbox and end in the dead letters (the routes module's replay template
 * brings them back: its WebhookDeadLetterReplayTest), a full inbox answers 503, and the inbox shows in health, meters and the developer console.
 */
class WebhookInboxDeliveryTest {

    private static final String SECRET = "inbox secret";
    private static final String PATH = "/jira/inbox";

    @TempDir
    Path store;
    private final int port = WebhookApp.freePort();
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final CountDownLatch routeMayFinish = new CountDownLatch(1);
    private final AtomicBoolean routeWaits = new AtomicBoolean();
    private final AtomicBoolean downstreamDown = new AtomicBoolean();
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger failuresToInject = new AtomicInteger();
    private JiraSimulator sim;
    private WebhookApp app;

    @AfterEach
    void stop() {
        routeMayFinish.countDown();
        if (app != null) {
            app.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    private void start(String options) throws Exception {
        sim = JiraSimulator.builder().adminWebhook(AdminWebhook.to(WebhookApp.url(port, PATH)).signedWith(SECRET))
                .start();
        sim.webhooks().retries(3, Duration.ofMillis(50));
        app = WebhookApp.startPrepared(sim, port, "jdbc:h2:file:" + store.resolve("jiraq"),
                context -> {
                    context.getRegistry().bind("metricsRegistry", meters);
                    HealthCheckRegistry health = new DefaultHealthCheckRegistry();
                    health.setCamelContext(context);
                    health.register(health.resolveById("consumers"));
                    context.getCamelContextExtension().addContextPlugin(HealthCheckRegistry.class, health);
                }, new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("jiraq:webhook?webhookPath=" + PATH + "&webhookVerification=hmac&webhookSecret=RAW("
                             + SECRET + ")&inboxRedeliveryDelay=20&inboxMaximumRedeliveryDelay=100" + options)
                                .routeId("events")
                                .process(exchange -> {
                                    attempts.incrementAndGet();
                                    if (routeWaits.get() && !routeMayFinish.await(30, TimeUnit.SECONDS)) {
                                        throw new IllegalStateException("the test never let the route finish");
                                    }
                                    if (downstreamDown.get()
                                        || failuresToInject.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                                        throw new IllegalStateException("the downstream system is down");
                                    }
                                })
                                .to("mock:events");
                    }
                });
    }

    private MockEndpoint events() {
        return app.context().getEndpoint("mock:events", MockEndpoint.class);
    }

    private JiraqWebhookConsumer consumer() {
        return (JiraqWebhookConsumer) app.context().getRoute("events").getConsumer();
    }

    private HttpResponse<String> post(String identifier, String issueKey) throws Exception {
        byte[] body = ("{\"timestamp\":1,\"webhookEvent\":\"jira:issue_updated\",\"issue\":{\"id\":\"1\",\"key\":\""
                       + issueKey + "\",\"fields\":{\"project\":{\"key\":\"DEMO\"}}}}").getBytes(StandardCharsets.UTF_8);
        return WebhookApp.post(WebhookApp.url(port, PATH), body, Map.of(
                "X-Hub-Signature", "sha256=" + WebhookApp.hmac(SECRET, body),
                "X-Atlassian-Webhook-Identifier", identifier));
    }

    @Test
    void jiraIsAnsweredOnceTheEventIsStoredWhileTheRouteIsStillAtWork() throws Exception {
        start("");
        routeWaits.set(true);

        sim.state().createIssue("DEMO", "Task", "Slow downstream");
        await().atMost(Duration.ofSeconds(10)).until(() -> sim.webhooks().idle());

        assertThat(sim.webhooks().attempts()).extracting(WebhookAttempt::status).containsExactly(204);
        await().atMost(Duration.ofSeconds(5)).until(() -> attempts.get() == 1);
        assertThat(events().getReceivedCounter()).isZero();
        routeMayFinish.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> events().getReceivedCounter() == 1);
        assertThat(events().getReceivedExchanges().get(0).getMessage().getHeader(JiraqConstants.ISSUE_KEY))
                .isEqualTo("DEMO-1");
    }

    @Test
    void aRetryArrivingWhileTheFirstAttemptRunsIsNotLostWhenThatAttemptFails() throws Exception {
        start("");
        failuresToInject.set(1);
        routeWaits.set(true);

        assertThat(post("overlap-1", "DEMO-4").statusCode()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(5)).until(() -> attempts.get() == 1);
        // Jira's retry of the same delivery (its answer was lost, or it sent a copy) while the route is at work
        assertThat(post("overlap-1", "DEMO-4").statusCode()).isEqualTo(204);
        routeMayFinish.countDown(); // ... and then the first attempt fails

        await().atMost(Duration.ofSeconds(10)).until(() -> events().getReceivedCounter() == 1);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> events().getReceivedCounter() == 1);
        assertThat(attempts.get()).as("the failed attempt, then its redelivery").isEqualTo(2);
    }

    @Test
    void eventsThatKeepFailingGoToTheDeadLettersWithTheirReason() throws Exception {
        start("&inboxMaximumRedeliveries=2");
        downstreamDown.set(true);

        assertThat(post("dead-1", "DEMO-5").statusCode()).isEqualTo(204);
        DeadLetterStore deadLetters = app.context().getComponent("jiraq", JiraqComponent.class).getDeadLetterStore();
        await().atMost(Duration.ofSeconds(10)).until(() -> deadLetters.count("events") == 1);

        DeadLetter letter = deadLetters.oldest("events", 10, true).get(0);
        assertThat(attempts.get()).as("the first delivery and two redeliveries").isEqualTo(3);
        assertThat(letter.attempts()).isEqualTo(3);
        assertThat(letter.reason().message()).isEqualTo("the downstream system is down");
        assertThat(letter.headers()).containsEntry(JiraqConstants.WEBHOOK_IDENTIFIER, "dead-1")
                .containsEntry(JiraqConstants.ISSUE_KEY, "DEMO-5");
        assertThat(post("dead-1", "DEMO-5").statusCode()).as("Jira's retry of a dead event").isEqualTo(204);
        assertThat(events().getReceivedCounter()).isZero();
    }

    @Test
    void aFullInboxAnswers503WithRetryAfterUntilTheRouteCatchesUp() throws Exception {
        start("&inboxCapacity=2&inboxConcurrency=1");
        routeWaits.set(true);

        List<Integer> answers = new ArrayList<>();
        answers.add(post("full-1", "DEMO-1").statusCode());
        answers.add(post("full-2", "DEMO-2").statusCode());
        HttpResponse<String> third = post("full-3", "DEMO-3");

        assertThat(answers).containsExactly(204, 204);
        assertThat(third.statusCode()).isEqualTo(503);
        assertThat(third.headers().firstValue("Retry-After")).hasValue("30");
        routeMayFinish.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> post("full-3", "DEMO-3").statusCode() == 204);
        await().atMost(Duration.ofSeconds(10)).until(() -> events().getReceivedCounter() == 3);
    }

    @Test
    void depthOldestAgeAndDeadLettersShowInHealthMetersAndConsole() throws Exception {
        start("&inboxCapacity=3&inboxMaximumRedeliveries=0");
        downstreamDown.set(true);
        post("gone-1", "DEMO-9");
        await().atMost(Duration.ofSeconds(10)).until(() -> consumer().getInbox().status().deadLetters() == 1);
        downstreamDown.set(false);
        routeWaits.set(true);
        for (int i = 1; i <= 3; i++) {
            assertThat(post("waiting-" + i, "DEMO-" + i).statusCode()).isEqualTo(204);
        }

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            HealthCheck.Result result = HealthCheckHelper.invokeReadiness(app.context()).stream()
                    .filter(r -> r.getCheck().getId().equals("consumer:events")).findFirst().orElseThrow();
            assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(result.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("inbox is full"));
            assertThat(result.getDetails()).containsEntry("inbox.depth", 3L).containsEntry("inbox.deadLetters", 1)
                    .containsEntry("inbox.capacity", 3);
        });
        assertThat(meters.get(JiraqMeters.WEBHOOK_INBOX_DEPTH).tag(JiraqMeters.TAG_PATH, PATH).gauge().value())
                .isEqualTo(3);
        assertThat(meters.get(JiraqMeters.WEBHOOK_INBOX_DEAD).tag(JiraqMeters.TAG_PATH, PATH).gauge().value())
                .isEqualTo(1);
        Thread.sleep(1_100);
        assertThat(meters.get(JiraqMeters.WEBHOOK_INBOX_OLDEST_AGE).tag(JiraqMeters.TAG_PATH, PATH).gauge().value())
                .isGreaterThanOrEqualTo(1);
        JiraqDevConsole devConsole = new JiraqDevConsole();
        devConsole.setCamelContext(app.context());
        String console = (String) devConsole.call(DevConsole.MediaType.TEXT);
        assertThat(console).contains("webhook " + PATH).contains("depth: 3 of 3").contains("dead letters: 1");

        routeMayFinish.countDown();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(HealthCheckHelper
                .invokeReadiness(app.context()).stream().filter(r -> r.getCheck().getId().equals("consumer:events"))
                .findFirst().orElseThrow().getState()).isEqualTo(HealthCheck.State.UP));
    }
}
