package org.jiraq.samples;

import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jiraq.simulator.JiraSimulator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The running sample serves its health and metrics over HTTP on Camel Main's management server. */
class SampleObservabilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void healthShowsTheJiraConnectionUpWithoutSecretsAndMetricsTimeEveryJiraCall() throws Exception {
        try (SampleRun run = SampleRun.start(SampleEnv.simulatorDemo(), false)) {
            run.demo();
            String connection = "producer:jiraq-localhost:" + run.simulator().port();

            HttpResponse<String> health = Observation.get(
                    run.managementUrl().resolve("/observe/health?exposureLevel=full&data=true"));
            assertThat(health.statusCode()).isEqualTo(200);
            JsonNode jiraCheck = check(JSON.readTree(health.body()), connection);
            assertThat(jiraCheck.path("status").asText()).isEqualTo("UP");
            assertThat(jiraCheck.path("data").path("site").asText()).isEqualTo(run.simulator().baseUrl());
            assertThat(jiraCheck.path("data").path("auth.strategy").asText()).isEqualTo("apiToken");
            assertThat(health.body()).doesNotContain(JiraSimulator.DEFAULT_API_TOKEN);

            String metrics = Observation.get(run.managementUrl().resolve("/observe/metrics")).body();
            assertThat(metrics).containsPattern(
                    "jiraq_requests_seconds_count\\{[^}]*operation=\"createIssue\"[^}]*status=\"201\"[^}]*} 1");

            Observation observed = Observation.fetch(run.managementUrl());
            assertThat(observed.health()).isEqualTo("UP");
            assertThat(observed.jiraChecks()).containsExactly(connection + " UP");
            assertThat(observed.jiraqRequests()).as("every request the simulator received was timed")
                    .isEqualTo(run.simulator().requests(null, "/rest/").size());
        }
    }

    @Test
    void healthTurnsDownWhenJiraStopsAnswering() throws Exception {
        try (SampleRun run = SampleRun.start(SampleEnv.simulatorDemo(), false)) {
            run.demo();
            String connection = "producer:jiraq-localhost:" + run.simulator().port();
            run.simulator().close();

            HttpResponse<String> health = Observation.get(run.managementUrl().resolve("/observe/health"));

            assertThat(health.statusCode()).isEqualTo(503);
            JsonNode body = JSON.readTree(health.body());
            assertThat(body.path("status").asText()).isEqualTo("DOWN");
            assertThat(check(body, connection).path("status").asText()).isEqualTo("DOWN");
        }
    }

    private static JsonNode check(JsonNode health, String name) {
        for (JsonNode check : health.path("checks")) {
            if (name.equals(check.path("name").asText())) {
                return check;
            }
        }
        throw new AssertionError("No health check " + name + " in " + health);
    }
}
