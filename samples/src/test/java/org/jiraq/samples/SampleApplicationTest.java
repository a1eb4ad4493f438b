package org.jiraq.samples;

import java.nio.file.Path;
import java.util.Map;

import org.jiraq.simulator.AtlassianOAuth2;
import org.jiraq.simulator.JiraSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void oauth2ServiceAccountConnectsWithClientIdAndSecret(@TempDir Path store) throws Exception {
        AtlassianOAuth2 oauth = new AtlassianOAuth2();
        try (JiraSimulator jira = JiraSimulator.builder().flavour(JiraSimulator.Flavour.CLOUD).feature(oauth).start()) {
            DemoResult result = SampleApplication.run(Map.of(
                    "JIRA_BASE_URL", jira.baseUrl(), "JIRA_DEPLOYMENT", "cloud", "JIRA_AUTH_METHOD", "oauth2",
                    "JIRA_CLIENT_ID", AtlassianOAuth2.CLIENT_ID, "JIRA_CLIENT_SECRET", AtlassianOAuth2.CLIENT_SECRET,
                    "JIRA_OAUTH_TOKEN_URL", jira.baseUrl() + "/oauth/token", "JIRA_API_GATEWAY_URL", jira.baseUrl(),
                    "JIRA_STORE_URL", "jdbc:h2:file:" + store.resolve("jiraq") + ";MODE=PostgreSQL"), false);

            assertThat(result.simulated()).isFalse();
            assertThat(result.foundStatus()).isEqualTo("In Progress");
            assertThat(oauth.tokenRequests("client_credentials")).isEqualTo(1);
        }
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
