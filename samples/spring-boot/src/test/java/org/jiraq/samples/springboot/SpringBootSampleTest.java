package org.jiraq.samples.springboot;

import com.fasterxml.jackson.databind.JsonNode;
import org.jiraq.simulator.JiraSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spring Boot sample as it starts for a user, on the simulator: the demo route runs on start and prints what it
 * did, and the actuator's /actuator/health, read over HTTP, shows the Jira connection UP.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SpringBootSampleTest {

    private static JiraSimulator jira;

    @DynamicPropertySource
    static void jira(DynamicPropertyRegistry registry) {
        jira = JiraSimulator.builder().flavour(JiraSimulator.Flavour.CLOUD).start();
        registry.add("camel.component.jiraq.base-url", jira::baseUrl);
        registry.add("camel.component.jiraq.deployment", () -> "cloud");
        registry.add("camel.component.jiraq.username", () -> JiraSimulator.DEFAULT_USER);
        registry.add("camel.component.jiraq.api-token", () -> JiraSimulator.DEFAULT_API_TOKEN);
        registry.add("camel.component.jiraq.store-url", () -> "jdbc:h2:file:./target/jiraq-store/sample");
    }

    @AfterAll
    static void stopJira() {
        jira.close();
    }

    @Autowired
    TestRestTemplate http;

    @Test
    void theDemoRunsOnStartAndTheActuatorShowsTheJiraConnection(CapturedOutput output) {
        assertThat(output.getOut()).contains("Created issue DEMO-1")
                .contains("Search \"key = DEMO-1\" found 1 issue(s); DEMO-1 is In Progress")
                .containsPattern("Health: UP \\(producer:jiraq-localhost:" + jira.port() + " UP\\)");

        JsonNode health = http.getForObject("/actuator/health", JsonNode.class);
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/camelHealth/details/producer:jiraq-localhost:" + jira.port()).asText())
                .isEqualTo("UP");
        assertThat(health.at("/components/camelHealth/details/producer:jiraq-localhost:" + jira.port() + ".data/deployment")
                .asText()).isEqualTo("cloud");
        jira.assertNoContractViolations();
    }
}
