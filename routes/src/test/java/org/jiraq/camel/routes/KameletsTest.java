package org.jiraq.camel.routes;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.jiraq.camel.JiraqComponent;
import org.jiraq.camel.JiraqConfiguration;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.JiraqDeployment;
import org.jiraq.camel.WebhookApp;
import org.jiraq.simulator.JiraSimulator;
import org.jiraq.simulator.model.Issue;
import org.jiraq.simulator.model.ProjectComponent;
import org.jiraq.simulator.model.SimulatorUser;
import org.jiraq.simulator.privacy.PersonalDataReporting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Kamelets in src/main/resources/kamelets, loaded from the classpath by camel-kamelet and the YAML DSL as Camel K
 * loads them, each run against the simulator with its credentials as Kamelet properties.
 */
class KameletsTest {

    private static final String SECRET = "kamelet webhook secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private final PersonalDataReporting reporting = new PersonalDataReporting();
    private final JiraSimulator sim = JiraSimulator.builder().feature(reporting).start();
    private CamelContext context;
    private WebhookApp app;

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
        if (app != null) {
            app.close();
        }
        try {
            sim.assertNoContractViolations();
        } finally {
            sim.close();
        }
    }

    /** The connection as a Camel K user writes it: Kamelet properties, the token a secret. */
    private String connection() {
        return "jiraUrl=" + sim.baseUrl() + "&deployment=cloud&username=" + JiraSimulator.DEFAULT_USER + "&apiToken=RAW("
               + JiraSimulator.DEFAULT_API_TOKEN + ")";
    }

    private ProducerTemplate sink(String kamelet, String properties) throws Exception {
        context = newContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to("kamelet:" + kamelet + "?" + connection() + properties);
            }
        });
        context.start();
        return context.createProducerTemplate();
    }

    /** A context whose jiraq component keeps its store (polling positions) in the test's directory. */
    private CamelContext newContext() {
        CamelContext camel = new DefaultCamelContext();
        JiraqComponent jiraq = new JiraqComponent();
        jiraq.setStoreUrl("jdbc:h2:file:" + dir.resolve("jiraq"));
        camel.addComponent("jiraq", jiraq);
        return camel;
    }

    @Test
    void createIssueSinkCreatesTheIssueFromSummaryHeaderAndBody() throws Exception {
        ProducerTemplate template = sink("jiraq-create-issue-sink", "&projectKey=DEMO");

        Exchange done = template.request("direct:in", exchange -> {
            exchange.getMessage().setHeader("summary", "Printer on fire");
            exchange.getMessage().setBody("It **really** is on fire");
        });

        assertThat(done.getException()).isNull();
        Issue created = sim.state().issue(done.getMessage().getHeader(JiraqConstants.ISSUE_KEY, String.class));
        assertThat(created.summary()).isEqualTo("Printer on fire");
        assertThat(created.issueType().name()).isEqualTo("Task");
        assertThat(created.description().toString()).contains("really");
    }

    @Test
    void createIssueSinkReadsCloudEventHeadersAndApachesPropertyNames() throws Exception {
        SimulatorUser bob = sim.state().addUser("bob@example.com");
        sim.state().addComponent("OPS", "Printers");
        context = newContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // Apache's jira-add-issue-sink properties: jiraUrl, username, password
                from("direct:in").to("kamelet:jiraq-create-issue-sink?jiraUrl=" + sim.baseUrl() + "&deployment=cloud"
                                     + "&username=" + JiraSimulator.DEFAULT_USER + "&password=RAW("
                                     + JiraSimulator.DEFAULT_API_TOKEN + ")");
            }
        });
        context.start();

        Exchange done = context.createProducerTemplate().request("direct:in", exchange -> {
            exchange.getMessage().setHeader("ce-projectKey", "OPS");
            exchange.getMessage().setHeader("ce-issueTypeName", "Bug");
            exchange.getMessage().setHeader("ce-issueSummary", "Printer on fire");
            exchange.getMessage().setHeader("ce-issuePriorityName", "High");
            exchange.getMessage().setHeader("ce-issueAssignee", bob.accountId());
            exchange.getMessage().setHeader("ce-issueComponents", "Printers");
            exchange.getMessage().setHeader("ce-issueDescription", "Smoke on floor 3");
            exchange.getMessage().setHeader("dueDate", "2026-12-24");
        });

        assertThat(done.getException()).isNull();
        Issue created = sim.state().issue(done.getMessage().getHeader(JiraqConstants.ISSUE_KEY, String.class));
        assertThat(created.project().key()).isEqualTo("OPS");
        assertThat(created.issueType().name()).isEqualTo("Bug");
        assertThat(created.summary()).isEqualTo("Printer on fire");
        assertThat(created.priority().name()).isEqualTo("High");
        assertThat(created.assignee()).isEqualTo(bob);
        assertThat(created.components()).extracting(ProjectComponent::name).containsExactly("Printers");
        assertThat(created.description().toString()).contains("Smoke on floor 3");
        assertThat(created.dueDate()).hasToString("2026-12-24");
    }

    @Test
    void createIssueSinkWithoutASummaryNamesTheKameletsOwnInputs() throws Exception {
        ProducerTemplate template = sink("jiraq-create-issue-sink", "&projectKey=DEMO");

        Exchange done = template.request("direct:in", exchange -> exchange.getMessage().setBody("No summary given"));

        assertThat(done.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("jiraq-create-issue-sink needs summary: set header summary or issueSummary or ce-issueSummary"
                            + " or CamelJiraIssueSummary");
        assertThat(sim.state().issueCount()).isZero();
    }

    @Test
    void updateIssueSinkChangesTheFieldsOfTheIssueInHeaderIssueKey() throws Exception {
        Issue issue = sim.state().createIssue("DEMO", "Task", "Old summary");
        ProducerTemplate template = sink("jiraq-update-issue-sink", "");

        Exchange done = template.request("direct:in", exchange -> {
            exchange.getMessage().setHeader("issueKey", issue.key());
            exchange.getMessage().setBody("{\"fields\":{\"summary\":\"New summary\",\"labels\":[\"kamelet\"]}}");
        });

        assertThat(done.getException()).isNull();
        assertThat(sim.state().issue(issue.key()).summary()).isEqualTo("New summary");
        assertThat(sim.state().issue(issue.key()).labels()).containsExactly("kamelet");
    }

    @Test
    void requestSinkCallsTheGivenRestPathWithTheBody() throws Exception {
        Issue issue = sim.state().createIssue("DEMO", "Task", "Summary via request");
        ProducerTemplate template = sink("jiraq-request-sink", "&httpMethod=PUT&path=/rest/api/3/issue/" + issue.key());

        Exchange done = template.request("direct:in",
                exchange -> exchange.getMessage().setBody("{\"fields\":{\"summary\":\"Changed by the request sink\"}}"));

        assertThat(done.getException()).isNull();
        assertThat(sim.state().issue(issue.key()).summary()).isEqualTo("Changed by the request sink");
        assertThat(done.getMessage().getHeader(JiraqConstants.HTTP_STATUS, Integer.class)).isEqualTo(204);
    }

    @Test
    void addCommentSinkAddsTheBodyAsAComment() throws Exception {
        Issue issue = sim.state().createIssue("DEMO", "Task", "Needs a comment");
        ProducerTemplate template = sink("jiraq-add-comment-sink", "");

        Exchange done = template.request("direct:in", exchange -> {
            exchange.getMessage().setHeader("issueKey", issue.key());
            exchange.getMessage().setBody("Looked at it");
        });

        assertThat(done.getException()).isNull();
        assertThat(sim.state().comments(issue.key())).hasSize(1);
        assertThat(done.getMessage().getHeader(JiraqConstants.COMMENT_ID, String.class)).isNotBlank();
    }

    @Test
    void transitionIssueSinkMovesTheIssueByTheTransitionInItsHeaderElseItsProperty() throws Exception {
        Issue first = sim.state().createIssue("DEMO", "Task", "To be done");
        Issue second = sim.state().createIssue("DEMO", "Task", "To be started");
        ProducerTemplate template = sink("jiraq-transition-issue-sink", "&transition=Done");

        Exchange byProperty = template.request("direct:in",
                exchange -> exchange.getMessage().setHeader("issueKey", first.key()));
        Exchange byHeader = template.request("direct:in", exchange -> exchange.getMessage().setHeaders(
                Map.of("issueKey", second.key(), "transition", "In Progress")));

        assertThat(byProperty.getException()).isNull();
        assertThat(byHeader.getException()).isNull();
        assertThat(sim.state().issue(first.key()).status().name()).isEqualTo("Done");
        assertThat(sim.state().issue(second.key()).status().name()).isEqualTo("In Progress");
    }

    @Test
    void issuesSourceDeliversEachChangedIssueAsJsonText() throws Exception {
        context = newContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("kamelet:jiraq-issues-source?" + connection() + "&jql=RAW(project = DEMO)&delay=50")
                        .to("mock:issues");
            }
        });
        context.start();
        MockEndpoint issues = context.getEndpoint("mock:issues", MockEndpoint.class);

        sim.state().createIssue("DEMO", "Task", "First");
        sim.state().createIssue("OPS", "Task", "Not watched");
        sim.state().createIssue("DEMO", "Task", "Second");

        await().atMost(Duration.ofSeconds(10)).until(() -> issues.getReceivedCounter() == 2);
        assertThat(issues.getReceivedExchanges()).map(e -> e.getMessage().getHeader(JiraqConstants.ISSUE_KEY))
                .containsExactly("DEMO-1", "DEMO-2");
        String json = issues.getReceivedExchanges().get(0).getMessage().getBody(String.class);
        assertThat(JSON.readTree(json).path("fields").path("summary").asText()).isEqualTo("First");
    }

    @Test
    void webhookSourceNeedsNoJiraUrlAndDeliversASignedEventAsJsonText() throws Exception {
        int port = WebhookApp.freePort();
        app = WebhookApp.start(sim, port, dir, new RouteBuilder() {
            @Override
            public void configure() {
                from("kamelet:jiraq-webhook-source?webhookVerification=hmac&webhookSecret=RAW(" + SECRET + ")")
                        .to("mock:events");
            }
        });
        byte[] event = ("{\"timestamp\":1,\"webhookEvent\":\"jira:issue_created\",\"issue\":{\"id\":\"10000\","
                        + "\"key\":\"DEMO-1\",\"fields\":{\"project\":{\"key\":\"DEMO\"}}}}").getBytes(StandardCharsets.UTF_8);
        String url = WebhookApp.url(port, "/jiraq/webhook"); // the component's default path

        var unsigned = WebhookApp.post(url, event, Map.of("X-Atlassian-Webhook-Identifier", "k-1"));
        var signed = WebhookApp.post(url, event, Map.of("X-Hub-Signature", "sha256=" + WebhookApp.hmac(SECRET, event),
                "X-Atlassian-Webhook-Identifier", "k-2"));

        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(signed.statusCode()).isBetween(200, 299);
        MockEndpoint events = app.context().getEndpoint("mock:events", MockEndpoint.class);
        // answered once stored; the inbox hands the event to the route right after
        await().atMost(Duration.ofSeconds(10)).until(() -> events.getReceivedCounter() == 1);
        assertThat(events.getReceivedExchanges().get(0).getMessage().getHeader(JiraqConstants.ISSUE_KEY))
                .isEqualTo("DEMO-1");
        assertThat(JSON.readTree(events.getReceivedExchanges().get(0).getMessage().getBody(String.class))
                .path("webhookEvent").asText()).isEqualTo("jira:issue_created");
    }

    @Test
    void gdprSourceDeliversTheAccountsAtlassianReportsClosedOrUpdated() throws Exception {
        context = newContext();
        // the GDPR source uses the component's connection (camel.component.jiraq.*), the simulator as the gateway
        JiraqComponent jiraq = context.getComponent("jiraq", JiraqComponent.class);
        JiraqConfiguration config = jiraq.getConfiguration();
        config.setBaseUrl(sim.baseUrl());
        config.setDeployment(JiraqDeployment.cloud);
        config.setUsername(JiraSimulator.DEFAULT_USER);
        config.setApiToken(JiraSimulator.DEFAULT_API_TOKEN);
        config.setApiGatewayUrl(sim.baseUrl());
        for (String account : List.of("acct-closed", "acct-updated", "acct-unchanged")) {
            jiraq.getAccountRegistry().record(account, Instant.parse("2026-01-01T00:00:00Z"));
        }
        reporting.closed("acct-closed").updated(Instant.now(), "acct-updated");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("kamelet:jiraq-gdpr-source?cron=*+*+*+*+*+?").to("mock:accounts");
            }
        });
        context.start();
        MockEndpoint accounts = context.getEndpoint("mock:accounts", MockEndpoint.class);

        await().atMost(Duration.ofSeconds(15)).until(() -> accounts.getReceivedCounter() == 2);
        assertThat(accounts.getReceivedExchanges())
                .map(e -> e.getMessage().getBody(String.class) + "=" + e.getMessage().getHeader(JiraqConstants.ACCOUNT_STATUS))
                .containsExactlyInAnyOrder("acct-closed=closed", "acct-updated=updated");
    }
}
