package org.jiraq.camel.routes;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.jiraq.camel.JiraqComponent;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.WebhookApp;
import org.jiraq.camel.deadletter.DeadLetterStore;
import org.jiraq.simulator.JiraSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dead-letter replay template behind a jiraq:webhook route over real HTTP: the events its inbox gave up on (the
 * component's WebhookInboxDeliveryTest shows how they get there) are delivered again by a replay, once.
 */
class WebhookDeadLetterReplayTest {

    private static final String SECRET = "inbox secret";
    private static final String PATH = "/jira/inbox";

    @TempDir
    Path store;
    private final int port = WebhookApp.freePort();
    private final AtomicBoolean downstreamDown = new AtomicBoolean();
    private JiraSimulator sim;
    private WebhookApp app;

    @AfterEach
    void stop() {
        WebhookApp.stop(app, sim);
    }

    @Test
    void aReplayDeliversTheInboxsDeadLettersOnce() throws Exception {
        sim = JiraSimulator.builder().start();
        app = WebhookApp.start(sim, port, store, new RouteBuilder() {
            @Override
            public void configure() {
                from("jiraq:webhook?webhookPath=" + PATH + "&webhookVerification=hmac&webhookSecret=RAW(" + SECRET
                     + ")&inboxRedeliveryDelay=20&inboxMaximumRedeliveryDelay=100&inboxMaximumRedeliveries=2")
                        .routeId("events")
                        .process(exchange -> {
                            if (downstreamDown.get()) {
                                throw new IllegalStateException("the downstream system is down");
                            }
                        })
                        .to("mock:events");
            }
        }, new JiraqRouteTemplates());
        downstreamDown.set(true);

        assertThat(post("dead-1", "DEMO-5").statusCode()).isEqualTo(204);
        DeadLetterStore deadLetters = app.context().getComponent("jiraq", JiraqComponent.class).getDeadLetterStore();
        await().atMost(Duration.ofSeconds(10)).until(() -> deadLetters.count("events") == 1);
        assertThat(events().getReceivedCounter()).isZero();

        downstreamDown.set(false);
        TemplatedRouteBuilder.builder(app.context(), JiraqRouteTemplates.DEAD_LETTER_REPLAY)
                .parameter("sink", "events").parameter("trigger", "direct:replay")
                .parameter("target", "jiraq:webhook?webhookPath=" + PATH).add();
        app.template().sendBody("direct:replay", null);

        await().atMost(Duration.ofSeconds(10)).until(() -> events().getReceivedCounter() == 1);
        Exchange delivered = events().getReceivedExchanges().get(0);
        assertThat(delivered.getMessage().getHeader(JiraqConstants.WEBHOOK_IDENTIFIER)).isEqualTo("dead-1");
        assertThat(delivered.getMessage().getHeader(JiraqConstants.WEBHOOK_ATTEMPT)).isEqualTo(1);
        assertThat(deadLetters.count("events")).isZero();
        app.template().sendBody("direct:replay", null);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> events().getReceivedCounter() == 1);
    }

    private MockEndpoint events() {
        return app.context().getEndpoint("mock:events", MockEndpoint.class);
    }

    private HttpResponse<String> post(String identifier, String issueKey) throws Exception {
        byte[] body = ("{\"timestamp\":1,\"webhookEvent\":\"jira:issue_updated\",\"issue\":{\"id\":\"1\",\"key\":\""
                       + issueKey + "\",\"fields\":{\"project\":{\"key\":\"DEMO\"}}}}").getBytes(StandardCharsets.UTF_8);
        return WebhookApp.post(WebhookApp.url(port, PATH), body, Map.of(
                "X-Hub-Signature", "sha256=" + WebhookApp.hmac(SECRET, body),
                "X-Atlassian-Webhook-Identifier", identifier));
    }
}
