package org.jiraq.samples.docs;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.spi.PropertiesFunction;
import org.jiraq.camel.JiraqComponent;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.deadletter.DeadLetter;
import org.jiraq.camel.deadletter.DeadLetterStore;
import org.jiraq.camel.deadletter.FailureReason;
import org.jiraq.camel.routes.JiraqRouteTemplates;
import org.jiraq.samples.SampleApplication;
import org.jiraq.simulator.JiraSimulator;
import org.jiraq.simulator.auth.AtlassianOAuth2;
import org.jiraq.simulator.model.Issue;
import org.jiraq.simulator.model.SimulatorUser;
import org.jiraq.simulator.privacy.PersonalDataReporting;
import org.jiraq.simulator.servicedesk.AssetsAndOperations;
import org.jiraq.simulator.servicedesk.CustomerServiceManagement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * Every example of README.md and of every page of the component documentation (component, topic and platform pages),
 * taken from the files and run as a user would run it: Java route code compiled into a RouteBuilder, YAML loaded by
 * Camel Main, properties given to Camel Main, commands run, against the simulator. Examples that are first-day tasks
 * run in {@link FirstDayTasksTest}; those that need another runtime run in that runtime's module
 * ({@link #RUN_IN_THEIR_MODULE}). A code block without a tag, or a tag without a run, fails
 * {@link #everyExampleIsTaggedAndRun()}.
 * <p>
 * Two kinds of block are checked rather than run, because running them here would prove nothing more or cannot be
 * done in a unit test: a user's dependency snippet (there is no user project to resolve it in; the check is that every
 * artifact is one this build makes or uses, at the version it uses, see {@link #dependenciesAreTheBuilds}), and shell
 * commands that build this repository or need a Kubernetes cluster (a nested reactor build takes minutes and no
 * cluster runs here; the check is that every module, test class, manifest and Deployment they name exists, see
 * {@link #commandsNameWhatExists}; the README's Quick start commands are run by {@code .ci/run} itself).
 */
class DocExamplesTest {

    private static final DocExamples DOCS = DocExamples.read();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static JiraSimulator sim;
    private static final CustomerServiceManagement CSM = new CustomerServiceManagement();

    @TempDir
    Path dir;
    private final List<ExampleApp> apps = new ArrayList<>();

    @BeforeAll
    static void startSite() {
        sim = JiraSimulator.builder().flavour(JiraSimulator.Flavour.CLOUD).user("bot@acme.com", "token-of-bot")
                .feature(CSM).feature(new AssetsAndOperations(CSM.cloudId())).start();
    }

    @AfterAll
    static void stopSite() {
        sim.close();
    }

    @AfterEach
    void stopApps() {
        apps.forEach(ExampleApp::close);
    }

    private final Map<String, Runner> runners = runners();

    /** One way of running an example. */
    @FunctionalInterface
    interface Runner {
        void run(DocExamples.Example example, Path workDir) throws Exception;
    }

    @TestFactory
    Stream<DynamicTest> documentedExamplesRunAsWritten() {
        return DOCS.all().values().stream()
                .filter(example -> runners.containsKey(example.id()))
                .map(example -> DynamicTest.dynamicTest(example.toString(), () -> {
                    sim.reset();
                    Path workDir = Files.createDirectories(dir.resolve(example.id()));
                    try {
                        runners.get(example.id()).run(example, workDir);
                        sim.assertNoContractViolations();
                    } finally {
                        apps.forEach(ExampleApp::close);
                        apps.clear();
                    }
                }));
    }

    @Test
    void everyExampleIsTaggedAndRun() {
        assertThat(DOCS.untagged()).as("code blocks a reader would copy, without // example: <id> (or <!-- example:"
                                       + " <id> -->) before them").isEmpty();
        TreeSet<String> run = new TreeSet<>(runners.keySet());
        run.addAll(FirstDayTasksTest.EXAMPLES);
        run.addAll(RUN_IN_THEIR_MODULE.keySet());
        assertThat(run).as("examples with a run").containsAll(DOCS.all().keySet());
        assertThat(DOCS.all().keySet()).as("runs of examples the docs no longer have").containsAll(run);
    }

    private ExampleApp start(ExampleApp.Builder builder) throws Exception {
        ExampleApp app = builder.start();
        apps.add(app);
        return app;
    }

    private Map<String, Runner> runners() {
        Map<String, Runner> all = new LinkedHashMap<>();
        all.put("dependency", (example, dir) -> dependencyMatchesTheBuild(example, "camel-jira-q-component"));
        all.put("readme-dependency", (example, dir) -> dependencyMatchesTheBuild(example, "camel-jira-q-component"));
        all.put("test-kit-dependency", (example, dir) -> dependencyMatchesTheBuild(example, "camel-jira-q-test"));
        all.put("connection-properties", this::connectionProperties);
        all.put("readme-properties", this::connectionProperties);
        all.put("quick-start", this::quickStartIsWhatCiRuns);
        all.put("oauth2-connect", this::oauth2Connect);
        all.put("create-issue", this::createIssue);
        all.put("update-issue", (example, dir) -> updateIssue(ExampleApp.builder(dir)
                .routes(JavaExamples.routes(example, dir))));
        all.put("update-issue-yaml", (example, dir) -> updateIssue(ExampleApp.builder(dir).yaml(example.code())));
        all.put("search-stream", this::searchStream);
        all.put("bulk-create", this::bulkCreate);
        all.put("request-paging", this::requestPaging);
        all.put("readme-request", this::readmeRequest);
        all.put("customer-request", this::customerRequest);
        all.put("gateway-operations", this::gatewayOperations);
        all.put("csm-products", this::csmProducts);
        all.put("webhook", this::webhook);
        all.put("webhook-dead-letter-replay", this::webhookDeadLetterReplay);
        all.put("webhook-several-issues", this::webhookSeveralIssues);
        all.put("issues-polling", this::issuesPolling);
        all.put("gdpr-record", this::gdprRecord);
        all.put("gdpr-cycle", this::gdprCycle);
        all.put("postgresql-properties", this::postgresqlProperties);
        all.put("on-exception-404", this::onException404);
        all.put("retry-after-redelivery", this::retryAfterRedelivery);
        all.put("resilient-sink-java", this::resilientSinkJava);
        all.put("resilient-sink-yaml", this::resilientSinkYaml);
        all.put("observability-properties", this::observabilityProperties);
        all.put("page-export", this::pageExport);
        all.put("logging-properties", this::loggingProperties);
        all.put("test-kit-example", this::testKitExample);
        all.put("sample-routes", this::sampleRoutes);
        all.put("throwaway-store", this::throwawayStore);
        // the platform pages
        all.put("camel-main-dependencies", (example, dir) -> dependenciesAreTheBuilds(example, "samples/pom.xml"));
        all.put("kubernetes-dependencies", (example, dir) -> dependenciesAreTheBuilds(example, "samples/pom.xml"));
        all.put("spring-boot-dependencies", (example, dir) -> dependenciesAreTheBuilds(example,
                "samples/spring-boot/pom.xml"));
        all.put("quarkus-dependencies", (example, dir) -> dependenciesAreTheBuilds(example, "samples/quarkus/pom.xml"));
        all.put("camel-k-kamelet-dependencies", this::everyKameletNamesTheseDependencies);
        all.put("camel-main-properties", this::camelMainProperties);
        for (String commands : List.of("camel-main-checks", "spring-boot-checks", "quarkus-checks", "camel-k-install",
                "camel-k-checks", "kubernetes-install", "kubernetes-checks")) {
            all.put(commands, this::commandsNameWhatExists);
        }
        return all;
    }

    /**
     * Examples for Spring Boot and Quarkus run in the sample of that runtime, with the properties read from the page:
     * the test that runs each, which must name the example.
     */
    static final Map<String, String> RUN_IN_THEIR_MODULE = Map.of(
            "spring-boot-properties",
            "samples/spring-boot/src/test/java/org/jiraq/samples/springboot/SpringBootDocConfigurationTest.java",
            "quarkus-properties", "samples/quarkus/src/test/java/org/jiraq/samples/quarkus/QuarkusDocConfigurationTest.java");

    @Test
    void examplesRunInTheirRuntimesModuleAreRunThere() throws IOException {
        for (Map.Entry<String, String> run : RUN_IN_THEIR_MODULE.entrySet()) {
            DOCS.get(run.getKey());
            Path test = DocExamples.ROOT.resolve(run.getValue());
            assertThat(test).exists();
            assertThat(Files.readString(test)).as(test + " reads the example from the page")
                    .contains("\"" + run.getKey() + "\"");
        }
    }

    // --- the runs --------------------------------------------------------------------------------------------------

    /** The dependency a reader adds is the artifact this build makes, at its version. */
    private void dependencyMatchesTheBuild(DocExamples.Example example, String module) throws IOException {
        String pom = Files.readString(DocExamples.ROOT.resolve(module).resolve("pom.xml"));
        String parent = Files.readString(DocExamples.ROOT.resolve("pom.xml"));
        assertThat(tag(example.code(), "groupId")).isEqualTo(tag(parent, "groupId"));
        assertThat(tag(example.code(), "artifactId")).isEqualTo(tag(pom.substring(pom.indexOf("</parent>")), "artifactId"));
        String version = tag(example.code(), "version");
        if (version.equals("x.x.x")) {
            // the docs stand for every release: the placeholder says where the versions are
            assertThat(example.code()).contains("CHANGELOG.md");
            assertThat(DocExamples.ROOT.resolve("CHANGELOG.md")).exists();
        } else {
            assertThat(version).isEqualTo(tag(parent, "version"));
        }
    }

    /**
     * The component options of the example, from Camel Main's properties, sign in to the site: its API token comes
     * from the environment variable the example names. Only the site's URL is the simulator's.
     */
    private void connectionProperties(DocExamples.Example example, Path dir) throws Exception {
        Properties props = properties(example.code());
        String user = props.getProperty("camel.component.jiraq.username");
        sim.state().createIssue("DEMO", "Task", "Readable");
        ExampleApp app = start(ExampleApp.builder(dir)
                .properties(asMap(props))
                .function(new EnvFunction(Map.of("JIRA_API_TOKEN", "token-of-bot")))
                .property("camel.component.jiraq.baseUrl", sim.baseUrl())
                .property("camel.component.jiraq.deployment", "cloud")
                .routes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:read").to("jiraq:getIssue");
                    }
                }));

        Map<?, ?> issue = app.template().requestBodyAndHeader("direct:read", null, JiraqConstants.ISSUE_KEY, "DEMO-1",
                Map.class);

        assertThat(user).isEqualTo("bot@acme.com");
        assertThat(((Map<?, ?>) issue.get("fields")).get("summary")).isEqualTo("Readable");
        assertThat(sim.requests("GET", "/rest/api/3/issue/DEMO-1").get(0).headers().get("Authorization").get(0))
                .isEqualTo("Basic " + java.util.Base64.getEncoder()
                        .encodeToString("bot@acme.com:token-of-bot".getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * CI runs the Quick start's two commands (.ci/run): each is a line of its own there, and .ci/run reads this very
     * block to fail when the two differ.
     */
    private void quickStartIsWhatCiRuns(DocExamples.Example example, Path dir) throws IOException {
        List<String> commands = example.code().lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        String ci = Files.readString(DocExamples.ROOT.resolve(".ci/run"));
        assertThat(commands).hasSize(2);
        assertThat(ci).contains("/^## Quick start/");
        for (String command : commands) {
            assertThat(ci.lines()).as(".ci/run runs " + command)
                    .anyMatch(line -> line.equals(command) || line.startsWith(command + " "));
            assertThat(ci).as(".ci/run compares the README with " + command).contains("='" + command + "'");
        }
    }

    /** The connect route sends the user to Atlassian's consent page with a single-use state. */
    private void oauth2Connect(DocExamples.Example example, Path dir) throws Exception {
        ExampleApp app = start(ExampleApp.builder(dir).httpServer()
                .property("camel.component.jiraq.baseUrl", "https://acme.atlassian.net")
                .property("camel.component.jiraq.authStrategy", "oauth2")
                .property("camel.component.jiraq.clientId", "app-client")
                .property("camel.component.jiraq.clientSecret", "app-secret")
                .property("camel.component.jiraq.scopes", "read:jira-work write:jira-work")
                .property("camel.component.jiraq.redirectUri", "https://app.example.com/jira/callback")
                .routes(JavaExamples.routes(example, dir)));

        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + app.httpPort() + "/jira/connect")).header("userId", "u-42").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location")).get().asString()
                .startsWith("https://auth.atlassian.com/authorize?").contains("client_id=app-client").contains("state=");
    }

    private void createIssue(DocExamples.Example example, Path dir) throws Exception {
        sim.state().addComponent("OPS", "Database");
        sim.state().addVersion("OPS", "2.1");
        sim.state().createIssue("OPS", "Epic", "Outages");
        ExampleApp app = start(ExampleApp.builder(dir).site(sim).routes(JavaExamples.routes(example, dir)));

        app.template().sendBody("direct:incident", Map.of("title", "Database down", "details", "db-1 does **not** answer",
                "severity", "High", "team", "Database"));

        Issue issue = sim.state().issue("OPS-2");
        assertThat(issue.summary()).isEqualTo("Database down");
        assertThat(issue.priority().name()).isEqualTo("High");
        assertThat(issue.labels()).containsExactly("incident", "from-camel");
        assertThat(issue.components()).extracting(c -> c.name()).containsExactly("Database");
        assertThat(issue.assignee().email()).isEqualTo(JiraSimulator.DEFAULT_USER);
        assertThat(issue.dueDate()).isEqualTo(LocalDate.now().plusDays(3));
        assertThat(issue.fixVersions()).extracting(v -> v.name()).containsExactly("2.1");
        assertThat(issue.parent().key()).isEqualTo("OPS-1");
        assertThat(issue.description().toString()).contains("\"strong\"");
        assertThat(app.logged()).containsExactly("Created OPS-2");
    }

    private void updateIssue(ExampleApp.Builder builder) throws Exception {
        SimulatorUser onCall = sim.state().addUser("oncall@acme.com");
        Issue issue = sim.state().createIssue("OPS", "Bug", "Slow pages");
        ExampleApp app = start(builder.site(sim));

        Exchange done = app.template().request("direct:escalate", e -> e.getMessage().setBody(
                Map.of("key", issue.key(), "onCall", onCall.accountId())));

        assertThat(done.getException()).isNull();
        Issue escalated = sim.state().issue(issue.key());
        assertThat(escalated.priority().name()).isEqualTo("Highest");
        assertThat(escalated.assignee()).isEqualTo(onCall);
        assertThat(escalated.labels()).containsExactly("incident", "escalated");
        assertThat(escalated.dueDate()).isEqualTo(LocalDate.now().plusDays(1));
        assertThat(escalated.summary()).isEqualTo("Slow pages");
    }

    private void searchStream(DocExamples.Example example, Path dir) throws Exception {
        sim.state().createIssue("OPS", "Task", "Recent one");
        sim.state().createIssue("OPS", "Bug", "Recent two");
        ExampleApp app = start(ExampleApp.builder(dir).site(sim).routes(JavaExamples.routes(example, dir)));

        await().atMost(Duration.ofSeconds(20)).until(() -> app.logged().size() == 2);
        assertThat(app.logged()).containsExactly("OPS-2 To Do: Recent two", "OPS-1 To Do: Recent one");
    }

    private void bulkCreate(DocExamples.Example example, Path dir) throws Exception {
        ExampleApp app = start(ExampleApp.builder(dir).site(sim).routes(JavaExamples.routes(example, dir)));

        app.template().sendBody("direct:import", List.of(
                Map.of("fields", Map.of("project", Map.of("key", "OPS"), "issuetype", Map.of("name", "Task"),
                        "summary", "Imported")),
                Map.of("fields", Map.of("project", Map.of("key", "NOPE"), "issuetype", Map.of("name", "Task"),
                        "summary", "Lost"))));

        assertThat(sim.state().issues()).extracting(Issue::summary).containsExactly("Imported");
        assertThat(app.logged()).singleElement().asString().startsWith("Item 1 failed: {project=valid project is required}");
    }

    /** Jira Software's Agile API, which the simulator does not serve, as WireMock stubs in its two pages. */
    private void agileBoards() {
        sim.wireMock().stubFor(get(urlPathEqualTo("/rest/agile/1.0/board")).atPriority(1)
                .withQueryParam("startAt", com.github.tomakehurst.wiremock.client.WireMock.absent())
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        "{\"maxResults\":1,\"startAt\":0,\"total\":2,\"isLast\":false,\"values\":[{\"id\":1,\"name\":\"Ops board\"}]}")));
        sim.wireMock().stubFor(get(urlPathEqualTo("/rest/agile/1.0/board")).atPriority(1)
                .withQueryParam("startAt", com.github.tomakehurst.wiremock.client.WireMock.equalTo("1"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        "{\"maxResults\":1,\"startAt\":1,\"total\":2,\"isLast\":true,\"values\":[{\"id\":2,\"name\":\"Web board\"}]}")));
    }

    private void requestPaging(DocExamples.Example example, Path dir) throws Exception {
        agileBoards();
        Issue issue = sim.state().createIssue("OPS", "Task", "Worked on");
        sim.wireMock().stubFor(get(urlPathEqualTo("/rest/api/3/issue/" + issue.key() + "/worklog")).atPriority(1)
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        "{\"startAt\":0,\"maxResults\":50,\"total\":1,\"worklogs\":[{\"author\":{\"displayName\":\"Alice\"},"
                        + "\"timeSpent\":\"3h\"}]}")));
        ExampleApp app = start(ExampleApp.builder(dir).site(sim).routes(JavaExamples.routes(example, dir)));
        await().atMost(Duration.ofSeconds(20)).until(() -> app.logged().size() == 2);

        app.template().sendBodyAndHeader("direct:worklogs", null, "key", issue.key());

        assertThat(app.logged()).containsExactly("1 Ops board", "2 Web board", "Alice: 3h");
    }

    private void readmeRequest(DocExamples.Example example, Path dir) throws Exception {
        agileBoards();
        ExampleApp app = start(ExampleApp.builder(dir).site(sim).routes(JavaExamples.routes(example, dir)));

        app.template().sendBody("direct:boards", null);

        assertThat(app.logged()).containsExactly("Ops board", "Web board");
    }

    private void customerRequest(DocExamples.Example example, Path dir) throws Exception {
        SimulatorUser customer = sim.state().addUser("customer@example.com");
        ExampleApp app = start(ExampleApp.builder(dir).site(sim).routes(JavaExamples.routes(example, dir)));

        app.template().sendBody("direct:helpdesk", Map.of("subject", "Printer broken", "text", "Paper jam on floor 3",
                "accountId", customer.accountId()));

        assertThat(app.logged()).singleElement().asString().matches("Raised OPS-\\d+: .+");
    }

    /** The site's gateway APIs, which the simulator serves too. */
    private ExampleApp.Builder gateway(ExampleApp.Builder builder) {
        return builder.site(sim).property("camel.component.jiraq.cloudId", CSM.cloudId())
                .property("camel.component.jiraq.apiGatewayUrl", sim.baseUrl());
    }

    private void gatewayOperations(DocExamples.Example example, Path dir) throws Exception {
        ExampleApp app = start(gateway(ExampleApp.builder(dir)).routes(JavaExamples.routes(example, dir)));

        app.template().sendBody("direct:alerts", null);

        assertThat(app.logged()).singleElement().asString().matches("[1-9]\\d* open alerts");
        assertThat(sim.requests("GET", "/jsm/ops/api/" + CSM.cloudId() + "/v1/alerts").get(0).query().get("query"))
                .containsExactly("status:open");
    }

    private void csmProducts(DocExamples.Example example, Path dir) throws Exception {
        ExampleApp app = start(gateway(ExampleApp.builder(dir)).routes(JavaExamples.routes(example, dir)));
        for (String name : List.of("Printers", "Scanners")) {
            app.template().sendBody("jiraq:csmCreate?csmResource=product", Map.of("name", name));
        }

        app.template().sendBody("direct:products", null);

        assertThat(app.logged()).anySatisfy(line -> assertThat(line).endsWith(" Printers"))
                .anySatisfy(line -> assertThat(line).endsWith(" Scanners"));
    }

    private void webhook(DocExamples.Example example, Path dir) throws Exception {
        ExampleApp app = start(ExampleApp.builder(dir).httpServer().property("jira.webhookSecret", "s3cret")
                .routes(JavaExamples.routes(example, dir)));
        String body = "{\"webhookEvent\":\"jira:issue_created\",\"issue\":{\"id\":\"10000\",\"key\":\"OPS-1\","
                      + "\"fields\":{\"summary\":\"Disk full\"}}}";

        HttpResponse<String> answer = FirstDayTasksTest.postSigned(app.httpPort(), "/jira/events", body, "s3cret",
                "delivery-1");

        assertThat(answer.statusCode()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(10)).until(() -> !app.logged().isEmpty()); // from the inbox, right after
        assertThat(app.logged()).containsExactly("jira:issue_created on OPS-1");
        Exchange sent = app.context().createConsumerTemplate().receive("kafka:jira-events", 5000);
        assertThat(sent.getMessage().getBody(Map.class)).containsEntry("webhookEvent", "jira:issue_created");
    }

    /** A dead webhook event, kept in the dead letters of the route jira-events, goes back into its inbox. */
    private void webhookDeadLetterReplay(DocExamples.Example example, Path dir) throws Exception {
        ExampleApp app = start(ExampleApp.builder(dir).httpServer().property("jira.webhookSecret", "s3cret")
                .routes(new JiraqRouteTemplates())
                .routes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("jiraq:webhook?webhookPath=/jira/events&webhookVerification=hmac"
                             + "&webhookSecret={{jira.webhookSecret}}")
                                .routeId("jira-events").to("mock:events");
                    }
                }));
        DeadLetterStore deadLetters = app.context().getComponent("jiraq", JiraqComponent.class).getDeadLetterStore();
        deadLetters.add(new DeadLetter(0, "jira-events", Instant.now(), 51,
                "{\"webhookEvent\":\"jira:issue_created\",\"issue\":{\"id\":\"10000\",\"key\":\"OPS-1\"}}",
                Map.of(JiraqConstants.WEBHOOK_IDENTIFIER, "dead-1"),
                new FailureReason(null, "the downstream system was down", null, false, false)));

        RouteBuilder replay = JavaExamples.routes(example, dir);
        app.context().addRoutes(replay);
        app.context().addTemplatedRoutes(replay); // templatedRoute(...) is added apart from the routes, as Camel Main does

        org.apache.camel.component.mock.MockEndpoint events
                = app.context().getEndpoint("mock:events", org.apache.camel.component.mock.MockEndpoint.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> events.getReceivedCounter() == 1);
        assertThat(events.getReceivedExchanges().get(0).getMessage().getHeader(JiraqConstants.WEBHOOK_IDENTIFIER))
                .isEqualTo("dead-1");
        assertThat(deadLetters.count("jira-events")).isZero();
    }

    /** A webhook event that asks for two issues makes two, each with a key of its own derived from the event's. */
    private void webhookSeveralIssues(DocExamples.Example example, Path dir) throws Exception {
        ExampleApp app = start(ExampleApp.builder(dir).site(sim).httpServer().property("jira.webhookSecret", "s3cret")
                .routes(JavaExamples.routes(example, dir)));
        String body = "{\"webhookEvent\":\"jira:issue_created\",\"issue\":{\"id\":\"10000\",\"key\":\"OPS-7\"}}";

        FirstDayTasksTest.postSigned(app.httpPort(), "/jira/events", body, "s3cret", "several-1");

        await().atMost(Duration.ofSeconds(20)).until(() -> sim.state().issues().size() == 2);
        assertThat(sim.state().issues()).extracting(Issue::summary)
                .containsExactlyInAnyOrder("Review OPS-7", "Document OPS-7");
        assertThat(sim.state().issues()).extracting(issue -> issue.property("jiraq.idempotency").path("key").asText())
                .containsExactlyInAnyOrder("jira-webhook:several-1#review", "jira-webhook:several-1#docs");
    }

    private void issuesPolling(DocExamples.Example example, Path dir) throws Exception {
        sim.state().createIssue("OPS", "Task", "Changed");
        ExampleApp app = start(ExampleApp.builder(dir).site(sim).routes(JavaExamples.routes(example, dir)));

        await().atMost(Duration.ofSeconds(20)).until(() -> !app.logged().isEmpty());
        assertThat(app.logged().get(0)).startsWith("OPS-1 changed at ");
    }

    private void gdprRecord(DocExamples.Example example, Path dir) throws Exception {
        SimulatorUser bob = sim.state().addUser("bob@acme.com");
        sim.state().createIssue("OPS", "Task", "Reported by the simulator's seed");
        String key = sim.state().createIssue("OPS", "Task", "Assigned").key();
        ExampleApp seed = start(ExampleApp.builder(dir.resolve("seed")).site(sim).routes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:assign").setHeader(JiraqConstants.ISSUE_KEY, constant(key))
                        .setHeader(JiraqConstants.ASSIGNEE, constant(bob.accountId())).to("jiraq:updateIssue");
            }
        }));
        seed.template().sendBody("direct:assign", null);
        ExampleApp app = start(ExampleApp.builder(dir).site(sim).routes(JavaExamples.routes(example, dir)));

        app.template().sendBody("direct:people", null);

        var registry = app.context().getComponent("jiraq", JiraqComponent.class).getAccountRegistry();
        assertThat(registry.updatedAt(bob.accountId())).isPresent();
        assertThat(registry.updatedAt("5b10ac8d82e05b22cc7d4ef5")).isPresent();
        assertThat(app.context().createConsumerTemplate().receiveBody("sql:insert into people ...", 5000)).isNotNull();
    }

    private void gdprCycle(DocExamples.Example example, Path dir) throws Exception {
        PersonalDataReporting reporting = new PersonalDataReporting();
        AtlassianOAuth2 oauth = new AtlassianOAuth2();
        try (JiraSimulator gateway = JiraSimulator.builder().feature(oauth).feature(reporting).start()) {
            ExampleApp app = start(ExampleApp.builder(dir)
                    .property("camel.component.jiraq.baseUrl", gateway.baseUrl())
                    .property("camel.component.jiraq.deployment", "cloud")
                    .property("camel.component.jiraq.authStrategy", "oauth2")
                    .property("camel.component.jiraq.grantType", "clientCredentials")
                    .property("camel.component.jiraq.clientId", AtlassianOAuth2.CLIENT_ID)
                    .property("camel.component.jiraq.clientSecret", AtlassianOAuth2.CLIENT_SECRET)
                    .property("camel.component.jiraq.tokenUrl", gateway.baseUrl() + "/oauth/token")
                    .property("camel.component.jiraq.apiGatewayUrl", gateway.baseUrl())
                    .routes(JavaExamples.routes(example, dir))
                    .routes(new RouteBuilder() {
                        @Override
                        public void configure() {
                            from("direct:refresh-person").to("mock:refreshed");
                        }
                    }));
            var registry = app.context().getComponent("jiraq", JiraqComponent.class).getAccountRegistry();
            registry.record("acct-closed", Instant.parse("2026-01-01T00:00:00Z"));
            reporting.closed("acct-closed");
            // the example's hourly schedule, made to tick every second for the test
            ModelCamelContext model = (ModelCamelContext) app.context();
            String routeId = model.getRouteDefinitions().stream()
                    .filter(r -> r.getInput().getEndpointUri().startsWith("jiraq:gdpr")).findFirst().orElseThrow().getId();
            AdviceWith.adviceWith(model, routeId, route -> route.replaceFromWith("jiraq:gdpr?scheduler.cron=*+*+*+*+*+?"));

            Object erased = app.context().createConsumerTemplate()
                    .receiveBody("sql:delete from people where account_id = :#${body}", 20000);

            assertThat(erased).isEqualTo("acct-closed");
        }
    }

    private void postgresqlProperties(DocExamples.Example example, Path dir) throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE ROLE jiraq LOGIN PASSWORD 'store-password'");
                s.execute("CREATE DATABASE jiraq OWNER jiraq");
            }
            String key = java.util.Base64.getEncoder().encodeToString(new byte[32]);
            Properties props = properties(example.code().replace("postgres:5432", "localhost:" + postgres.getPort()));
            ExampleApp app = start(ExampleApp.builder(dir).site(sim).properties(asMap(props))
                    .function(new NamedFunction("secret", Map.of(
                            "jiraq-store/password", "store-password", "jiraq-store/token-store-key", key)))
                    .routes(new RouteBuilder() {
                        @Override
                        public void configure() {
                            from("direct:read").to("jiraq:getProjects");
                        }
                    }));

            JiraqComponent jiraq = app.context().getComponent("jiraq", JiraqComponent.class);
            assertThat(jiraq.getStore().isH2()).isFalse();
            assertThat(jiraq.getStore().getDataSource().getConnection().getMetaData().getDatabaseProductName())
                    .isEqualTo("PostgreSQL");
            assertThat(app.context().getName()).isEqualTo("jira-events");
            assertThat(app.template().requestBody("direct:read", null, List.class)).isNotEmpty();
        }
    }

    private void onException404(DocExamples.Example example, Path dir) throws Exception {
        // the handler applies to the routes of its RouteBuilder: a route reading a missing issue joins it
        DocExamples.Example withRoute = new DocExamples.Example(example.id(), example.language(),
                example.code() + "\nfrom(\"direct:missing\").setHeader(\"CamelJiraqIssueKey\", constant(\"OPS-404\"))"
                + ".to(\"jiraq:getIssue\");", example.file(), example.line());
        ExampleApp app = start(ExampleApp.builder(dir).site(sim).routes(JavaExamples.routes(withRoute, dir)));

        Exchange done = app.template().request("direct:missing", e -> { });

        assertThat(done.getException()).isNull();
        assertThat(app.logged()).singleElement().asString()
                .startsWith("No such issue: Jira answered 404 Not Found to GET /rest/api/3/issue/OPS-404");
    }

    private void retryAfterRedelivery(DocExamples.Example example, Path dir) throws Exception {
        sim.wireMock().stubFor(post(urlPathEqualTo("/rest/api/3/issue")).atPriority(1)
                .inScenario("rate limited").whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willSetStateTo("served")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"errorMessages\":[\"Rate limit exceeded.\"],\"errors\":{}}")));
        ExampleApp app = start(ExampleApp.builder(dir).site(sim).routes(JavaExamples.routes(example, dir)));

        Exchange done = app.template().request("direct:tickets", e -> {
            e.getMessage().setHeader(JiraqConstants.PROJECT_KEY, "OPS");
            e.getMessage().setHeader(JiraqConstants.ISSUE_TYPE_NAME, "Task");
            e.getMessage().setHeader(JiraqConstants.SUMMARY, "After the wait");
        });

        assertThat(done.getException()).isNull();
        assertThat(done.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class)).isEqualTo(1);
        assertThat(sim.state().issues()).extracting(Issue::summary).containsExactly("After the wait");
    }

    private void resilientSinkJava(DocExamples.Example example, Path dir) throws Exception {
        resilientSink(ExampleApp.builder(dir).routes(new JiraqRouteTemplates()).routes(JavaExamples.routes(example, dir)));
    }

    private void resilientSinkYaml(DocExamples.Example example, Path dir) throws Exception {
        resilientSink(ExampleApp.builder(dir).routes(new JiraqRouteTemplates()).yaml(example.code()));
    }

    private void resilientSink(ExampleApp.Builder builder) throws Exception {
        ExampleApp app = start(builder.site(sim));

        app.template().sendBodyAndHeaders("kafka:tickets", null, Map.of(JiraqConstants.PROJECT_KEY, "OPS",
                JiraqConstants.ISSUE_TYPE_NAME, "Task", JiraqConstants.SUMMARY, "Through the sink"));

        await().atMost(Duration.ofSeconds(20)).until(() -> sim.state().issueCount() == 1);
        assertThat(app.context().getRoute("tickets-to-jira")).isNotNull();
        assertThat(sim.state().issues().get(0).summary()).isEqualTo("Through the sink");
    }

    private void observabilityProperties(DocExamples.Example example, Path dir) throws Exception {
        int port = ExampleApp.freePort();
        callJiraOnce(ExampleApp.builder(dir).site(sim).properties(asMap(properties(example.code()))), port);

        HttpResponse<String> health = management(port, "/observe/health?exposureLevel=full");
        HttpResponse<String> metrics = management(port, "/observe/metrics");
        HttpResponse<String> console = management(port, "/q/dev/jiraq");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("jiraq-localhost:" + sim.port());
        assertThat(metrics.body()).contains("jiraq_requests_seconds_count");
        assertThat(console.body()).contains("Jira connections: 1");
    }

    private void pageExport(DocExamples.Example example, Path dir) throws Exception {
        sim.state().seedIssues("OPS", 250);
        ExampleApp app = start(ExampleApp.builder(dir).site(sim).routes(JavaExamples.routes(example, dir))
                .routes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:store-page").to("mock:pages");
                    }
                }));

        app.template().sendBody("direct:export", null);

        assertThat(app.logged()).containsExactly("1 pages, 100 issues so far", "2 pages, 200 issues so far",
                "3 pages, 250 issues so far");
    }

    private void loggingProperties(DocExamples.Example example, Path dir) throws Exception {
        Properties props = properties(example.code());
        String logger = props.getProperty("logger.jiraq.name");
        LogLines.level(logger, props.getProperty("logger.jiraq.level"));
        sim.state().createIssue("OPS", "Task", "Logged");
        try (LogLines log = new LogLines(logger)) {
            ExampleApp app = start(ExampleApp.builder(dir).site(sim).routes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:read").setHeader(JiraqConstants.ISSUE_KEY, constant("OPS-1")).to("jiraq:getIssue");
                }
            }));
            app.template().requestBody("direct:read", (Object) null);

            assertThat(log.lines()).anySatisfy(line -> assertThat(line)
                    .matches("DEBUG org\\.jiraq\\.camel\\.client\\.JiraqClient GET /rest/api/3/issue/OPS-1 -> 200 in \\d+ ms"));
        } finally {
            LogLines.level(logger, "INFO");
        }
    }

    /** The documented test class of a user's route, compiled from the doc and run by the JUnit Platform. */
    private void testKitExample(DocExamples.Example example, Path dir) {
        Class<?> test = JavaExamples.type(example, dir);
        LauncherDiscoveryRequest discovery = request().selectors(selectClass(test)).build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        launcher.execute(discovery, summary);

        assertThat(summary.getSummary().getFailures()).as("failures of the documented test").isEmpty();
        assertThat(summary.getSummary().getTestsSucceededCount()).isEqualTo(1);
    }

    /** The command runs the sample with the file given: what it hands SampleApplication, in-process. */
    private void sampleRoutes(DocExamples.Example example, Path dir) throws Exception {
        Matcher args = Pattern.compile("-Dexec\\.args=\"([^\"]+)\"").matcher(example.code());
        assertThat(args.find()).isTrue();
        assertThat(example.code()).startsWith("mvn -B -q -pl samples -am test-compile exec:java");
        Path route = dir.resolve(args.group(1));
        Files.writeString(route, "- route:\n    from:\n      uri: timer:once?repeatCount=1\n      steps:\n"
                                 + "        - to: jiraq:getProjects\n        - log: \"${header.CamelJiraqResultCount} projects\"\n");
        List<Path> files = SampleApplication.routeFiles(args.group(1).split(" "), Map.of()).stream()
                .map(dir::resolve).toList();
        try (org.jiraq.samples.SampleRun run = org.jiraq.samples.SampleRun.start(
                FirstDayTasksTest.sampleEnv(), files)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> run.simulator().requests("GET", "/rest/api/3/project")
                    .size() > 0);
        }
    }

    /** With the throwaway store, a delivery sent again after a restart is delivered again. */
    private void throwawayStore(DocExamples.Example example, Path dir) throws Exception {
        Properties props = properties(example.code());
        String body = "{\"webhookEvent\":\"jira:issue_created\",\"issue\":{\"key\":\"OPS-1\"}}";
        List<Integer> answers = new ArrayList<>();
        for (int start = 0; start < 2; start++) {
            ExampleApp app = start(ExampleApp.builder(dir).httpServer().properties(asMap(props))
                    .routes(new RouteBuilder() {
                        @Override
                        public void configure() {
                            from("jiraq:webhook?webhookVerification=hmac&webhookSecret=s3cret").to("mock:events");
                        }
                    }));
            answers.add(FirstDayTasksTest.postSigned(app.httpPort(), "/jiraq/webhook", body, "s3cret", "same-id")
                    .statusCode());
            answers.add(FirstDayTasksTest.postSigned(app.httpPort(), "/jiraq/webhook", body, "s3cret", "same-id")
                    .statusCode());
            org.apache.camel.component.mock.MockEndpoint events
                    = app.context().getEndpoint("mock:events", org.apache.camel.component.mock.MockEndpoint.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> events.getReceivedCounter() >= 1);
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                    .until(() -> events.getReceivedCounter() == 1);
            app.close();
        }
        assertThat(answers).containsExactly(204, 204, 204, 204);
        assertThat(dir.resolve("jiraq.mv.db")).doesNotExist();
    }

    /**
     * A dependency snippet for a user's project: every camel-jira-q artifact is one this build makes, left at the
     * release the reader picks ({@code x.x.x}); every other artifact is one the sample of that runtime (or the build)
     * declares, and a version the snippet pins is the one the build uses.
     */
    private void dependenciesAreTheBuilds(DocExamples.Example example, String samplePom) throws IOException {
        String sample = Files.readString(DocExamples.ROOT.resolve(samplePom));
        String parent = Files.readString(DocExamples.ROOT.resolve("pom.xml"));
        Set<String> ours = artifactsOfTheBuild();
        Matcher dependency = Pattern.compile("<groupId>([^<]+)</groupId>\\s*<artifactId>([^<]+)</artifactId>"
                                             + "(?:\\s*<version>([^<]+)</version>)?").matcher(example.code());
        int count = 0;
        while (dependency.find()) {
            count++;
            String group = dependency.group(1);
            String artifact = dependency.group(2);
            String version = dependency.group(3);
            if (group.equals("org.jiraq")) {
                assertThat(ours).as("camel-jira-q artifacts").contains(artifact);
                assertThat(version).as(artifact + "'s version").isIn(null, "x.x.x");
            } else {
                assertThat(sample + parent).as(artifact + " in " + samplePom + " or the build's pom")
                        .contains("<artifactId>" + artifact + "</artifactId>");
                if (version != null) {
                    assertThat(version).as(artifact + "'s version").isEqualTo(versionInTheBuild(artifact, sample, parent));
                }
            }
        }
        assertThat(count).as("dependencies in the snippet").isPositive();
        if (example.code().contains("x.x.x")) {
            assertThat(example.code()).contains("CHANGELOG.md");
        }
    }

    private static String versionInTheBuild(String artifact, String... poms) {
        for (String pom : poms) {
            Matcher pinned = Pattern.compile("<artifactId>" + Pattern.quote(artifact) + "</artifactId>\\s*<version>([^<]+)"
                                             + "</version>").matcher(pom);
            if (pinned.find()) {
                String version = pinned.group(1);
                if (!version.startsWith("${")) {
                    return version;
                }
                String property = version.substring(2, version.length() - 1);
                for (String withProperty : poms) {
                    Matcher value = Pattern.compile("<" + Pattern.quote(property) + ">([^<]+)</").matcher(withProperty);
                    if (value.find()) {
                        return value.group(1);
                    }
                }
            }
        }
        throw new AssertionError("The build pins no version of " + artifact);
    }

    /** The artifactIds of the reactor's modules. */
    private static Set<String> artifactsOfTheBuild() throws IOException {
        Set<String> artifacts = new TreeSet<>();
        Matcher module = Pattern.compile("<module>([^<]+)</module>")
                .matcher(Files.readString(DocExamples.ROOT.resolve("pom.xml")));
        while (module.find()) {
            String pom = Files.readString(DocExamples.ROOT.resolve(module.group(1)).resolve("pom.xml"));
            artifacts.add(tag(pom.contains("</parent>") ? pom.substring(pom.indexOf("</parent>")) : pom, "artifactId"));
        }
        return artifacts;
    }

    /** The Kamelets bring the component: each names these dependencies, the version filled in by the build. */
    private void everyKameletNamesTheseDependencies(DocExamples.Example example, Path dir) throws IOException {
        List<String> dependencies = example.code().lines().map(l -> l.replaceAll("#.*", "").trim())
                .filter(l -> l.startsWith("- ")).toList();
        assertThat(dependencies).isNotEmpty();
        try (Stream<Path> kamelets = Files.list(DocExamples.ROOT.resolve("routes/src/main/resources/kamelets"))) {
            List<Path> all = kamelets.toList();
            assertThat(all).isNotEmpty();
            for (Path kamelet : all) {
                List<String> lines = Files.readAllLines(kamelet).stream().map(String::trim).toList();
                assertThat(lines).as(kamelet.getFileName() + "'s dependencies").containsAll(dependencies);
            }
        }
    }

    /**
     * Camel Main with the page's configuration, its API token from the environment variable it names and its site the
     * simulator's, on a free management port: the health endpoint shows the Jira connection, the metrics its meters.
     */
    private void camelMainProperties(DocExamples.Example example, Path dir) throws Exception {
        Map<String, String> props = asMap(properties(example.code()));
        int port = ExampleApp.freePort();
        callJiraOnce(ExampleApp.builder(dir).properties(props)
                .function(new EnvFunction(Map.of("JIRA_API_TOKEN", "token-of-bot")))
                .property("camel.component.jiraq.baseUrl", sim.baseUrl())
                .property("camel.component.jiraq.deployment", "cloud"), port);

        HttpResponse<String> health = management(port, "/observe/health?exposureLevel=full");
        HttpResponse<String> metrics = management(port, "/observe/metrics");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("producer:jiraq-localhost:" + sim.port());
        assertThat(metrics.body()).contains("jiraq_requests_seconds_count");
    }

    /**
     * Build and cluster commands are not run here (see the class comment); what they name must exist: each module of
     * {@code -pl}, each test class of {@code -Dtest}, each file {@code kubectl apply -f} applies and each Deployment
     * whose rollout is awaited.
     */
    private void commandsNameWhatExists(DocExamples.Example example, Path dir) throws IOException {
        Path root = DocExamples.ROOT;
        String reactor = Files.readString(root.resolve("pom.xml"));
        List<String> commands = example.code().lines().map(l -> l.replaceAll("\\s+#.*", "").trim())
                .filter(l -> !l.isEmpty()).toList();
        assertThat(commands).isNotEmpty();
        for (String command : commands) {
            assertThat(command).as("a command of this repository").matches("(mvn|kubectl) .*");
            Matcher module = Pattern.compile("-pl (\\S+)").matcher(command);
            if (module.find()) {
                assertThat(reactor).as("module " + module.group(1)).contains("<module>" + module.group(1) + "</module>");
                Matcher tests = Pattern.compile("-Dtest=(\\S+)").matcher(command);
                if (tests.find()) {
                    for (String test : tests.group(1).split(",")) {
                        try (Stream<Path> files = Files.walk(root.resolve(module.group(1)).resolve("src/test"))) {
                            assertThat(files.map(f -> f.getFileName().toString())).as("test class " + test)
                                    .contains(test + ".java");
                        }
                    }
                }
            }
            Matcher applied = Pattern.compile("-f (\\S+)").matcher(command);
            while (applied.find()) {
                assertThat(root.resolve(applied.group(1))).as("applied by " + command).exists();
            }
            Matcher rollout = Pattern.compile("rollout status deployment/(\\S+)").matcher(command);
            if (rollout.find()) {
                String appliedBefore = String.join("\n", commands.subList(0, commands.indexOf(command)));
                Matcher file = Pattern.compile("-f (\\S+)").matcher(appliedBefore);
                boolean found = false;
                while (file.find()) {
                    String manifest = Files.readString(root.resolve(file.group(1)));
                    found |= manifest.contains("kind: Deployment") && manifest.contains("name: " + rollout.group(1));
                }
                assertThat(found).as("a Deployment " + rollout.group(1) + " among the manifests applied").isTrue();
            }
        }
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    /** Starts the app with its management server on {@code port} and calls Jira once, so a connection exists. */
    private void callJiraOnce(ExampleApp.Builder builder, int port) throws Exception {
        ExampleApp app = start(builder.property("camel.management.port", Integer.toString(port))
                .routes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:read").to("jiraq:getProjects");
                    }
                }));
        app.template().requestBody("direct:read", (Object) null);
    }

    private static HttpResponse<String> management(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String tag(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">([^<]+)</" + name + ">").matcher(xml);
        assertThat(m.find()).as("<" + name + "> in " + xml).isTrue();
        return m.group(1).trim();
    }

    static Properties properties(String text) throws IOException {
        Properties props = new Properties();
        props.load(new StringReader(text));
        return props;
    }

    static Map<String, String> asMap(Properties props) {
        Map<String, String> map = new HashMap<>();
        props.stringPropertyNames().forEach(name -> map.put(name, props.getProperty(name).trim()));
        return map;
    }

    /** Camel's env: function, answering from the given variables (a test cannot set the process environment). */
    static final class EnvFunction extends NamedFunction {
        EnvFunction(Map<String, String> variables) {
            super("env", variables);
        }
    }

    /** A properties function answering from a map, standing in for one that reads the platform (secrets, env). */
    static class NamedFunction implements PropertiesFunction {

        private final String name;
        private final Map<String, String> values;

        NamedFunction(String name, Map<String, String> values) {
            this.name = name;
            this.values = values;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public String apply(String remainder) {
            String value = values.get(remainder);
            if (value == null) {
                throw new IllegalArgumentException("No " + name + " " + remainder + " in the test");
            }
            return value;
        }
    }
}
