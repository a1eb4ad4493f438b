package org.jiraq.simulator.webhooks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jiraq.simulator.JiraHttp;
import org.jiraq.simulator.JiraSimulator;
import org.jiraq.simulator.SimulatorClock;
import org.jiraq.simulator.Site;
import org.jiraq.simulator.http.Json;
import org.jiraq.simulator.model.Issue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The simulator's outgoing webhooks, received by a plain JDK HTTP server that answers as a test tells it to. */
class WebhooksTest {

    private record Received(Map<String, String> headers, String body) {
    }

    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final AtomicInteger failuresToAnswer = new AtomicInteger();
    private final HttpServer receiver = startReceiver();
    private final String url = "http://localhost:" + receiver.getAddress().getPort() + "/hook";
    private JiraSimulator sim;

    @AfterEach
    void stop() {
        receiver.stop(0);
        if (sim != null) {
            try {
                sim.assertNoContractViolations();
            } finally {
                sim.close();
            }
        }
    }

    private HttpServer startReceiver() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/hook", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
                received.add(new Received(headers, body));
                int status = failuresToAnswer.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 204;
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void adminWebhookIsSignedAndRetriedWithTheSameIdentifier() throws Exception {
        sim = JiraSimulator.builder().adminWebhook(AdminWebhook.to(url).signedWith("s3cret")).start();
        sim.webhooks().retries(2, Duration.ofMillis(20));
        failuresToAnswer.set(1);

        Issue issue = sim.state().createIssue("DEMO", "Task", "Signed");
        await().atMost(Duration.ofSeconds(5)).until(() -> sim.webhooks().idle());

        List<Received> deliveries = List.copyOf(received);
        assertThat(deliveries).hasSize(2);
        Received first = deliveries.get(0);
        Received retry = deliveries.get(1);
        assertThat(first.headers().get("X-Hub-Signature")).isEqualTo("sha256=" + hmac("s3cret", first.body()));
        assertThat(first.headers()).doesNotContainKey("X-Atlassian-Webhook-Retry");
        assertThat(retry.headers().get("X-Atlassian-Webhook-Identifier"))
                .isEqualTo(first.headers().get("X-Atlassian-Webhook-Identifier"));
        assertThat(retry.headers().get("X-Atlassian-Webhook-Retry")).isEqualTo("1");
        assertThat(Json.parse(first.body()).path("issue").path("key").asText()).isEqualTo(issue.key());
        assertThat(Json.parse(first.body()).path("webhookEvent").asText()).isEqualTo("jira:issue_created");
        assertThat(sim.webhooks().attempts()).extracting(WebhookAttempt::status).containsExactly(503, 204);
    }

    @Test
    void dynamicWebhookExpiresAfterThirtyDaysUnlessRefreshed() throws Exception {
        sim = JiraSimulator.builder().clock(SimulatorClock.fixedAt(Site.START)).webhookAppSecret("app").start();
        JiraHttp http = JiraHttp.defaultUser(sim);
        String registration = "{\"url\":\"" + url + "\",\"webhooks\":[{\"events\":[\"jira:issue_created\"],"
                              + "\"jqlFilter\":\"project = DEMO\"}]}";
        long id = http.post("/rest/api/3/webhook", registration).json()
                .path("webhookRegistrationResult").path(0).path("createdWebhookId").asLong();
        long expiry = http.get("/rest/api/3/webhook").json().path("values").path(0).path("expirationDate").asLong();
        assertThat(expiry).isEqualTo(Site.START.plus(Duration.ofDays(30)).toEpochMilli());

        sim.clock().advance(Duration.ofDays(29));
        assertThat(http.put("/rest/api/3/webhook/refresh", "{\"webhookIds\":[" + id + "]}").json()
                .path("expirationDate").asLong()).isEqualTo(Site.START.plus(Duration.ofDays(59)).toEpochMilli());
        sim.clock().advance(Duration.ofDays(20));
        sim.state().createIssue("DEMO", "Task", "Heard: refreshed on day 29");
        await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 1);
        assertThat(received.peek().headers().get("Authorization")).startsWith("Bearer ");
        assertThat(Json.parse(received.peek().body()).path("matchedWebhookIds").path(0).asLong()).isEqualTo(id);

        sim.clock().advance(Duration.ofDays(11)); // day 60: past the refreshed expiry
        sim.state().createIssue("DEMO", "Task", "Not heard: expired");
        assertThat(http.get("/rest/api/3/webhook").json().path("values")).isEmpty();
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> received.size() == 1);
    }

    @Test
    void deliveryThatKeepsFailingIsListedAsFailed() throws Exception {
        sim = JiraSimulator.builder().webhookAppSecret("app").start();
        sim.webhooks().retries(1, Duration.ofMillis(20));
        failuresToAnswer.set(10);
        JiraHttp http = JiraHttp.defaultUser(sim);
        http.post("/rest/api/3/webhook", "{\"url\":\"" + url + "\",\"webhooks\":[{\"events\":[\"jira:issue_created\"],"
                                         + "\"jqlFilter\":\"project = OPS\"}]}");

        sim.state().createIssue("OPS", "Task", "Never acknowledged");
        await().atMost(Duration.ofSeconds(5)).until(() -> sim.webhooks().idle());

        var failed = http.get("/rest/api/3/webhook/failed").json();
        assertThat(failed.path("values")).hasSize(1);
        assertThat(failed.path("values").path(0).path("id").asText())
                .isEqualTo(received.peek().headers().get("X-Atlassian-Webhook-Identifier"));
        assertThat(Json.parse(failed.path("values").path(0).path("body").asText()).path("webhookEvent").asText())
                .isEqualTo("jira:issue_created");
        String next = failed.path("next").asText();
        assertThat(http.get(next.substring(next.indexOf("/rest/"))).json().path("values")).isEmpty();
    }

    @Test
    void searchShowsAChangeOnlyAfterTheLag() {
        sim = JiraSimulator.builder().clock(SimulatorClock.fixedAt(Site.START)).start();
        JiraHttp http = JiraHttp.defaultUser(sim);
        sim.state().searchLag(Duration.ofMinutes(2));
        sim.state().createIssue("DEMO", "Task", "Indexed late");
        String search = "/rest/api/3/search/jql?jql=project%20%3D%20DEMO";

        assertThat(http.get(search).json().path("issues")).isEmpty();
        sim.clock().advance(Duration.ofMinutes(2));
        assertThat(http.get(search).json().path("issues")).hasSize(1);
    }

    private static String hmac(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
