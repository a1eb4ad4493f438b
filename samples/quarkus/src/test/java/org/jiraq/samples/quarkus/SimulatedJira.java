package org.jiraq.samples.quarkus;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.jiraq.simulator.JiraSimulator;

/** A Jira Cloud simulator for the application under test; the connection options point the component at it. */
public class SimulatedJira implements QuarkusTestResourceLifecycleManager {

    private static JiraSimulator jira;

    static int port() {
        return jira.port();
    }

    @Override
    public Map<String, String> start() {
        jira = JiraSimulator.builder().flavour(JiraSimulator.Flavour.CLOUD).start();
        return Map.of(
                "camel.component.jiraq.base-url", jira.baseUrl(),
                "camel.component.jiraq.deployment", "cloud",
                "camel.component.jiraq.username", JiraSimulator.DEFAULT_USER,
                "camel.component.jiraq.api-token", JiraSimulator.DEFAULT_API_TOKEN,
                "camel.component.jiraq.store-url", "jdbc:h2:file:./target/jiraq-store/quarkus-sample");
    }

    @Override
    public void stop() {
        jira.close();
    }
}
