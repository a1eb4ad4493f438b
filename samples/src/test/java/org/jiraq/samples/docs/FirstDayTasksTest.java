package org.jiraq.samples.docs;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.jiraq.samples.SampleRun;
import org.jiraq.simulator.JiraSimulator;
import org.jiraq.simulator.model.Issue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The six tasks of a newcomer's first day, done the way README.md and the component documentation tell: their
 * examples are taken from the files, and run with Camel Main or the runnable sample, against the simulator.
 */
class FirstDayTasksTest {

    /** The documentation's examples these tasks run. */
    static final Set<String> EXAMPLES = Set.of("readme-routes", "csv-export", "webhook-to-log-yaml", "webhook-signature",
            "create-issue-yaml", "kamelet-pipe");

    private static final DocExamples DOCS = DocExamples.read();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;
    private final JiraSimulator sim = JiraSimulator.builder().flavour(JiraSimulator.Flavour.CLOUD).start();
    private ExampleApp app;
    private SampleRun sample;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        if (sample != null) {
            sample.close();
        }
        try {
            sim.assertNoContractViolations();
        } finally {
            sim.close();
        }
    }

    /** 1. Incidents from Kafka become Jira bugs with priority and labels; a timer reports what is in progress. */
    @Test
    void incidentSyncWithPriorityAndLabels() throws Exception {
        Issue inProgress = sim.state().createIssue("OPS", "Task", "Already on it");
        moveToInProgress(inProgress.key());
        app = ExampleApp.builder(dir).site(sim)
                .routes(JavaExamples.routes(DOCS.get("readme-routes"), dir)).start();

        app.template().sendBody("kafka:incidents",
                "{\"title\":\"Disk full on db-1\",\"details\":\"Only **2%** left\",\"severity\":\"High\"}");

        await().atMost(java.time.Duration.ofSeconds(20)).until(() -> sim.state().issueCount() == 2);
        Issue created = sim.state().issue("OPS-2");
        assertThat(created.summary()).isEqualTo("Disk full on db-1");
        assertThat(created.issueType().name()).isEqualTo("Bug");
        assertThat(created.priority().name()).isEqualTo("High");
        assertThat(created.labels()).containsExactly("incident", "from-kafka");
        assertThat(created.description().toString()).contains("\"strong\"");
        await().atMost(java.time.Duration.ofSeconds(20)).until(() -> app.logged().contains("Created OPS-2"));
        assertThat(app.logged()).contains("OPS-1: Already on it");
    }

    /** 2. A CSV export of 5,000 issues, streamed page by page. */
    @Test
    void csvExportOf5000Issues() throws Exception {
        sim.state().seedIssues("OPS", 5000);
        Path export = dir.resolve("export");
        app = ExampleApp.builder(dir).site(sim).property("export.dir", export.toString())
                .routes(JavaExamples.routes(DOCS.get("csv-export"), dir)).start();

        app.template().sendBody("direct:export", null);

        List<String> lines = Files.readAllLines(export.resolve("ops.csv"));
        assertThat(lines).hasSize(5000);
        assertThat(lines.get(0)).isEqualTo("OPS-1,To Do,Seeded issue 1");
        assertThat(lines.get(4999)).isEqualTo("OPS-5000,To Do,Seeded issue 5000");
        assertThat(app.logged()).containsExactly("Exported 5000 issues");
    }

    /** 3. A signed webhook into a log: the YAML route run by the sample, the delivery signed with openssl, sent with curl. */
    @Test
    void signedWebhookToALog() throws Exception {
        Path route = dir.resolve("jira-events.camel.yaml");
        Files.writeString(route, DOCS.get("webhook-to-log-yaml").code());
        Map<String, String> env = sampleEnv();
        System.setProperty("jira.webhookSecret", "s3cret");
        try (LogLines routeLog = new LogLines("jira-events-to-log"); LogLines receiver = new LogLines("org.jiraq.camel.webhook")) {
            sample = SampleRun.start(env, List.of(route));
            String script = DOCS.get("webhook-signature").code()
                    .replace("http://localhost:8080", sample.httpUrl().toString());

            String first = bash(script);
            String again = bash(script);

            assertThat(first).contains("HTTP/1.1 204");
            assertThat(again).contains("HTTP/1.1 204");
            // answered once stored in the inbox, the event reaches the route right after
            await().atMost(Duration.ofSeconds(10)).until(() -> !routeLog.lines().isEmpty()
                    && receiver.lines().stream().anyMatch(line -> line.endsWith("delivered to the route")));
            assertThat(routeLog.lines()).singleElement().asString()
                    .endsWith("jira:issue_created on OPS-1: Disk full");
            assertThat(receiver.lines()).contains(
                    "INFO org.jiraq.camel.webhook.WebhookReceiver Webhook jira:issue_created on OPS-1"
                    + " (X-Atlassian-Webhook-Identifier try-1) stored in the inbox; answered 204, the route gets it"
                    + " from there",
                    "INFO org.jiraq.camel.webhook.WebhookReceiver Webhook jira:issue_created on OPS-1"
                    + " (X-Atlassian-Webhook-Identifier try-1) delivered to the route",
                    "INFO org.jiraq.camel.webhook.WebhookReceiver Webhook jira:issue_created on OPS-1"
                    + " (X-Atlassian-Webhook-Identifier try-1) was received before (its identifier is in the inbox);"
                    + " answered 204 without storing it again");
        } finally {
            System.clearProperty("jira.webhookSecret");
        }
    }

    /** 4. Five mistakes of a first hour, each ending at once with what to fix. */
    @Test
    void fiveMisconfigurationsSayWhatToFix() throws Exception {
        int closed = ExampleApp.freePort();
        assertThat(createIncident(Map.of("camel.component.jiraq.baseUrl", "https://localhost:" + sim.port())))
                .contains("TLS with https://localhost:" + sim.port() + " failed: if that port serves plain http, the"
                          + " URL's scheme is wrong (http:// instead of https://) or its port is");
        assertThat(createIncident(Map.of("camel.component.jiraq.baseUrl", "http://localhost:" + closed)))
                .contains("Nothing accepts connections at http://localhost:" + closed);
        assertThat(createIncident(Map.of("camel.component.jiraq.baseUrl", sim.baseUrl() + "/rest/api/3")))
                .contains("Option 'baseUrl' is the site URL, without the REST path: use " + sim.baseUrl());
        assertThat(webhookWithoutHttpServer())
                .contains("on Camel Main add camel-platform-http-main and set camel.server.enabled=true");
        assertThat(incidentMapLeftAsTheBody())
                .contains("createIssue reads a Map or JSON body only in Jira's shape")
                .contains("with keys [title, details]");
        assertThat(sim.requests("POST", "/rest/api/3/issue")).as("nothing reached Jira").isEmpty();
    }

    /** 5. The incident route in YAML, as the documentation writes it, run by the sample as any YAML file. */
    @Test
    void incidentRouteInYaml() throws Exception {
        Path route = dir.resolve("incident.camel.yaml");
        Files.writeString(route, DOCS.get("create-issue-yaml").code());
        sample = SampleRun.start(sampleEnv(), List.of(route));
        JiraSimulator site = sample.simulator();
        site.state().addComponent("OPS", "Database");
        site.state().addVersion("OPS", "2.1");
        site.state().createIssue("OPS", "Epic", "Outages");

        Exchange done = sample.context().createProducerTemplate().request("direct:incident", e -> e.getMessage()
                .setBody(Map.of("title", "Database down", "details", "db-1 does not answer", "severity", "Highest",
                        "team", "Database")));

        assertThat(done.getException()).isNull();
        Issue issue = site.state().issue(done.getMessage().getHeader("CamelJiraqIssueKey", String.class));
        assertThat(issue.priority().name()).isEqualTo("Highest");
        assertThat(issue.labels()).containsExactly("incident", "from-camel");
        assertThat(issue.components()).extracting(c -> c.name()).containsExactly("Database");
        assertThat(issue.parent().key()).isEqualTo("OPS-1");
        site.assertNoContractViolations();
    }

    /** 6. A Pipe written for Apache's Jira Kamelets, against ours, on a Data Center site as Apache's Kamelets expect. */
    @Test
    void apacheStylePipe() throws Exception {
        try (JiraSimulator dataCenter = JiraSimulator.builder().flavour(JiraSimulator.Flavour.DATA_CENTER)
                .user("bot@acme.com", "dc-password").start()) {
            app = ExampleApp.builder(dir).property("jira.url", dataCenter.baseUrl()).property("jira.username", "bot")
                    .property("jira.password", "dc-password").yaml(DOCS.get("kamelet-pipe").code()).start();

            await().atMost(java.time.Duration.ofSeconds(20)).until(() -> dataCenter.state().issueCount() == 1);
            Issue issue = dataCenter.state().issues().get(0);
            assertThat(issue.project().key()).isEqualTo("OPS");
            assertThat(issue.issueType().name()).isEqualTo("Bug");
            assertThat(issue.summary()).isEqualTo("Printer on fire");
            assertThat(issue.priority().name()).isEqualTo("High");
            assertThat(issue.description().asText()).isEqualTo("The printer on floor 3 is on fire");
            dataCenter.assertNoContractViolations();
        }
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    /** The documented incident route with the given site options; the message of what failed. */
    private String createIncident(Map<String, String> site) throws Exception {
        Path work = Files.createTempDirectory(dir, "mistake");
        try (LogLines client = new LogLines("org.jiraq.camel.client")) {
            ExampleApp mistaken = null;
            try {
                mistaken = ExampleApp.builder(work).site(sim).properties(site)
                        .routes(JavaExamples.routes(DOCS.get("create-issue"), work)).start();
                Exception failure = mistaken.template().request("direct:incident", e -> e.getMessage().setBody(
                        Map.of("title", "t", "details", "d", "severity", "High", "team", "Database"))).getException();
                assertThat(failure).isNotNull();
                assertThat(client.lines()).as("no retries").noneMatch(line -> line.contains("Retrying"));
                return messages(failure);
            } catch (Exception startFailed) {
                return messages(startFailed);
            } finally {
                if (mistaken != null) {
                    mistaken.close();
                }
            }
        }
    }

    private String webhookWithoutHttpServer() throws IOException {
        Path work = Files.createTempDirectory(dir, "no-server");
        try (ExampleApp noServer = ExampleApp.builder(work).property("jira.webhookSecret", "s3cret")
                .yaml(DOCS.get("webhook-to-log-yaml").code()).start()) {
            throw new AssertionError("started without an HTTP server: " + noServer);
        } catch (Exception e) {
            return messages(e);
        }
    }

    /** The README's first example as it was before: the incident Map left as the body. */
    private String incidentMapLeftAsTheBody() throws Exception {
        Path work = Files.createTempDirectory(dir, "map-body");
        try (ExampleApp mistaken = ExampleApp.builder(work).site(sim).routes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:incident")
                        .setHeader("CamelJiraqProjectKey", constant("OPS"))
                        .setHeader("CamelJiraqIssueTypeName", constant("Bug"))
                        .setHeader("CamelJiraqSummary", simple("${body[title]}"))
                        .setHeader("CamelJiraqDescription", simple("${body[details]}"))
                        .to("jiraq:createIssue");
            }
        }).start()) {
            Map<String, String> incident = new java.util.LinkedHashMap<>();
            incident.put("title", "Disk full");
            incident.put("details", "on db-1");
            return messages(mistaken.template().request("direct:incident", e -> e.getMessage().setBody(incident))
                    .getException());
        }
    }

    private void moveToInProgress(String key) throws Exception {
        String auth = java.util.Base64.getEncoder().encodeToString((JiraSimulator.DEFAULT_USER + ":"
                + JiraSimulator.DEFAULT_API_TOKEN).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> moved = HTTP.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/rest/api/3/issue/"
                + key + "/transitions")).header("Authorization", "Basic " + auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"transition\":{\"id\":\"21\"}}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(moved.statusCode()).isEqualTo(204);
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    /** Runs a documented shell snippet with bash; its standard output and error. */
    static String bash(String script) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    /** The sample's environment for a test: the embedded simulator, its servers on free ports. */
    static Map<String, String> sampleEnv() {
        return Map.of("SAMPLE_MANAGEMENT_PORT", Integer.toString(ExampleApp.freePort()), "SAMPLE_HTTP_PORT",
                Integer.toString(ExampleApp.freePort()));
    }

    /** Posts a body signed as Jira signs admin webhooks: X-Hub-Signature: sha256=<hex HMAC>. */
    static HttpResponse<String> postSigned(int port, String path, String body, String secret, String identifier)
            throws IOException, InterruptedException {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String signature = HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/json").header("X-Hub-Signature", "sha256=" + signature)
                    .header("X-Atlassian-Webhook-Identifier", identifier)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
