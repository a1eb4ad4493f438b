package org.jiraq.camel.routes;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.WebhookApp;
import org.jiraq.simulator.JiraSimulator;
import org.jiraq.simulator.auth.AtlassianOAuth2;
import org.jiraq.simulator.auth.ConsentBrowser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jiraq-oauth2-connect Kamelet, loaded from the classpath as Camel K loads it, with its connection as Kamelet
 * properties only (the jiraq component has no OAuth options): a browser connects on Cloud and on Data Center, the
 * Kamelet emits the connected account as JSON (its declared output), and a jiraq endpoint with the same credentialId
 * then calls Jira with the stored grant.
 */
class OAuth2ConnectKameletTest {

    private static final ObjectMapper JSON = new ObjectMapper();

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
    void cloudAccountConnectsThroughTheKameletAndItsGrantIsUsed() throws Exception {
        sim = JiraSimulator.builder().feature(oauth).start();
        String connection = "jiraUrl=" + sim.baseUrl() + "&deployment=cloud&clientId=" + AtlassianOAuth2.CLIENT_ID
                            + "&clientSecret=RAW(" + AtlassianOAuth2.CLIENT_SECRET + ")&scopes=RAW(read:jira-work write:jira-work)"
                            + "&redirectUri=" + WebhookApp.url(port, "/connect/jira/callback") + "&credentialId=alice"
                            + "&authorizationUrl=" + sim.baseUrl() + "/authorize&tokenUrl=" + sim.baseUrl() + "/oauth/token"
                            + "&apiGatewayUrl=" + sim.baseUrl();
        start("kamelet:jiraq-oauth2-connect?path=/connect/jira&" + connection);

        HttpResponse<String> page = ConsentBrowser.approve(URI.create(WebhookApp.url(port, "/connect/jira/connect")));

        assertThat(page.body()).contains("Your Jira account is connected to " + sim.baseUrl());
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        MockEndpoint connected = app.context().getEndpoint("mock:connected", MockEndpoint.class);
        connected.expectedHeaderReceived(JiraqConstants.CREDENTIAL_ID, "alice");
        connected.expectedHeaderReceived(Exchange.CONTENT_TYPE, "application/json");
        connected.expectedMessageCount(1); // the account, not every answer of the Kamelet
        connected.assertIsSatisfied(5000);
        String announced = connected.getReceivedExchanges().get(0).getMessage().getBody(String.class);
        JsonNode account = JSON.readTree(announced);
        assertThat(account.path("credentialId").asText()).isEqualTo("alice");
        assertThat(account.path("siteUrl").asText()).isEqualTo(sim.baseUrl());
        assertThat(account.path("cloudId").asText()).isEqualTo(oauth.cloudId());
        assertThat(account.path("scopes").asText()).contains("read:jira-work");
        assertThat(oauth.issuedSecrets()).noneMatch(announced::contains);
        assertThat(connected.getReceivedExchanges().get(0).getMessage().getHeaders()).doesNotContainKey("Set-Cookie");
        String sameGrant = "jiraq:createIssue?baseUrl=" + sim.baseUrl() + "&deployment=cloud&authStrategy=oauth2&clientId="
                           + AtlassianOAuth2.CLIENT_ID + "&clientSecret=RAW(" + AtlassianOAuth2.CLIENT_SECRET
                           + ")&credentialId=alice&tokenUrl=" + sim.baseUrl() + "/oauth/token&apiGatewayUrl=" + sim.baseUrl();
        assertThat(createIssue(sameGrant).getException()).isNull();
        assertThat(oauth.tokenRequests("authorization_code")).isEqualTo(1);
    }

    @Test
    void dataCenterAccountConnectsWithPkceThroughTheKamelet() throws Exception {
        sim = JiraSimulator.builder().flavour(JiraSimulator.Flavour.DATA_CENTER).feature(oauth).start();
        start("kamelet:jiraq-oauth2-connect?jiraUrl=" + sim.baseUrl() + "&deployment=datacenter&clientId="
              + AtlassianOAuth2.CLIENT_ID + "&clientSecret=RAW(" + AtlassianOAuth2.CLIENT_SECRET + ")&scopes=RAW(READ WRITE)"
              + "&redirectUri=" + WebhookApp.url(port, "/jira/callback"));

        HttpResponse<String> page = ConsentBrowser.approve(URI.create(WebhookApp.url(port, "/jira/connect")));

        assertThat(page.body()).contains("Your Jira account is connected");
        assertThat(sim.requests("GET", AtlassianOAuth2.DATA_CENTER_AUTHORIZE_PATH).get(0).query())
                .containsKey("code_challenge");
        MockEndpoint connected = app.context().getEndpoint("mock:connected", MockEndpoint.class);
        connected.expectedMessageCount(1);
        connected.assertIsSatisfied(5000);
        JsonNode account = JSON.readTree(connected.getReceivedExchanges().get(0).getMessage().getBody(String.class));
        assertThat(account.path("credentialId").asText()).isEqualTo("default");
        assertThat(account.path("scopes").asText()).isEqualTo("READ WRITE");
        assertThat(createIssue("jiraq:createIssue?baseUrl=" + sim.baseUrl() + "&deployment=datacenter"
                               + "&authStrategy=oauth2&clientId=" + AtlassianOAuth2.CLIENT_ID + "&clientSecret=RAW("
                               + AtlassianOAuth2.CLIENT_SECRET + ")").getException()).isNull();
    }

    private void start(String kamelet) throws Exception {
        app = WebhookApp.start(sim, port, "jdbc:h2:file:" + store.resolve("jiraq"), new RouteBuilder() {
            @Override
            public void configure() {
                from(kamelet).to("mock:connected");
            }
        });
    }

    private Exchange createIssue(String endpoint) {
        return app.template().request(endpoint, e -> {
            e.getMessage().setHeader(JiraqConstants.PROJECT_KEY, "DEMO");
            e.getMessage().setHeader(JiraqConstants.ISSUE_TYPE_NAME, "Task");
            e.getMessage().setHeader(JiraqConstants.SUMMARY, "Connected through the Kamelet");
        });
    }
}
