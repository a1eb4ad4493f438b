package org.jiraq.samples;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The README's sample command, run in-process: both DSLs against the embedded simulator. */
class SampleApplicationTest {

    @Test
    void javaDslDemoCreatesCommentsMovesAndFindsTheIssue() throws Exception {
        DemoResult result = SampleApplication.run(SampleEnv.simulatorDemo(), false);

        assertThat(result.simulated()).isTrue();
        assertThat(result.issueKey()).matches("DEMO-\\d+");
        assertThat(result.commentId()).isNotBlank();
        assertThat(result.found()).hasSize(1);
        assertThat(result.foundStatus()).isEqualTo("In Progress");
        assertThat(result.describe()).contains("Created issue " + result.issueKey());
    }

    @Test
    void yamlDslDemoDoesTheSame() throws Exception {
        DemoResult result = SampleApplication.run(SampleEnv.simulatorDemo(), true);

        assertThat(result.dsl()).isEqualTo("YAML");
        assertThat(result.foundStatus()).isEqualTo("In Progress");
    }

    @Test
    void environmentVariablesBecomeComponentOptions() {
        assertThat(JiraConnection.properties(Map.of("JIRA_BASE_URL", "https://jira.acme.internal", "JIRA_AUTH_METHOD", "pat",
                "JIRA_PAT", "p")))
                .containsEntry("camel.component.jiraq.authStrategy", "pat")
                .containsEntry("camel.component.jiraq.personalAccessToken", "p");
        assertThatThrownBy(() -> JiraConnection.properties(Map.of("JIRA_BASE_URL", "https://acme.atlassian.net")))
                .hasMessage("JIRA_API_USER_EMAIL must be set when JIRA_AUTH_METHOD=api_token");
    }
}
