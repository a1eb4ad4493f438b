package org.jiraq.samples;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import org.jiraq.simulator.AtlassianOAuth2;
import org.jiraq.simulator.ConsentBrowser;
import org.jiraq.simulator.JiraSimulator;
import org.jiraq.simulator.OAuth1Provider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The README's sample command, run in-process: both DSLs against the embedded simulator, and each way the guides'
 * JIRA_* variables connect it to a Jira (here a simulator on its URL): API token, PAT, OAuth 1.0a, and OAuth 2.0 as a
 * service account, with a refresh token, or by connecting the user at the consent screen.
 */
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
    void oauth2ServiceAccountConnectsWithClientIdAndSecretWhenAskedFor(@TempDir Path store) throws Exception {
        AtlassianOAuth2 oauth = new AtlassianOAuth2();
        try (JiraSimulator jira = JiraSimulator.builder().flavour(JiraSimulator.Flavour.CLOUD).feature(oauth).start()) {
            Map<String, String> env = new HashMap<>(oauth2Env(jira, store));
            env.put("JIRA_OAUTH2_GRANT", "client_credentials");

            DemoResult result = SampleApplication.run(env, false);

            assertThat(result.simulated()).isFalse();
            assertThat(result.foundStatus()).isEqualTo("In Progress");
            assertThat(oauth.tokenRequests("client_credentials")).isEqualTo(1);
        }
    }

    @Test
    void oauth2WithoutRefreshTokenConnectsTheUserAtTheConsentScreenThenRunsTheDemo(@TempDir Path store)
            throws Exception {
        AtlassianOAuth2 oauth = new AtlassianOAuth2().interactiveConsent().checkScopes();
        try (JiraSimulator jira = JiraSimulator.builder().flavour(JiraSimulator.Flavour.CLOUD).feature(oauth).start()) {
            Map<String, String> env = new HashMap<>(oauth2Env(jira, store));
            env.put("JIRA_OAUTH_AUTHORIZATION_URL", jira.baseUrl() + "/authorize");
            env.put("SAMPLE_HTTP_PORT", Integer.toString(SampleEnv.freePort()));

            try (SampleRun run = SampleRun.start(env, false)) {
                assertThat(run.connectUrl()).hasToString("http://localhost:" + env.get("SAMPLE_HTTP_PORT") + "/jira/connect");
                HttpResponse<String> page = ConsentBrowser.approve(run.connectUrl());
                assertThat(page.body()).contains("Your Jira account is connected");
                run.awaitConnected(Duration.ofSeconds(10));

                DemoResult result = run.demo();

                assertThat(result.foundStatus()).isEqualTo("In Progress");
            }
            assertThat(oauth.tokenRequests("authorization_code")).isEqualTo(1);
            assertThat(oauth.tokenRequests("client_credentials")).as("no silent fallback").isZero();
        }
    }

    @Test
    void oauth2OnDataCenterConnectsTheUserWithPkceThenRunsTheDemo(@TempDir Path store) throws Exception {
        AtlassianOAuth2 oauth = new AtlassianOAuth2().interactiveConsent();
        try (JiraSimulator jira = JiraSimulator.builder().flavour(JiraSimulator.Flavour.DATA_CENTER).feature(oauth)
                .start()) {
            Map<String, String> env = new HashMap<>(SampleEnv.simulatorDemo());
            env.putAll(Map.of("JIRA_BASE_URL", jira.baseUrl(), "JIRA_DEPLOYMENT", "datacenter",
                    "JIRA_AUTH_METHOD", "oauth2", "JIRA_CLIENT_ID", AtlassianOAuth2.CLIENT_ID,
                    "JIRA_CLIENT_SECRET", AtlassianOAuth2.CLIENT_SECRET, "SAMPLE_HTTP_PORT",
                    Integer.toString(SampleEnv.freePort()),
                    "JIRA_STORE_URL", "jdbc:h2:file:" + store.resolve("jiraq") + ";MODE=PostgreSQL"));

            try (SampleRun run = SampleRun.start(env, false)) {
                assertThat(ConsentBrowser.approve(run.connectUrl()).body()).contains("Your Jira account is connected");
                run.awaitConnected(Duration.ofSeconds(10));

                assertThat(run.demo().foundStatus()).isEqualTo("In Progress");
            }
            assertThat(jira.requests("GET", AtlassianOAuth2.DATA_CENTER_AUTHORIZE_PATH).get(0).query())
                    .containsKey("code_challenge").containsEntry("scope", java.util.List.of("READ WRITE"));
        }
    }

    @Test
    void oauth2WithARefreshTokenRunsTheDemoAsThatUser(@TempDir Path store) throws Exception {
        AtlassianOAuth2 oauth = new AtlassianOAuth2();
        try (JiraSimulator jira = JiraSimulator.builder().flavour(JiraSimulator.Flavour.CLOUD).feature(oauth).start()) {
            Map<String, String> env = new HashMap<>(oauth2Env(jira, store));
            env.put("JIRA_REFRESH_TOKEN", SampleEnv.refreshToken(jira));

            DemoResult result = SampleApplication.run(env, false);

            assertThat(result.foundStatus()).isEqualTo("In Progress");
            assertThat(oauth.tokenRequests("refresh_token")).isEqualTo(1);
        }
    }

    @Test
    void patRunsTheDemoOnDataCenter() throws Exception {
        try (JiraSimulator jira = JiraSimulator.builder().flavour(JiraSimulator.Flavour.DATA_CENTER).start()) {
            Map<String, String> env = new HashMap<>(SampleEnv.simulatorDemo());
            env.putAll(Map.of("JIRA_BASE_URL", jira.baseUrl(), "JIRA_DEPLOYMENT", "datacenter",
                    "JIRA_AUTH_METHOD", "pat", "JIRA_PAT", JiraSimulator.DEFAULT_PAT));

            DemoResult result = SampleApplication.run(env, false);

            assertThat(result.foundStatus()).isEqualTo("In Progress");
        }
    }

    @Test
    void apiTokenRunsTheDemoOnARealSiteUrl() throws Exception {
        try (JiraSimulator jira = JiraSimulator.builder().flavour(JiraSimulator.Flavour.CLOUD).start()) {
            Map<String, String> env = new HashMap<>(SampleEnv.simulatorDemo());
            env.putAll(Map.of("JIRA_BASE_URL", jira.baseUrl(), "JIRA_DEPLOYMENT", "cloud",
                    "JIRA_API_USER_EMAIL", JiraSimulator.DEFAULT_USER, "JIRA_API_TOKEN", JiraSimulator.DEFAULT_API_TOKEN));

            DemoResult result = SampleApplication.run(env, false);

            assertThat(result.simulated()).isFalse();
            assertThat(result.foundStatus()).isEqualTo("In Progress");
        }
    }

    @Test
    void oauth1RunsTheDemoThroughAnApplicationLink(@TempDir Path dir) throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        Path pem = dir.resolve("consumer.pem");
        Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        try (JiraSimulator jira = JiraSimulator.builder().flavour(JiraSimulator.Flavour.DATA_CENTER)
                .feature(new OAuth1Provider().consumer("sample", keys.getPublic())
                        .accessToken("sample-access-token", "sample", JiraSimulator.DEFAULT_USER)).start()) {
            Map<String, String> env = new HashMap<>(SampleEnv.simulatorDemo());
            env.putAll(Map.of("JIRA_BASE_URL", jira.baseUrl(), "JIRA_DEPLOYMENT", "datacenter",
                    "JIRA_AUTH_METHOD", "oauth1", "JIRA_CONSUMER_KEY", "sample", "JIRA_PRIVATE_KEY_PATH", pem.toString(),
                    "JIRA_ACCESS_TOKEN", "sample-access-token"));

            DemoResult result = SampleApplication.run(env, false);

            assertThat(result.foundStatus()).isEqualTo("In Progress");
        }
    }

    private static Map<String, String> oauth2Env(JiraSimulator jira, Path store) {
        Map<String, String> env = new HashMap<>(SampleEnv.simulatorDemo());
        env.putAll(Map.of("JIRA_BASE_URL", jira.baseUrl(), "JIRA_DEPLOYMENT", "cloud", "JIRA_AUTH_METHOD", "oauth2",
                "JIRA_CLIENT_ID", AtlassianOAuth2.CLIENT_ID, "JIRA_CLIENT_SECRET", AtlassianOAuth2.CLIENT_SECRET,
                "JIRA_OAUTH_TOKEN_URL", jira.baseUrl() + "/oauth/token", "JIRA_API_GATEWAY_URL", jira.baseUrl(),
                "JIRA_STORE_URL", "jdbc:h2:file:" + store.resolve("jiraq") + ";MODE=PostgreSQL"));
        return env;
    }

    @Test
    void environmentVariablesBecomeComponentOptions() {
        assertThat(JiraConnection.properties(Map.of("JIRA_BASE_URL", "https://jira.acme.internal", "JIRA_AUTH_METHOD", "pat",
                "JIRA_PAT", "p")))
                .containsEntry("camel.component.jiraq.authStrategy", "pat")
                .containsEntry("camel.component.jiraq.personalAccessToken", "p");
        assertThatThrownBy(() -> JiraConnection.properties(Map.of("JIRA_BASE_URL", "https://acme.atlassian.net")))
                .hasMessage("JIRA_API_USER_EMAIL must be set when JIRA_AUTH_METHOD=api_token");
        Map<String, String> oauth2 = Map.of("JIRA_BASE_URL", "https://acme.atlassian.net", "JIRA_AUTH_METHOD", "oauth2",
                "JIRA_CLIENT_ID", "id", "JIRA_CLIENT_SECRET", "secret");
        assertThat(JiraConnection.connectMode(oauth2)).isTrue();
        assertThat(JiraConnection.properties(oauth2)).containsEntry("camel.component.jiraq.grantType", "authorizationCode")
                .containsEntry("camel.component.jiraq.scopes", "read:jira-work write:jira-work");
        assertThatThrownBy(() -> JiraConnection.properties(Map.of("JIRA_BASE_URL", "https://acme.atlassian.net",
                "JIRA_AUTH_METHOD", "oauth2", "JIRA_CLIENT_ID", "id", "JIRA_CLIENT_SECRET", "s", "JIRA_OAUTH2_GRANT", "implicit")))
                .hasMessageStartingWith("JIRA_OAUTH2_GRANT=implicit is not supported");
    }
}
