package org.jiraq.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The interactive consent screen on both flavours, played by a browser over HTTP, and Jira Data Center's OAuth 2.0
 * provider: PKCE, READ/WRITE scopes, refresh tokens that rotate with no leeway.
 */
class ConsentAndPkceTest {

    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicReference<String> callbackQuery = new AtomicReference<>();
    private final HttpServer app = startApp();
    private final String redirectUri = "http://localhost:" + app.getAddress().getPort() + "/callback";
    private final AtlassianOAuth2 oauth = new AtlassianOAuth2().interactiveConsent();
    private JiraSimulator sim;

    @AfterEach
    void stop() {
        app.stop(0);
        if (sim != null) {
            sim.assertNoContractViolations();
            sim.close();
        }
    }

    @Test
    void dataCenterConsentWithPkceGivesRotatingTokensThatWorkOnTheSite() throws Exception {
        sim = JiraSimulator.builder().flavour(JiraSimulator.Flavour.DATA_CENTER).feature(oauth).start();

        HttpResponse<String> page = ConsentBrowser.approve(authorizeUrl("READ WRITE", "S256", challenge(VERIFIER)));

        assertThat(page.body()).isEqualTo("connected");
        Map<String, String> query = AtlassianOAuth2.formParameters(callbackQuery.get());
        assertThat(query).containsEntry("state", "st-1");
        assertThat(token("grant_type=authorization_code&code=" + query.get("code") + "&code_verifier=wrong"
                + "&redirect_uri=" + encode(redirectUri)).statusCode()).as("a wrong verifier").isEqualTo(400);

        String code = codeAfterConsent("READ WRITE", "S256", challenge(VERIFIER));
        HttpResponse<String> answer = token("grant_type=authorization_code&code=" + code + "&code_verifier=" + VERIFIER
                + "&redirect_uri=" + encode(redirectUri));
        JsonNode tokens = JiraHttp.MAPPER.readTree(answer.body());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(tokens.path("scope").asText()).isEqualTo("READ WRITE");
        assertThat(tokens.path("refresh_token").asText()).as("no offline_access needed").startsWith("sim-oauth2-rt-");
        String firstAccess = tokens.path("access_token").asText();
        assertThat(JiraHttp.bearer(sim, firstAccess).get("/rest/api/2/myself").status()).isEqualTo(200);

        JsonNode rotated = JiraHttp.MAPPER.readTree(refresh(tokens.path("refresh_token").asText()).body());
        assertThat(rotated.path("refresh_token").asText()).isNotEqualTo(tokens.path("refresh_token").asText());
        assertThat(refresh(tokens.path("refresh_token").asText()).statusCode()).as("no reuse leeway").isEqualTo(403);
        assertThat(JiraHttp.bearer(sim, firstAccess).get("/rest/api/2/myself").status())
                .as("the refresh ended the previous access token").isEqualTo(401);
    }

    @Test
    void dataCenterWithPlainPkceOrWithoutPkceWorksTooButUnknownScopesAreRefused() throws Exception {
        sim = JiraSimulator.builder().flavour(JiraSimulator.Flavour.DATA_CENTER).feature(oauth).start();

        String plain = codeAfterConsent("READ", "plain", VERIFIER);
        assertThat(token("grant_type=authorization_code&code=" + plain + "&code_verifier=" + VERIFIER
                + "&redirect_uri=" + encode(redirectUri)).statusCode()).isEqualTo(200);
        String noPkce = codeAfterConsent("READ", null, null);
        assertThat(token("grant_type=authorization_code&code=" + noPkce + "&redirect_uri=" + encode(redirectUri))
                .statusCode()).isEqualTo(200);
        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(authorizeUrl("read:jira-work", null, null))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("invalid_scope", "read:jira-work");
    }

    @Test
    void theUserCanDenyAndAnAnsweredConsentCannotBeAnsweredAgain() throws Exception {
        sim = JiraSimulator.builder().flavour(JiraSimulator.Flavour.CLOUD).feature(oauth).start();
        URI url = URI.create(sim.baseUrl() + "/authorize?audience=api.atlassian.com&client_id=" + AtlassianOAuth2.CLIENT_ID
                + "&scope=read%3Ajira-work&redirect_uri=" + encode(redirectUri) + "&state=s&response_type=code");

        ConsentBrowser.deny(url);

        assertThat(AtlassianOAuth2.formParameters(callbackQuery.get()))
                .containsEntry("error", "access_denied").containsEntry("state", "s").doesNotContainKey("code");
        HttpResponse<String> replay = http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/authorize"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("consent_ticket=00&decision=approve")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(replay.statusCode()).isEqualTo(400);
        assertThatThrownBy(() -> ConsentBrowser.approve(URI.create(url + "&code_challenge=x")))
                .as("Cloud offers no PKCE").hasMessageContaining("does not offer PKCE");
    }

    private String codeAfterConsent(String scope, String method, String challenge) throws Exception {
        ConsentBrowser.approve(authorizeUrl(scope, method, challenge));
        return AtlassianOAuth2.formParameters(callbackQuery.get()).get("code");
    }

    private URI authorizeUrl(String scope, String method, String challenge) {
        return URI.create(sim.baseUrl() + AtlassianOAuth2.DATA_CENTER_AUTHORIZE_PATH + "?client_id="
                + AtlassianOAuth2.CLIENT_ID + "&redirect_uri=" + encode(redirectUri) + "&response_type=code&state=st-1"
                + "&scope=" + encode(scope)
                + (challenge == null ? "" : "&code_challenge=" + challenge + "&code_challenge_method=" + method));
    }

    private HttpResponse<String> token(String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + AtlassianOAuth2.DATA_CENTER_TOKEN_PATH))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form + "&client_id=" + AtlassianOAuth2.CLIENT_ID
                        + "&client_secret=" + encode(AtlassianOAuth2.CLIENT_SECRET))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> refresh(String refreshToken) throws Exception {
        return token("grant_type=refresh_token&refresh_token=" + refreshToken);
    }

    private HttpServer startApp() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/callback", exchange -> {
                callbackQuery.set(exchange.getRequestURI().getRawQuery());
                byte[] body = "connected".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String challenge(String verifier) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
