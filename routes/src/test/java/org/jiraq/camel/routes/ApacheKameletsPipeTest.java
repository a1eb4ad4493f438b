package org.jiraq.camel.routes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.jiraq.camel.JiraqComponent;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.simulator.Issue;
import org.jiraq.simulator.JiraSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Pipes written for Apache's Jira Kamelets, in the form of Apache's templates/pipes/core (with Apache's timer-source and
 * insert-header-action from its catalog), run against ours after one change: the Jira Kamelet's name, as the table in
 * the component documentation maps it. The site is a Data Center simulator, the kind Apache's Kamelets were written
 * for (user name and password).
 */
class ApacheKameletsPipeTest {

    /** Apache's Jira Kamelet → ours, as the component documentation's table says. */
    static final Map<String, String> OURS = Map.of(
            "jira-source", "jiraq-issues-source",
            "jira-add-issue-sink", "jiraq-create-issue-sink",
            "jira-update-issue-sink", "jiraq-update-issue-sink",
            "jira-add-comment-sink", "jiraq-add-comment-sink",
            "jira-transition-issue-sink", "jiraq-transition-issue-sink");

    private static final String PASSWORD = "dc-password";

    @TempDir
    Path dir;
    private final JiraSimulator sim = JiraSimulator.builder().flavour(JiraSimulator.Flavour.DATA_CENTER)
            .user("bot@acme.com", PASSWORD).start();
    private final CamelContext context = new DefaultCamelContext();

    @AfterEach
    void stop() {
        context.stop();
        try {
            sim.assertNoContractViolations();
        } finally {
            sim.close();
        }
    }

    private void run(String pipe, Map<String, String> properties) throws Exception {
        run(pipe, properties, UnaryOperator.identity());
    }

    /** Loads the Pipe with our Jira Kamelet's name (and {@code edit}) and starts it, its properties pointing here. */
    private void run(String pipe, Map<String, String> properties, UnaryOperator<String> edit) throws Exception {
        JiraqComponent jiraq = new JiraqComponent();
        jiraq.setStoreUrl("jdbc:h2:file:" + dir.resolve("jiraq"));
        context.addComponent("jiraq", jiraq);
        Properties values = new Properties();
        values.putAll(properties);
        values.put("jira.url", sim.baseUrl());
        values.put("jira.username", "bot");
        values.put("jira.password", PASSWORD);
        context.getPropertiesComponent().setInitialProperties(values);
        String yaml = edit.apply(ours(read("pipes/" + pipe)));
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString(pipe, yaml));
        context.start();
    }

    /** The one change a user makes: the Jira Kamelet's name. */
    static String ours(String pipe) {
        String text = pipe;
        for (Map.Entry<String, String> name : OURS.entrySet()) {
            text = text.replace("kamelet:" + name.getKey() + "\"", "kamelet:" + name.getValue() + "\"");
        }
        return text;
    }

    @Test
    void anAddIssuePipeCreatesTheIssueWithItsTypeSummaryPriorityAndAssignee() throws Exception {
        sim.state().addUser("bob@acme.com");

        run("jira-add-issue-sink-pipe.yaml", Map.of("jira.project.key", "OPS",
                "jira.issue.summary", "Printer on fire", "jira.issue.description", "Smoke seen on floor 3",
                "jira.issue.assignee", "bob"));

        await().atMost(Duration.ofSeconds(15)).until(() -> sim.state().issueCount() == 1);
        Issue issue = sim.state().issues().get(0);
        assertThat(issue.project().key()).isEqualTo("OPS");
        assertThat(issue.issueType().name()).isEqualTo("Bug");
        assertThat(issue.summary()).isEqualTo("Printer on fire");
        assertThat(issue.priority().name()).isEqualTo("High");
        assertThat(issue.assignee().username()).isEqualTo("bob");
        assertThat(issue.description().asText()).isEqualTo("Smoke seen on floor 3");
    }

    @Test
    void aJiraSourcePipeDeliversTheIssuesAsJsonText() throws Exception {
        sim.state().createIssue("OPS", "Task", "Watched");

        run("jira-source-pipe.yaml", Map.of("jira.jql", "project = OPS"),
                yaml -> yaml.replace("uri: \"log:info\"", "uri: \"mock:issues\""));
        MockEndpoint issues = context.getEndpoint("mock:issues", MockEndpoint.class);

        await().atMost(Duration.ofSeconds(15)).until(() -> issues.getReceivedCounter() == 1);
        String json = issues.getReceivedExchanges().get(0).getMessage().getBody(String.class);
        assertThat(new ObjectMapper().readTree(json).path("fields").path("summary").asText()).isEqualTo("Watched");
        assertThat(issues.getReceivedExchanges().get(0).getMessage().getHeader(JiraqConstants.ISSUE_KEY))
                .isEqualTo("OPS-1");
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = ApacheKameletsPipeTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
