package org.jiraq.camel.polling;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.health.DefaultHealthCheckRegistry;
import org.jiraq.camel.JiraqComponent;
import org.jiraq.camel.JiraqConfiguration;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.JiraqDeployment;
import org.jiraq.simulator.JiraSimulator;
import org.jiraq.simulator.SimulatorClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * jiraq:issues against a simulator whose search index can run behind: every change is delivered once, in order of
 * its update, even when search shows it late and the application restarts in between (positions in the component's
 * store, an H2 file reopened by the restarted application).
 */
class IssuesPollingTest {

    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

    /** A change as the route saw it: issue key and when it was updated. */
    private record Change(String key, Instant updated) {
    }

    private final JiraSimulator sim = JiraSimulator.builder().clock(SimulatorClock.fixedAt(T0)).start();
    private final List<Change> changes = new CopyOnWriteArrayList<>();
    @TempDir
    private Path directory;
    private CamelContext context;

    @AfterEach
    void stop() {
        stopApp();
        sim.close();
    }

    private void stopApp() {
        if (context != null) {
            context.stop();
        }
    }

    private CamelContext start(String uri) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        JiraqComponent jiraq = new JiraqComponent();
        JiraqConfiguration config = jiraq.getConfiguration();
        config.setBaseUrl(sim.baseUrl());
        config.setDeployment(JiraqDeployment.cloud);
        config.setUsername(JiraSimulator.DEFAULT_USER);
        config.setApiToken(JiraSimulator.DEFAULT_API_TOKEN);
        config.setMaxRetries(0);
        // the default position store: the component's database, here an H2 file that outlives each application
        jiraq.setStoreUrl("jdbc:h2:file:" + directory.resolve("jiraq"));
        camel.addComponent("jiraq", jiraq);
        HealthCheckRegistry health = new DefaultHealthCheckRegistry();
        health.setCamelContext(camel);
        health.register(health.resolveById("consumers"));
        camel.getCamelContextExtension().addContextPlugin(HealthCheckRegistry.class, health);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("poll").process(exchange -> changes.add(new Change(
                        exchange.getMessage().getHeader(JiraqConstants.ISSUE_KEY, String.class),
                        exchange.getMessage().getHeader(JiraqConstants.ISSUE_UPDATED, Instant.class))));
            }
        });
        camel.start();
        return camel;
    }

    private static final String POLL = "jiraq:issues?jql=RAW(project = DEMO)&lookback=300000&delay=50";

    @Test
    void everyChangeArrivesOnceAcrossARestartWhileSearchShowsChangesLate() throws Exception {
        sim.state().createIssue("DEMO", "Task", "First");
        context = start(POLL);
        await().atMost(Duration.ofSeconds(5)).until(() -> changes.size() == 1);

        sim.state().searchLag(Duration.ofMinutes(2));
        sim.clock().advance(Duration.ofMinutes(1));
        sim.state().updateSummary("DEMO-1", "First, edited"); // updated at T0+1m, searchable only from T0+3m
        sim.state().searchLag(Duration.ZERO);
        sim.clock().advance(Duration.ofMinutes(1));
        sim.state().createIssue("DEMO", "Task", "Second"); // updated at T0+2m, searchable at once
        sim.state().createIssue("OPS", "Task", "Not polled");
        await().atMost(Duration.ofSeconds(5)).until(() -> changes.size() == 2);

        stopApp();
        sim.clock().advance(Duration.ofMinutes(2)); // the late edit of DEMO-1 is searchable now
        context = start(POLL);
        await().atMost(Duration.ofSeconds(5)).until(() -> changes.size() == 3);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> changes.size() == 3);

        assertThat(changes).containsExactly(
                new Change("DEMO-1", T0),
                new Change("DEMO-2", T0.plus(Duration.ofMinutes(2))),
                new Change("DEMO-1", T0.plus(Duration.ofMinutes(1))));
        sim.assertNoContractViolations();
    }

    @Test
    void failedPollTurnsTheConsumerHealthCheckDown() throws Exception {
        sim.wireMock().stubFor(WireMock.post(WireMock.urlPathEqualTo("/rest/api/3/search/jql")).atPriority(1)
                .willReturn(WireMock.aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"errorMessages\":[\"Client must be authenticated to access this resource.\"],"
                                  + "\"errors\":{}}")));
        context = start(POLL);
        CamelContext camel = context;

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            HealthCheck.Result result = HealthCheckHelper.invokeReadiness(camel).stream()
                    .filter(r -> r.getCheck().getId().equals("consumer:poll")).findFirst().orElseThrow();
            assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(result.getDetails()).containsEntry(HealthCheck.HTTP_RESPONSE_CODE, 401);
        });
        assertThat(changes).isEmpty();
    }
}
