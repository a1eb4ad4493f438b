package org.jiraq.camel.routes;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.apache.camel.Exchange;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.jiraq.camel.JiraqConfiguration;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.WebhookApp;
import org.jiraq.camel.auth.oauth2.OAuth2TestSupport;
import org.jiraq.simulator.JiraSimulator;
import org.jiraq.simulator.auth.AtlassianOAuth2;
import org.jiraq.simulator.auth.ConsentBrowser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jiraq-oauth2-connect route template over real HTTP: a browser (the test, playing the user) opens /connect, gives
 * consent on the simulator's consent screen and lands on /callback; the grant is then used by jiraq endpoints.
 */
class OAuth2ConnectRoutesTest {

    private static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @TempDir
    Path store;
    private final int port = WebhookApp.freePort();
    private final AtlassianOAuth2 oauth = new AtlassianOAuth2().interactiveConsent();
    private JiraSimulator sim;
    private WebhookApp app;

    @AfterEach
    void stop() {
        WebhookApp.stop(app, sim);
    }

    @Test
    void cloudUserConnectsThroughTheConsentScreenAndTheGrantIsUsed() throws Exception {
        start(JiraSimulator.Flavour.CLOUD, "acme-user");
        MockEndpoint connected = app.context().getEndpoint("mock:connected", MockEndpoint.class);
        connected.expectedHeaderReceived(JiraqConstants.CREDENTIAL_ID, "acme-user");

        HttpResponse<String> page = ConsentBrowser.approve(URI.create(WebhookApp.url(port, "/jira/connect")));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Your Jira account is connected to " + sim.baseUrl());
        connected.assertIsSatisfied(5000);
        assertThat(connected.getReceivedExchanges().get(0).getMessage().getBody(String.class))
                .contains("\"credentialId\":\"acme-user\"").contains("\"siteUrl\":\"" + sim.baseUrl() + "\"");
        Exchange created = app.template().request("jiraq:createIssue?credentialId=acme-user", e -> {
            e.getMessage().setHeader(JiraqConstants.PROJECT_KEY, "DEMO");
            e.getMessage().setHeader(JiraqConstants.ISSUE_TYPE_NAME, "Task");
            e.getMessage().setHeader(JiraqConstants.SUMMARY, "Connected through the ready route");
        });
        assertThat(created.getException()).isNull();
        assertThat(sim.state().issue(created.getMessage().getHeader(JiraqConstants.ISSUE_KEY, String.class)).reporter()
                .email()).isEqualTo(JiraSimulator.DEFAULT_USER);
        assertThat(oauth.tokenRequests("authorization_code")).isEqualTo(1);
    }

    @Test
    void theConnectRedirectAsksForOfflineAccessAndACallbackReplayIsRefused() throws Exception {
        start(JiraSimulator.Flavour.CLOUD, null);

        ConsentBrowser browser = new ConsentBrowser();
        HttpResponse<String> connect = browser.open(URI.create(WebhookApp.url(port, "/jira/connect")));

        assertThat(connect.statusCode()).isEqualTo(302);
        String consentUrl = connect.headers().firstValue("Location").orElseThrow();
        assertThat(consentUrl).startsWith(sim.baseUrl() + "/authorize?").contains("offline_access")
                .contains("redirect_uri=" + java.net.URLEncoder.encode(WebhookApp.url(port, "/jira/callback"),
                        java.nio.charset.StandardCharsets.UTF_8));
        HttpResponse<String> first = browser.approveAt(URI.create(consentUrl));
        assertThat(first.statusCode()).isEqualTo(200);
        HttpResponse<String> replay = browser.open(first.uri());
        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(replay.body()).contains("was already used");
        HttpResponse<String> elsewhere = BROWSER.send(HttpRequest.newBuilder(URI.create(WebhookApp.url(port,
                "/jira/elsewhere"))).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(elsewhere.statusCode()).isEqualTo(404);
    }

    @Test
    void dataCenterUserConnectsWithPkceThroughTheSitesConsentScreen() throws Exception {
        start(JiraSimulator.Flavour.DATA_CENTER, null);

        HttpResponse<String> page = ConsentBrowser.approve(URI.create(WebhookApp.url(port, "/jira/connect")));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Your Jira account is connected");
        assertThat(sim.requests("GET", AtlassianOAuth2.DATA_CENTER_AUTHORIZE_PATH).get(0).query())
                .containsEntry("code_challenge_method", java.util.List.of("S256")).containsKey("code_challenge");
        Exchange created = app.template().request("jiraq:createIssue", e -> {
            e.getMessage().setHeader(JiraqConstants.PROJECT_KEY, "DEMO");
            e.getMessage().setHeader(JiraqConstants.ISSUE_TYPE_NAME, "Task");
            e.getMessage().setHeader(JiraqConstants.SUMMARY, "Connected on Data Center");
        });
        assertThat(created.getException()).isNull();
    }

    @Test
    void withoutOfflineAccessTheConsentAsksForNoRefreshToken() throws Exception {
        sim = JiraSimulator.builder().feature(oauth).start();
        app = WebhookApp.start(sim, port, "jdbc:h2:file:" + store.resolve("jiraq"), this::oauth2,
                new OAuth2ConnectRoutes());
        TemplatedRouteBuilder.builder(app.context(), OAuth2ConnectRoutes.OAUTH2_CONNECT)
                .parameter("offlineAccess", "false").add();

        HttpResponse<String> connect = BROWSER.send(HttpRequest.newBuilder(URI.create(WebhookApp.url(port,
                "/jira/connect"))).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(connect.headers().firstValue("Location").orElseThrow()).doesNotContain("offline_access");
    }

    @Test
    void deniedConsentConnectsNothing() throws Exception {
        start(JiraSimulator.Flavour.CLOUD, null);

        HttpResponse<String> page = ConsentBrowser.deny(URI.create(WebhookApp.url(port, "/jira/connect")));

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("Jira access was not granted (access_denied)");
        assertThat(oauth.tokenRequests("authorization_code")).isZero();
    }

    private void start(JiraSimulator.Flavour flavour, String credentialId) throws Exception {
        sim = JiraSimulator.builder().flavour(flavour).feature(oauth).start();
        app = WebhookApp.start(sim, port, "jdbc:h2:file:" + store.resolve("jiraq"), this::oauth2,
                new OAuth2ConnectRoutes());
        TemplatedRouteBuilder route = TemplatedRouteBuilder.builder(app.context(), OAuth2ConnectRoutes.OAUTH2_CONNECT)
                .parameter("connected", "mock:connected");
        if (credentialId != null) {
            route.parameter("credentialId", credentialId);
        }
        route.add();
    }

    /**
     * The app registered with the simulator's authorization server (on Data Center the site's own provider, at the
     * default URLs), its callback served by the template.
     */
    private void oauth2(JiraqConfiguration config) {
        OAuth2TestSupport.oauth2(config, sim);
        config.setRedirectUri(WebhookApp.url(port, "/jira/callback"));
        if (sim.flavour() == JiraSimulator.Flavour.DATA_CENTER) {
            config.setAuthorizationUrl(JiraqConfiguration.DEFAULT_AUTHORIZATION_URL);
            config.setTokenUrl(null);
            config.setScopes("READ WRITE");
        }
    }
}
