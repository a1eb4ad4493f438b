package org.jiraq.camel.springboot;

import org.jiraq.simulator.JiraSimulator;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A Jira Cloud simulator for each application a test class starts; its URL is the only option set outside
 * application.properties.
 */
abstract class SimulatedJira {

    static JiraSimulator jira;

    @DynamicPropertySource
    static void jira(DynamicPropertyRegistry registry) {
        jira = JiraSimulator.builder().flavour(JiraSimulator.Flavour.CLOUD).start();
        registry.add("camel.component.jiraq.base-url", jira::baseUrl);
    }

    @AfterAll
    static void stopJira() {
        jira.close();
    }
}
