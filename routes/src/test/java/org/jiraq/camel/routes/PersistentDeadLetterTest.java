package org.jiraq.camel.routes;

import java.nio.file.Path;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.jiraq.camel.JiraqComponent;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.JiraqDeployment;
import org.jiraq.camel.deadletter.DeadLetterHeaders;
import org.jiraq.camel.store.SharedDatabase;
import org.jiraq.simulator.JiraSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Without a store of its own, a sink keeps its dead letters in the component's database, across restarts. */
class PersistentDeadLetterTest {

    @TempDir
    Path dir;
    private final JiraSimulator sim = JiraSimulator.builder().start();

    @AfterEach
    void stop() {
        try {
            sim.assertNoContractViolations();
        } finally {
            sim.close();
        }
    }

    private CamelContext start() throws Exception {
        CamelContext context = new DefaultCamelContext();
        JiraqComponent jiraq = new JiraqComponent();
        jiraq.setStoreUrl(SharedDatabase.H2.createDatabase(dir));
        jiraq.getConfiguration().setBaseUrl(sim.baseUrl());
        jiraq.getConfiguration().setDeployment(JiraqDeployment.cloud);
        jiraq.getConfiguration().setUsername(JiraSimulator.DEFAULT_USER);
        jiraq.getConfiguration().setApiToken(JiraSimulator.DEFAULT_API_TOKEN);
        context.addComponent("jiraq", jiraq);
        context.addRoutes(new JiraqRouteTemplates());
        context.start();
        TemplatedRouteBuilder.builder(context, JiraqRouteTemplates.RESILIENT_SINK).routeId("tickets")
                .parameter("source", "direct:tickets").parameter("target", "jiraq:createIssue").add();
        TemplatedRouteBuilder.builder(context, JiraqRouteTemplates.DEAD_LETTER_REPLAY).routeId("tickets-replay")
                .parameter("sink", "tickets").parameter("trigger", "direct:replay").add();
        return context;
    }

    @Test
    void deadLetterOutlivesTheApplicationAndIsDeliveredByTheNextOne() throws Exception {
        try (CamelContext first = start()) {
            first.createProducerTemplate().sendBodyAndHeaders("direct:tickets", null, Map.of(
                    JiraqConstants.PROJECT_KEY, "LATER", JiraqConstants.ISSUE_TYPE_NAME, "Task",
                    JiraqConstants.SUMMARY, "Waits for its project"));
        }
        sim.state().addProject("LATER", "Made later");

        try (CamelContext second = start()) {
            var run = second.createProducerTemplate().request("direct:replay", e -> {
            });

            assertThat(run.getMessage().getHeader(DeadLetterHeaders.REPLAYED)).isEqualTo(1);
        }
        assertThat(sim.state().issues()).extracting(issue -> issue.summary()).containsExactly("Waits for its project");
    }
}
