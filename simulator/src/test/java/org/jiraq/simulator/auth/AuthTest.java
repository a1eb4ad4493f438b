package org.jiraq.simulator.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.jiraq.simulator.BothFlavoursTestSupport;
import org.jiraq.simulator.JiraHttp;
import org.jiraq.simulator.JiraSimulator;
import org.jiraq.simulator.Site;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AuthTest extends BothFlavoursTestSupport {

    private static final String UNAUTHENTICATED = "{\"errorMessages\":[\"Client must be authenticated to access "
            + "this resource.\"],\"errors\":{}}";

    @ParameterizedTest
    @EnumSource(JiraSimulator.Flavour.class)
    void basicAuthWithTheDefaultCredentialsIsAccepted(JiraSimulator.Flavour flavour) {
        Site site = sites.get(flavour);

        JiraHttp.Reply reply = JiraHttp.basic(site.sim, JiraSimulator.DEFAULT_USER, JiraSimulator.DEFAULT_API_TOKEN)
                .get(site.root + "/myself");

        assertThat(reply.status()).isEqualTo(200);
    }

    @ParameterizedTest
    @EnumSource(JiraSimulator.Flavour.class)
    void wrongTokenAnswers401WithJiraMessageAndChallenge(JiraSimulator.Flavour flavour) {
        Site site = sites.get(flavour);

        JiraHttp.Reply reply = JiraHttp.basic(site.sim, JiraSimulator.DEFAULT_USER, "wrong").get(site.root + "/myself");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().toString()).isEqualTo(UNAUTHENTICATED);
        assertThat(reply.header("WWW-Authenticate")).startsWith("OAuth realm=");
        assertThat(reply.header("X-AREQUESTID")).isNotBlank();
    }

    @ParameterizedTest
    @EnumSource(JiraSimulator.Flavour.class)
    void missingCredentialsAnswer401(JiraSimulator.Flavour flavour) {
        Site site = sites.get(flavour);

        JiraHttp.Reply reply = JiraHttp.anonymous(site.sim).get(site.root + "/issue/DEMO-1");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().toString()).isEqualTo(UNAUTHENTICATED);
    }

    @Test
    void dataCenterAcceptsAPersonalAccessToken() {
        Site site = sites.get(JiraSimulator.Flavour.DATA_CENTER);

        JiraHttp.Reply reply = JiraHttp.bearer(site.sim, JiraSimulator.DEFAULT_PAT).get(site.root + "/myself");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("name").asText()).isEqualTo("alice");
        assertThat(JiraHttp.bearer(site.sim, "not-a-token").get(site.root + "/myself").status()).isEqualTo(401);
    }

    @Test
    void cloudRefusesBearerTokensItDidNotIssue() {
        Site site = sites.get(JiraSimulator.Flavour.CLOUD);

        JiraHttp.Reply reply = JiraHttp.bearer(site.sim, JiraSimulator.DEFAULT_PAT).get(site.root + "/myself");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().toString()).isEqualTo(UNAUTHENTICATED);
    }

    @Test
    void dataCenterAcceptsTheUsernameAsLogin() {
        Site site = sites.get(JiraSimulator.Flavour.DATA_CENTER);

        assertThat(JiraHttp.basic(site.sim, "alice", JiraSimulator.DEFAULT_API_TOKEN).get(site.root + "/myself")
                .status()).isEqualTo(200);
    }

    @Test
    void cloudNamesTheCallerInXAAccountId() {
        Site site = sites.get(JiraSimulator.Flavour.CLOUD);

        JiraHttp.Reply reply = site.http.get(site.root + "/myself");

        assertThat(reply.header("X-AAccountId")).isEqualTo(reply.json().path("accountId").asText());
    }

    @Test
    void configuredUsersAndTokensAreAcceptedBesideTheDefaults() {
        try (JiraSimulator sim = JiraSimulator.builder().flavour(JiraSimulator.Flavour.DATA_CENTER)
                .user("bob@example.com", "bobs-password").personalAccessToken("another-pat").start()) {

            assertThat(JiraHttp.basic(sim, "bob@example.com", "bobs-password").get("/rest/api/2/myself").json()
                    .path("displayName").asText()).isEqualTo("Bob");
            assertThat(JiraHttp.bearer(sim, "another-pat").get("/rest/api/2/myself").status()).isEqualTo(200);
            assertThat(JiraHttp.defaultUser(sim).get("/rest/api/2/myself").status()).isEqualTo(200);
        }
    }
}
