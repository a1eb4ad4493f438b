package org.jiraq.camel.webhook;

import java.nio.file.Path;
import java.time.Duration;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.jiraq.camel.WebhookApp;
import org.jiraq.simulator.JiraSimulator;
import org.jiraq.simulator.WebhookAttempt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The JWT of app (dynamic) webhooks delivered by the simulator over HTTP: a token for this app (aud its client id, iss
 * the configured issuer) gets through; a token naming another app's audience, or another issuer, is answered 401.
 */
class WebhookJwtClaimsTest {

    private static final String APP_SECRET = "the OAuth app's client secret";
    private static final String CLIENT_ID = "our-app";

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
    void aTokenForThisAppFromTheExpectedIssuerIsAccepted() throws Exception {
        start("jira", CLIENT_ID);

        sim.state().createIssue("DEMO", "Task", "For us");

        await().atMost(Duration.ofSeconds(10)).until(() -> events().getReceivedCounter() == 1);
    }

    @Test
    void aTokenForAnotherAppIsRefused() throws Exception {
        start("jira", "someone-elses-app");

        sim.state().createIssue("DEMO", "Task", "Not for us");

        await().atMost(Duration.ofSeconds(10)).until(() -> sim.webhooks().idle());
        assertThat(sim.webhooks().attempts()).extracting(WebhookAttempt::status).containsOnly(401);
        assertThat(events().getReceivedCounter()).isZero();
    }

    @Test
    void aTokenFromAnotherIssuerIsRefusedWhenAnIssuerIsExpected() throws Exception {
        start("somewhere-else", CLIENT_ID);

        sim.state().createIssue("DEMO", "Task", "Forged issuer");

        await().atMost(Duration.ofSeconds(10)).until(() -> sim.webhooks().idle());
        assertThat(sim.webhooks().attempts()).extracting(WebhookAttempt::status).containsOnly(401);
    }

    private void start(String issuer, String audience) throws Exception {
        sim = JiraSimulator.builder().webhookAppSecret(APP_SECRET).start();
        sim.webhooks().appJwtClaims(issuer, audience).retries(0, Duration.ofMillis(10));
        app = WebhookApp.start(sim, port, store, new RouteBuilder() {
            @Override
            public void configure() {
                from("jiraq:webhook?webhookPath=/jira/app&webhookVerification=jwt&webhookSecret=RAW(" + APP_SECRET + ")"
                     + "&clientId=" + CLIENT_ID + "&webhookJwtIssuer=jira&webhookRegistration=dynamic&webhookUrl="
                     + WebhookApp.url(port, "/jira/app") + "&jql=RAW(project = DEMO)&events=issueCreated")
                        .to("mock:events");
            }
        });
    }

    private MockEndpoint events() {
        return app.context().getEndpoint("mock:events", MockEndpoint.class);
    }
}
