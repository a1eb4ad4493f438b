package org.jiraq.camel.auth.oauth2;

import java.net.URI;
import java.time.Duration;

import org.apache.camel.Exchange;
import org.jiraq.camel.JiraqComponent;
import org.jiraq.camel.JiraqConfiguration;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.JiraqHttpException;
import org.jiraq.camel.LogCapture;
import org.jiraq.camel.spi.OAuth2Grant;
import org.jiraq.simulator.JiraSimulator;
import org.jiraq.simulator.RecordedRequest;
import org.jiraq.simulator.auth.AtlassianOAuth2;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OAuth 2.0 authorization code with PKCE on Jira Data Center, end to end against the simulator's Data Center provider
 * ({@code /rest/oauth2/latest/...}): the same connect processors, READ/WRITE scopes (checked by the site on every
 * call), calls straight to the site, and refresh tokens that rotate with no reuse leeway.
 */
class OAuth2DataCenterTest extends OAuth2TestSupport {

    @Override
    protected JiraSimulator.Flavour flavour() {
        return JiraSimulator.Flavour.DATA_CENTER;
    }

    @Override
    protected JiraSimulator.Builder simulator() {
        oauth.checkScopes(); // each call needs READ, WRITE or ADMIN
        return super.simulator();
    }

    @Override
    protected void configure(JiraqConfiguration config) {
        super.configure(config);
        // Data Center's provider is the site: the default authorization and token URLs point there
        config.setAuthorizationUrl(JiraqConfiguration.DEFAULT_AUTHORIZATION_URL);
        config.setTokenUrl(null);
        config.setScopes("READ WRITE");
    }

    @Test
    void aUserConnectsWithPkceAndCreateIssueCallsTheSiteWithTheGrant() throws Exception {
        Exchange authorize = template.request("direct:connect", e -> {
        });
        URI consentScreen = URI.create(authorize.getMessage().getHeader("Location", String.class));
        assertThat(consentScreen.toString()).startsWith(sim.baseUrl() + AtlassianOAuth2.DATA_CENTER_AUTHORIZE_PATH
                                                        + "?client_id=" + AtlassianOAuth2.CLIENT_ID + "&scope=READ%20WRITE&")
                .contains("&code_challenge=").endsWith("&code_challenge_method=S256")
                .doesNotContain("offline_access").doesNotContain("audience");

        Exchange connected = connect("default");

        assertThat(status(connected)).isEqualTo(200);
        Exchange created = createIssue(null);
        assertThat(created.getException()).isNull();
        RecordedRequest exchange = sim.requests("POST", AtlassianOAuth2.DATA_CENTER_TOKEN_PATH).get(0);
        assertThat(exchange.body()).contains("grant_type=authorization_code").contains("code_verifier=");
        assertThat(sim.requests("POST", "/rest/api/2/issue").get(0).headers().get("Authorization").get(0))
                .startsWith("Bearer sim-oauth2-at-");
        OAuth2Grant grant = tokenStore().load("default").orElseThrow();
        assertThat(grant.refreshToken()).as("Data Center issues one without offline_access").isNotNull();
        assertThat(grant.cloudId()).as("no gateway, no cloudId").isNull();
    }

    @Test
    void anExpiredTokenIsRefreshedOnceWithTheRotatedRefreshTokenStored() throws Exception {
        connect("default");
        String firstRefreshToken = tokenStore().load("default").orElseThrow().refreshToken();

        sim.clock().advance(Duration.ofMinutes(61));
        assertThat(createIssue(null).getException()).isNull();
        sim.clock().advance(Duration.ofMinutes(61));
        assertThat(createIssue(null).getException()).isNull();

        assertThat(oauth.tokenRequests("refresh_token")).isEqualTo(2);
        assertThat(tokenStore().load("default").orElseThrow().refreshToken()).isNotEqualTo(firstRefreshToken);
        assertThat(sim.state().issueCount()).isEqualTo(2);
    }

    @Test
    void aReadOnlyGrantMakesAWritingEndpointWarnNamingDataCentersWriteScope() throws Exception {
        context.getComponent("jiraq", JiraqComponent.class).getConfiguration().setScopes("READ");
        connect("default");

        try (LogCapture log = LogCapture.start()) {
            template.request("jiraq:getIssue", e -> e.getMessage().setBody("DEMO-1"));
            template.request("jiraq:deleteIssue?deleteSubtasks=true",
                    e -> e.getMessage().setHeader(JiraqConstants.ISSUE_KEY, "DEMO-1"));

            assertThat(log.text()).contains("Endpoint jiraq://deleteIssue?deleteSubtasks=true will be refused by Jira:"
                                            + " the OAuth 2.0 grant of credentialId 'default' lacks scope WRITE")
                    .doesNotContain("Endpoint jiraq://getIssue will be refused");
        }
    }

    @Test
    void aCallRefusedForDataCentersWriteScopeSaysSoAndReadingWorks() throws Exception {
        context.getComponent("jiraq", JiraqComponent.class).getConfiguration().setScopes("READ");
        connect("default");

        Exchange deleted = template.request("jiraq:deleteIssue?deleteSubtasks=true",
                e -> e.getMessage().setHeader(JiraqConstants.ISSUE_KEY, "DEMO-1"));
        Exchange found = template.request("jiraq:searchIssues", e -> e.getMessage().setBody("project = DEMO"));

        assertThat(deleted.getException()).isInstanceOf(JiraqHttpException.class)
                .hasMessageContaining("it needs WRITE")
                .hasMessageContaining("the OAuth 2.0 grant of credentialId 'default' lacks scope WRITE, which"
                                      + " deleteIssue needs; it holds READ");
        assertThat(((JiraqHttpException) deleted.getException()).getStatusCode()).isEqualTo(403);
        assertThat(found.getException()).as("a search, even a POST, only reads").isNull();
    }

    @Test
    void aCodeWithoutItsVerifierIsRefused() throws Exception {
        Exchange authorize = template.request("direct:connect", e -> {
        });
        URI consentScreen = URI.create(authorize.getMessage().getHeader("Location", String.class)
                .replaceAll("code_challenge=[^&]+", "code_challenge=" + "A".repeat(43)));
        java.net.http.HttpResponse<Void> consented = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(consentScreen).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());

        Exchange callback = callback(URI.create(consented.headers().firstValue("Location").orElseThrow()).getRawQuery(),
                cookieOf(authorize));

        assertThat(status(callback)).as("a code bound to another challenge").isEqualTo(502);
        assertThat(tokenStore().load("default")).isEmpty();
    }
}
