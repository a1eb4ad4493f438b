package org.jiraq.samples.quarkus;

import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * The demo route on Camel Quarkus 3.31 (JVM mode, Camel 4.17), options from application.properties and the
 * environment, against the simulator; /q/health/ready then reports the producer checks (the Jira connection's among
 * them) UP. The application has no Quartz (camel-quartz is optional in the component and Camel Quarkus' BOM strips
 * Quartz from it) and starts.
 */
@QuarkusTest
@QuarkusTestResource(value = SimulatedJira.class, restrictToAnnotatedClass = true)
class QuarkusSampleTest {

    @Inject
    CamelContext camel;
    @Inject
    ProducerTemplate producer;

    @Test
    void theDemoRouteRunsOnJiraAndHealthShowsTheConnection() {
        Exchange done = producer.request("direct:demo", exchange -> {
        });

        assertThat(done.getException()).isNull();
        String key = done.getMessage().getHeader("CamelJiraqIssueKey", String.class);
        assertThat(key).startsWith("DEMO-");
        List<?> found = done.getMessage().getBody(List.class);
        assertThat(found).singleElement().satisfies(issue -> assertThat(((Map<?, ?>) issue).get("key")).isEqualTo(key));
        assertThat(camel.getName()).isEqualTo("jiraq-quarkus-sample");

        // Camel Quarkus shows each health repository as one check (camel-producers holds the Jira connection's);
        // the connection's own check, with its details, is in Camel's registry
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'camel-producers' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'context' }.data.'context.version'", startsWith("4.17."));
        String id = "producer:jiraq-localhost:" + SimulatedJira.port();
        HealthCheck.Result jira = HealthCheckRegistry.get(camel).getCheck(id).orElseThrow().call();
        assertThat(jira.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(jira.getDetails()).containsEntry("deployment", "cloud");
    }
}
