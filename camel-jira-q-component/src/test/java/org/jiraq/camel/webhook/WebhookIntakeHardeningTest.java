package org.jiraq.camel.webhook;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.WebhookApp;
import org.jiraq.camel.store.SharedDatabase;
import org.jiraq.simulator.JiraSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * jiraq:webhook over real HTTP with what a forger or a broken proxy sends: delivery identifiers the store's column
 * cannot hold or that are no identifiers at all, and a signed body replayed later under a new identifier.
 */
class WebhookIntakeHardeningTest {

    private static final String SECRET = "it's a secret to everybody";
    private static final String PATH = "/jira/events";
    private static final String AGED_PATH = "/jira/recent-events";

    @TempDir
    Path dir;
    private final int port = WebhookApp.freePort();
    private JiraSimulator sim;
    private WebhookApp app;

    @BeforeEach
    void startSimulator() {
        sim = JiraSimulator.builder().start();
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        sim.close();
    }

    private void start(SharedDatabase database) throws Exception {
        app = WebhookApp.start(sim, port, database.createDatabase(dir), new RouteBuilder() {
            @Override
            public void configure() {
                from("jiraq:webhook?webhookPath=" + PATH + "&webhookVerification=hmac&webhookSecret=RAW(" + SECRET + ")")
                        .to("mock:events");
                from("jiraq:webhook?webhookPath=" + AGED_PATH + "&webhookVerification=hmac&webhookSecret=RAW(" + SECRET
                     + ")&webhookMaxAge=2s")
                        .to("mock:recent");
            }
        });
    }

    private MockEndpoint mock(String name) {
        return app.context().getEndpoint("mock:" + name, MockEndpoint.class);
    }

    private HttpResponse<String> deliver(String path, byte[] body, String identifier) throws Exception {
        return WebhookApp.post(WebhookApp.url(port, path), body, Map.of(
                "X-Hub-Signature", "sha256=" + WebhookApp.hmac(SECRET, body),
                "X-Atlassian-Webhook-Identifier", identifier));
    }

    private static byte[] event(String timestamp) {
        return ("{" + (timestamp == null ? "" : "\"timestamp\":" + timestamp + ",")
                + "\"webhookEvent\":\"jira:issue_updated\",\"issue\":{\"id\":\"10000\",\"key\":\"DEMO-1\","
                + "\"fields\":{\"project\":{\"key\":\"DEMO\"}}}}").getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @EnumSource(SharedDatabase.class)
    void anIdentifierLongerThanTheStoreHoldsIsHashedAndItsRetriesStillDeduplicate(SharedDatabase database)
            throws Exception {
        start(database);
        String longIdentifier = "7".repeat(300);
        String longest = "8".repeat(255);

        HttpResponse<String> first = deliver(PATH, event("1"), longIdentifier);
        HttpResponse<String> retry = deliver(PATH, event("1"), longIdentifier);
        HttpResponse<String> atTheLimit = deliver(PATH, event("1"), longest);

        assertThat(first.statusCode()).isEqualTo(204);
        assertThat(retry.statusCode()).isEqualTo(204);
        assertThat(atTheLimit.statusCode()).isEqualTo(204);
        // answered once stored, the events reach the route from the inbox right after, in either order
        await().atMost(Duration.ofSeconds(10)).until(() -> mock("events").getReceivedCounter() == 2);
        assertThat(mock("events").getReceivedExchanges())
                .extracting(e -> e.getMessage().getHeader(JiraqConstants.WEBHOOK_IDENTIFIER, String.class))
                .containsExactlyInAnyOrder("sha256:ed250bc2848cae308a49d30e2ab0dc57173188a4503393c0132ad7ef6a1b0823",
                        longest);
    }

    @ParameterizedTest
    @EnumSource(SharedDatabase.class)
    void anEmptyIdentifierIsA400NamingTheHeader(SharedDatabase database) throws Exception {
        start(database);

        HttpResponse<String> blank = deliver(PATH, event("1"), "   ");

        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).startsWith("The X-Atlassian-Webhook-Identifier header is empty");
        assertThat(mock("events").getReceivedCounter()).isZero();
    }

    @Test
    void aSignedBodyReplayedUnderANewIdentifierOnceOlderThanWebhookMaxAgeIsRefused() throws Exception {
        start(SharedDatabase.H2);
        byte[] body = event(Long.toString(Instant.now().toEpochMilli()));

        HttpResponse<String> genuine = deliver(AGED_PATH, body, "9001");
        Thread.sleep(2_500);
        HttpResponse<String> replayed = deliver(AGED_PATH, body, "9002");
        HttpResponse<String> untimed = deliver(AGED_PATH, event(null), "9003");
        HttpResponse<String> withoutMaxAge = deliver(PATH, body, "9002");

        assertThat(genuine.statusCode()).isEqualTo(204);
        assertThat(replayed.statusCode()).isEqualTo(400);
        assertThat(replayed.body()).contains("is older than webhookMaxAge (PT2S): refused as a possible replay");
        assertThat(untimed.statusCode()).isEqualTo(400);
        assertThat(untimed.body()).contains("has no timestamp");
        assertThat(mock("recent").getReceivedExchanges())
                .extracting(e -> e.getMessage().getHeader(JiraqConstants.WEBHOOK_IDENTIFIER)).containsExactly("9001");
        assertThat(withoutMaxAge.statusCode()).as("off by default").isEqualTo(204);
        await().atMost(Duration.ofSeconds(10)).until(() -> mock("events").getReceivedCounter() == 1);
    }
}
