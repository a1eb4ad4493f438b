package org.jiraq.camel.auth.oauth2;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Exchange;
import org.jiraq.camel.JiraqAuthorizationException;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.LogCapture;
import org.jiraq.camel.spi.OAuth2Grant;
import org.jiraq.simulator.JiraSimulator;
import org.jiraq.simulator.auth.AtlassianOAuth2;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** OAuth 2.0 (3LO) on Jira Cloud, end to end against the simulator's Atlassian authorization server and gateway. */
class OAuth2CloudTest extends OAuth2TestSupport {

    @Test
    void aUserConnectsOnTheConsentScreenAndCreateIssueThenCallsJiraThroughTheGateway() throws Exception {
        Exchange authorize = template.request("direct:connect", e -> {
        });
        URI consentScreen = URI.create(authorize.getMessage().getHeader("Location", String.class));
        assertThat(authorize.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(302);
        assertThat(consentScreen.toString()).startsWith(sim.baseUrl() + "/authorize?audience=api.atlassian.com&client_id="
                                                        + AtlassianOAuth2.CLIENT_ID
                                                        + "&scope=read%3Ajira-work%20write%3Ajira-work%20offline_access"
                                                        + "&redirect_uri=https%3A%2F%2Fapp.example.com%2Fjira%2Fcallback"
                                                        + "&state=")
                .endsWith("&response_type=code&prompt=consent");

        Exchange connected = connect("default");
        assertThat(connected.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(200);
        assertThat(connected.getMessage().getBody(String.class)).contains("connected to " + sim.baseUrl());

        Exchange created = createIssue(null);
        assertThat(created.getException()).isNull();
        String key = created.getMessage().getHeader(JiraqConstants.ISSUE_KEY, String.class);
        assertThat(sim.state().issue(key).reporter().email()).isEqualTo(JiraSimulator.DEFAULT_USER);
        assertThat(tokenStore().load("default").orElseThrow().cloudId()).isEqualTo(oauth.cloudId());
        assertThat(oauth.tokenRequests("authorization_code")).isEqualTo(1);
        assertThat(oauth.tokenRequests("refresh_token")).isZero();
        assertThat(oauth.refusedAccessTokens()).isZero();
    }

    @Test
    void theCallbackAcceptsOnlyAStateItIssuedOnceAndAnswers400Otherwise() throws Exception {
        Exchange authorize = template.request("direct:connect", e -> {
        });
        String location = authorize.getMessage().getHeader("Location", String.class);
        String state = location.replaceAll(".*[?&]state=([^&]+).*", "$1");

        assertThat(status(callback("code=forged&state=not-issued"))).isEqualTo(400);
        assertThat(status(callback("error=access_denied&state=" + state))).isEqualTo(400);
        Exchange firstUse = connect("default");
        assertThat(status(firstUse)).isEqualTo(200);
        assertThat(oauth.tokenRequests("authorization_code")).as("no code is traded for a state that fails").isEqualTo(1);
    }

    @Test
    void aStateIsSingleUse() throws Exception {
        Exchange authorize = template.request("direct:connect", e -> {
        });
        String state = authorize.getMessage().getHeader("Location", String.class).replaceAll(".*[?&]state=([^&]+).*", "$1");
        String cookie = cookieOf(authorize);

        assertThat(status(callback("code=any&state=" + state, cookie))).as("first use: the code is refused by the server")
                .isEqualTo(502);
        assertThat(status(callback("code=any&state=" + state, cookie))).as("second use").isEqualTo(400);
    }

    @Test
    void aStateCompletesOnlyInTheBrowserThatBeganTheConsent() throws Exception {
        Exchange authorize = template.request("direct:connect", e -> {
        });
        String setCookie = authorize.getMessage().getHeader("Set-Cookie", String.class);
        String state = authorize.getMessage().getHeader("Location", String.class).replaceAll(".*[?&]state=([^&]+).*", "$1");

        assertThat(setCookie).startsWith("jiraq_oauth2_consent=").contains("; Max-Age=600; Path=/jira/callback; HttpOnly;"
                                                                           + " SameSite=Lax; Secure");
        Exchange elsewhere = callback("code=any&state=" + state, "jiraq_oauth2_consent=another-browsers-secret");
        assertThat(status(elsewhere)).isEqualTo(400);
        assertThat(elsewhere.getMessage().getBody(String.class)).contains("opened in another browser");
        assertThat(status(callback("code=any&state=" + state))).as("no cookie at all").isEqualTo(400);
        assertThat(oauth.tokenRequests("authorization_code")).as("no code is traded without the browser").isZero();
    }

    @Test
    void aTokenJiraRefusesIsRefreshedOnceAndTheCallRepeated() throws Exception {
        connect("default");
        assertThat(createIssue(null).getException()).isNull();

        sim.clock().advance(Duration.ofMinutes(61));
        Exchange afterExpiry = createIssue(null);

        assertThat(afterExpiry.getException()).isNull();
        assertThat(oauth.refusedAccessTokens()).isEqualTo(1);
        assertThat(oauth.tokenRequests("refresh_token")).isEqualTo(1);
        assertThat(sim.state().issueCount()).isEqualTo(2);
    }

    @Test
    void aRevokedGrantFailsWithAReconnectErrorWithoutRetryStormUntilTheUserConnectsAgain() throws Exception {
        connect("default");
        assertThat(createIssue(null).getException()).isNull();
        oauth.revokeGrants();
        sim.clock().advance(Duration.ofMinutes(61));

        List<Exception> failures = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            failures.add(createIssue(null).getException());
        }

        assertThat(failures).allSatisfy(e -> assertThat(e).isInstanceOf(JiraqAuthorizationException.class)
                .hasMessageContaining("credentialId 'default'").hasMessageContaining("must reconnect"));
        assertThat(oauth.tokenRequests("refresh_token")).isEqualTo(1);
        assertThat(oauth.refusedAccessTokens()).as("only the first call reached Jira").isEqualTo(1);
        assertThat(tokenStore().load("default").orElseThrow().reconnectRequired()).isTrue();

        connect("default");
        assertThat(createIssue(null).getException()).isNull();
    }

    @Test
    void theCredentialIdHeaderPicksTheGrantOfEachExchange() throws Exception {
        oauth.consentAs("bob@example.com");
        connect("bob");
        oauth.consentAs(JiraSimulator.DEFAULT_USER);
        connect("alice");

        String bobsIssue = createIssue("bob").getMessage().getHeader(JiraqConstants.ISSUE_KEY, String.class);
        String alicesIssue = createIssue("alice").getMessage().getHeader(JiraqConstants.ISSUE_KEY, String.class);
        Exception nobody = createIssue(null).getException();

        assertThat(sim.state().issue(bobsIssue).reporter().email()).isEqualTo("bob@example.com");
        assertThat(sim.state().issue(alicesIssue).reporter().email()).isEqualTo(JiraSimulator.DEFAULT_USER);
        assertThat(nobody).isInstanceOf(JiraqAuthorizationException.class)
                .hasMessageContaining("No OAuth 2.0 grant is stored for credentialId 'default'");
    }

    @Test
    void noTokenOrSecretIsStoredInClearTextOrLogged() throws Exception {
        List<String> messages = new ArrayList<>();
        String logs;
        try (LogCapture capture = LogCapture.start()) {
            connect("default");
            createIssue(null);
            sim.clock().advance(Duration.ofMinutes(61));
            createIssue(null);
            oauth.revokeGrants();
            sim.clock().advance(Duration.ofMinutes(61));
            messages.add(String.valueOf(createIssue(null).getException()));
            messages.add(String.valueOf(createIssue("nobody").getException()));
            logs = capture.text();
        }

        List<String> secrets = new ArrayList<>(oauth.issuedSecrets());
        secrets.add(AtlassianOAuth2.CLIENT_SECRET);
        assertThat(secrets).hasSizeGreaterThan(5);
        String rows = rawRows();
        assertThat(rows).contains("default");
        for (String secret : secrets) {
            assertThat(logs).as("log output").doesNotContain(secret);
            assertThat(String.join("\n", messages)).as("error messages").doesNotContain(secret);
            assertThat(rows).as("the store's rows").doesNotContain(secret);
        }
    }

    private String rawRows() throws Exception {
        StringBuilder rows = new StringBuilder();
        // the same URL form as the store (see JiraqStore.interruptSafe): H2 locks a file per form it was opened by
        try (Connection c = DriverManager.getConnection("jdbc:h2:retry:" + storeDir.resolve("jiraq"), "", "");
             Statement s = c.createStatement()) {
            for (String table : List.of("jiraq_oauth_grant", "jiraq_oauth_state")) {
                try (ResultSet row = s.executeQuery("SELECT * FROM " + table)) {
                    while (row.next()) {
                        for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                            rows.append(row.getObject(i)).append('|');
                        }
                        rows.append('\n');
                    }
                }
            }
        }
        return rows.toString();
    }
}
