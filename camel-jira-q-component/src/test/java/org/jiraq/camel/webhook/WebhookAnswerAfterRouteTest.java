package org.jiraq.camel.webhook;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.WebhookApp;
import org.jiraq.simulator.AdminWebhook;
import org.jiraq.simulator.JiraSimulator;
import org.jiraq.simulator.WebhookAttempt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * webhookAckMode=afterRoute over real HTTP: Jira's answer waits for the route and tells how it went, and a retry of
 * the same delivery that arrives while the first attempt still runs (Jira stops waiting after its timeout) waits for
 * that attempt instead of being answered 2xx and lost.
 */
class WebhookAnswerAfterRouteTest {

    private static final String SECRET = "after the route";
    private static final String PATH = "/jira/after";

    @TempDir
    Path store;
    private final int port = WebhookApp.freePort();
    private final AtomicInteger failuresToInject = new AtomicInteger();
    private final AtomicLong firstAttemptTakesMillis = new AtomicLong();
    private final AtomicInteger attempts = new AtomicInteger();
    private JiraSimulator sim;
    private WebhookApp app;

    @AfterEach
    void stop() {
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
        app = WebhookApp.start(sim, port, store, new RouteBuilder() {
            @Override
            public void configure() {
                from("jiraq:webhook?webhookPath=" + PATH + "&webhookVerification=hmac&webhookSecret=RAW(" + SECRET
                     + ")&webhookAckMode=afterRoute" + options)
                        .process(exchange -> {
                            if (attempts.incrementAndGet() == 1) {
                                Thread.sleep(firstAttemptTakesMillis.get());
                            }
                            if (failuresToInject.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
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

    @Test
    void aRouteFailureIsAnswered500AndJirasRetryArrivesOnce() throws Exception {
        start("");
        failuresToInject.set(1);

        sim.state().createIssue("DEMO", "Bug", "Flaky downstream");
        await().atMost(Duration.ofSeconds(10)).until(() -> sim.webhooks().idle());

        assertThat(sim.webhooks().attempts()).extracting(WebhookAttempt::status).containsExactly(500, 204);
        assertThat(events().getReceivedExchanges()).singleElement().satisfies(e -> assertThat(
                e.getMessage().getHeader(JiraqConstants.WEBHOOK_RETRY)).isEqualTo(1));
    }

    @Test
    void aRetryArrivingWhileTheFirstAttemptRunsWaitsAndRunsTheRouteWhenThatAttemptFails() throws Exception {
        start("");
        sim.webhooks().timeout(Duration.ofMillis(1_500));
        firstAttemptTakesMillis.set(2_000);
        failuresToInject.set(1);

        sim.state().createIssue("DEMO", "Bug", "Retried during the first attempt");
        await().atMost(Duration.ofSeconds(15)).until(() -> sim.webhooks().idle());

        // the first attempt timed out at Jira's end; its retry waited for it, then ran the route itself
        assertThat(sim.webhooks().attempts()).extracting(WebhookAttempt::status).containsExactly(-1, 204);
        assertThat(attempts.get()).isEqualTo(2);
        assertThat(events().getReceivedExchanges()).singleElement().satisfies(e -> assertThat(
                e.getMessage().getHeader(JiraqConstants.WEBHOOK_RETRY)).isEqualTo(1));
    }

    @Test
    void aRetryOfAnAttemptThatCompletesMeanwhileIsAnsweredWithoutRunningTheRouteAgain() throws Exception {
        start("");
        sim.webhooks().timeout(Duration.ofMillis(1_500));
        firstAttemptTakesMillis.set(2_000);

        sim.state().createIssue("DEMO", "Bug", "Slow but fine");
        await().atMost(Duration.ofSeconds(15)).until(() -> sim.webhooks().idle());

        assertThat(sim.webhooks().attempts()).extracting(WebhookAttempt::status).containsExactly(-1, 204);
        assertThat(attempts.get()).isOne();
        assertThat(events().getReceivedCounter()).isOne();
    }

    @Test
    void aRetryWhileTheFirstAttemptRunsLongerThanItWaitsIsAnswered503() throws Exception {
        // a retry waits at most the lease (here 1 s) for the earlier attempt, then asks Jira to come back later
        start("&leaseDuration=1000");
        sim.webhooks().timeout(Duration.ofMillis(1_500));
        firstAttemptTakesMillis.set(3_000);

        sim.state().createIssue("DEMO", "Bug", "Very slow");
        await().atMost(Duration.ofSeconds(20)).until(() -> sim.webhooks().idle());

        assertThat(sim.webhooks().attempts()).extracting(WebhookAttempt::status).containsExactly(-1, 503, 204);
        assertThat(attempts.get()).as("renewed while it runs, the first attempt's lease is never taken over")
                .isOne();
        assertThat(events().getReceivedCounter()).isOne();
    }
}
