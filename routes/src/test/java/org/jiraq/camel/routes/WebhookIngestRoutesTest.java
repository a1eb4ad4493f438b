package org.jiraq.camel.routes;

import java.nio.file.Path;
import java.time.Duration;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.TemplatedRouteBuilder;
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

/** The jiraq-webhook-ingest route template: verified, de-duplicated events into a target, a dead letter behind it. */
class WebhookIngestRoutesTest {

    private static final String SECRET = "ingest secret";

    @TempDir
    Path store;
    private final int port = WebhookApp.freePort();
    private final JiraSimulator sim = JiraSimulator.builder()
            .adminWebhook(AdminWebhook.to(WebhookApp.url(port, "/ingest")).signedWith(SECRET)).start();
    private WebhookApp app;

    @AfterEach
    void stop() {
        app.close();
        sim.close();
    }

    private void start(String target) throws Exception {
        app = WebhookApp.start(sim, port, store, new WebhookIngestRoutes(), new RouteBuilder() {
            @Override
            public void configure() {
                // a sub-route leaves errors to its caller, whose dead letter channel then takes over
                from("direct:unreachable").errorHandler(noErrorHandler())
                        .throwException(new IllegalStateException("target unreachable"));
            }
        });
        TemplatedRouteBuilder.builder(app.context(), WebhookIngestRoutes.WEBHOOK_INGEST)
                .parameter("path", "/ingest").parameter("verification", "hmac").parameter("secret", SECRET)
                .parameter("target", target).parameter("deadLetter", "mock:dead")
                .parameter("maximumRedeliveries", "2").parameter("redeliveryDelay", "10")
                .add();
    }

    private MockEndpoint mock(String name) {
        return app.context().getEndpoint("mock:" + name, MockEndpoint.class);
    }

    @Test
    void verifiedEventsReachTheTargetOnceEach() throws Exception {
        start("mock:target");
        sim.webhooks().copies(2);

        sim.state().createIssue("OPS", "Task", "Into the target");
        await().atMost(Duration.ofSeconds(5)).until(() -> sim.webhooks().idle());
        await().atMost(Duration.ofSeconds(10)).until(() -> mock("target").getReceivedCounter() == 1);

        assertThat(mock("target").getReceivedExchanges()).singleElement()
                .satisfies(e -> assertThat(e.getMessage().getHeader(JiraqConstants.ISSUE_KEY)).isEqualTo("OPS-1"));
        assertThat(mock("dead").getReceivedCounter()).isZero();
    }

    @Test
    void eventTheTargetRefusesEndsInTheDeadLetterAndJiraIsAnsweredSuccess() throws Exception {
        start("direct:unreachable");

        sim.state().createIssue("OPS", "Task", "Parked");
        await().atMost(Duration.ofSeconds(5)).until(() -> sim.webhooks().idle());

        assertThat(sim.webhooks().attempts()).singleElement().matches(WebhookAttempt::succeeded);
        await().atMost(Duration.ofSeconds(10)).until(() -> mock("dead").getReceivedCounter() == 1);
        assertThat(mock("dead").getReceivedExchanges()).singleElement()
                .satisfies(e -> assertThat(e.getMessage().getHeader(JiraqConstants.WEBHOOK_EVENT))
                        .isEqualTo("jira:issue_created"));
    }
}
