package org.jiraq.simulator.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jiraq.simulator.JiraHttp;
import org.jiraq.simulator.JiraSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AtlassianOAuth2Test {

    private static final String REDIRECT_URI = "http://localhost:9999/jira/callback";
    private static final String INVALID_GRANT =
            "{\"error\":\"invalid_grant\",\"error_description\":\"Unknown or invalid refresh token.\"}";

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final AtlassianOAuth2 oauth = new AtlassianOAuth2().otherSite("Beta", "https://beta.atlassian.net");
    private JiraSimulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.assertNoContractViolations();
            sim.close();
        }
    }

    @Test
    void theConsentScreenRedirectsBackWithACodeAndTheSameState() throws Exception {
        start(JiraSimulator.Flavour.CLOUD);

        HttpResponse<String> consent = authorize("read:jira-work offline_access", "st&te");

        assertThat(consent.statusCode()).isEqualTo(302);
        assertThat(consent.headers().firstValue("Location").orElseThrow())
                .startsWith(REDIRECT_URI + "?code=sim-oauth2-code-").endsWith("&state=st%26te");
    }

    @Test
    void aCodeIsRedeemedOnceAndOnlyWithItsRedirectUri() throws Exception {
        start(JiraSimulator.Flavour.CLOUD);
        String code = code("read:jira-work offline_access");

        assertThat(exchange(code, "http://elsewhere/callback").statusCode()).isEqualTo(403);
        String second = code("read:jira-work offline_access");
        assertThat(exchange(second, REDIRECT_URI).statusCode()).isEqualTo(200);
        assertThat(exchange(second, REDIRECT_URI).statusCode()).isEqualTo(403);
        assertThat(oauth.tokenRequests("authorization_code")).isEqualTo(3);
    }

    @Test
    void accessTokensWorkOnlyThroughTheGatewayWithThisSitesCloudId() throws Exception {
        start(JiraSimulator.Flavour.CLOUD);
        String accessToken = connect().path("access_token").asText();

        assertThat(call(accessToken, "/ex/jira/" + oauth.cloudId() + "/rest/api/3/myself").statusCode()).isEqualTo(200);
        assertThat(call(accessToken, "/rest/api/3/myself").statusCode()).isEqualTo(401);
        JsonNode sites = JiraHttp.MAPPER.readTree(call(accessToken, AtlassianOAuth2.ACCESSIBLE_RESOURCES).body());
        assertThat(sites).hasSize(2);
        assertThat(sites.get(0).path("url").asText()).isEqualTo("https://beta.atlassian.net");
        assertThat(sites.get(1).path("id").asText()).isEqualTo(oauth.cloudId());
        assertThat(sites.get(1).path("url").asText()).isEqualTo(sim.baseUrl());
        assertThat(sites.get(1).path("scopes").toString()).isEqualTo("[\"read:jira-work\"]");
        String otherSite = sites.get(0).path("id").asText();
        assertThat(call(accessToken, "/ex/jira/" + otherSite + "/rest/api/3/myself").statusCode()).isEqualTo(401);
        HttpResponse<String> forged = send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/rest/api/3/myself"))
                .header("Authorization", "Bearer " + accessToken)
                .header(AtlassianOAuth2.GATEWAY_HEADER, oauth.cloudId()).GET());
        assertThat(forged.statusCode()).as("the gateway's marker sent straight to the site").isEqualTo(401);
        HttpResponse<String> misdirected = send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/ex/jira/"
                + otherSite + "/rest/api/3/myself")).header("Authorization", "Bearer " + accessToken)
                .header(AtlassianOAuth2.GATEWAY_HEADER, oauth.cloudId()).GET());
        assertThat(misdirected.statusCode()).as("the gateway's marker overrides the caller's").isEqualTo(401);
        assertThat(oauth.refusedAccessTokens()).isEqualTo(4);
    }

    @Test
    void gatewayCallsMeetTheContractChecksOfTheSitesApi() throws Exception {
        sim = JiraSimulator.builder().feature(oauth).validateContract(false).start();
        String accessToken = connect().path("access_token").asText();

        call(accessToken, "/ex/jira/" + oauth.cloudId() + "/rest/api/3/issue/DEMO-1?expand=" + "x".repeat(3));
        HttpResponse<String> bad = send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/ex/jira/" + oauth.cloudId()
                + "/rest/api/3/issue")).header("Authorization", "Bearer " + accessToken)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"fields\":7}")));

        assertThat(bad.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(sim.contractViolations()).anyMatch(v -> v.startsWith("POST /rest/api/3/issue request"));
        sim.close();
        sim = null;
    }

    @Test
    void accessTokensExpireOnTheSimulatorClock() throws Exception {
        start(JiraSimulator.Flavour.CLOUD);
        JsonNode tokens = connect();
        assertThat(tokens.path("expires_in").asLong()).isEqualTo(3600);

        sim.clock().advance(Duration.ofMinutes(61));

        assertThat(call(tokens.path("access_token").asText(), "/ex/jira/" + oauth.cloudId() + "/rest/api/3/myself")
                .statusCode()).isEqualTo(401);
    }

    @Test
    void eachRefreshRotatesAndAReplacedTokenWorksOnlyWithinTheLeeway() throws Exception {
        start(JiraSimulator.Flavour.CLOUD);
        String first = connect().path("refresh_token").asText();

        JsonNode second = JiraHttp.MAPPER.readTree(refresh(first).body());
        assertThat(second.path("refresh_token").asText()).isNotEqualTo(first).startsWith("sim-oauth2-rt-");
        assertThat(refresh(first).statusCode()).as("reuse within the leeway").isEqualTo(200);

        sim.clock().advance(Duration.ofMinutes(11));
        HttpResponse<String> late = refresh(first);
        assertThat(late.statusCode()).isEqualTo(403);
        assertThat(late.body()).isEqualTo(INVALID_GRANT);
        assertThat(refresh(second.path("refresh_token").asText()).statusCode()).as("the whole grant died").isEqualTo(403);
        assertThat(oauth.tokenRequests("refresh_token")).isEqualTo(4);
    }

    @Test
    void revokedGrantsCannotBeRefreshed() throws Exception {
        start(JiraSimulator.Flavour.CLOUD);
        String refreshToken = connect().path("refresh_token").asText();

        oauth.revokeGrants();

        assertThat(refresh(refreshToken).body()).isEqualTo(INVALID_GRANT);
    }

    @Test
    void withoutOfflineAccessNoRefreshTokenIsGranted() throws Exception {
        start(JiraSimulator.Flavour.CLOUD);

        JsonNode tokens = JiraHttp.MAPPER.readTree(exchange(code("read:jira-work"), REDIRECT_URI).body());

        assertThat(tokens.has("refresh_token")).isFalse();
    }

    @Test
    void wrongClientSecretIsRefused() throws Exception {
        start(JiraSimulator.Flavour.CLOUD);
        ObjectNode body = JiraHttp.MAPPER.createObjectNode().put("grant_type", "client_credentials")
                .put("client_id", AtlassianOAuth2.CLIENT_ID).put("client_secret", "wrong");

        assertThat(postJson("/oauth/token", body).statusCode()).isEqualTo(401);
    }

    @Test
    void dataCenterClientCredentialsAreServedAtTheSitesOwnTokenEndpointAndWorkOnTheSite() throws Exception {
        start(JiraSimulator.Flavour.DATA_CENTER);

        JsonNode tokens = dataCenterClientCredentials("READ WRITE");

        assertThat(tokens.path("scope").asText()).isEqualTo("READ WRITE");
        HttpResponse<String> myself = call(tokens.path("access_token").asText(), "/rest/api/2/myself");
        assertThat(myself.statusCode()).isEqualTo(200);
        assertThat(myself.body()).contains("service-account");
        assertThat(oauth.tokenRequests("client_credentials")).isEqualTo(1);
    }

    @Test
    void dataCenterTokensReadWithReadAndChangeOnlyWithWriteWhenScopesAreChecked() throws Exception {
        oauth.checkScopes();
        start(JiraSimulator.Flavour.DATA_CENTER);
        JiraHttp reader = JiraHttp.bearer(sim, dataCenterClientCredentials("READ").path("access_token").asText());
        JiraHttp writer = JiraHttp.bearer(sim,
                dataCenterClientCredentials("READ WRITE").path("access_token").asText());

        JiraHttp.Reply refused = reader.post("/rest/api/2/issue", JiraHttp.createBody("DEMO", "Task", "s"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("errorMessages").get(0).asText()).contains("it needs WRITE");
        assertThat(reader.get("/rest/api/2/myself").status()).isEqualTo(200);
        assertThat(reader.post("/rest/api/2/search", "{\"jql\":\"project = DEMO\"}").status())
                .as("a POST search only reads").isEqualTo(200);
        assertThat(writer.post("/rest/api/2/issue", JiraHttp.createBody("DEMO", "Task", "s")).status()).isEqualTo(201);
    }

    /** The token answer of Data Center's provider to a client-credentials request, as a form. */
    private JsonNode dataCenterClientCredentials(String scope) throws Exception {
        String form = "grant_type=client_credentials&client_id=" + AtlassianOAuth2.CLIENT_ID + "&client_secret="
                + URLEncoder.encode(AtlassianOAuth2.CLIENT_SECRET, StandardCharsets.UTF_8) + "&scope="
                + URLEncoder.encode(scope, StandardCharsets.UTF_8);
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(sim.baseUrl()
                + AtlassianOAuth2.DATA_CENTER_TOKEN_PATH)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        return JiraHttp.MAPPER.readTree(answer.body());
    }

    private void start(JiraSimulator.Flavour flavour) {
        sim = JiraSimulator.builder().flavour(flavour).feature(oauth).start();
    }

    private JsonNode connect() throws Exception {
        return JiraHttp.MAPPER.readTree(exchange(code("read:jira-work offline_access"), REDIRECT_URI).body());
    }

    private String code(String scope) throws Exception {
        String location = authorize(scope, "s").headers().firstValue("Location").orElseThrow();
        return location.replaceAll(".*code=([^&]+).*", "$1");
    }

    private HttpResponse<String> authorize(String scope, String state) throws Exception {
        String query = "audience=api.atlassian.com&client_id=" + AtlassianOAuth2.CLIENT_ID + "&scope="
                + URLEncoder.encode(scope, StandardCharsets.UTF_8) + "&redirect_uri="
                + URLEncoder.encode(REDIRECT_URI, StandardCharsets.UTF_8) + "&state="
                + URLEncoder.encode(state, StandardCharsets.UTF_8) + "&response_type=code&prompt=consent";
        return send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/authorize?" + query)).GET());
    }

    private HttpResponse<String> exchange(String code, String redirectUri) throws Exception {
        return postJson("/oauth/token", JiraHttp.MAPPER.createObjectNode().put("grant_type", "authorization_code")
                .put("client_id", AtlassianOAuth2.CLIENT_ID).put("client_secret", AtlassianOAuth2.CLIENT_SECRET)
                .put("code", code).put("redirect_uri", redirectUri));
    }

    private HttpResponse<String> refresh(String refreshToken) throws Exception {
        return postJson("/oauth/token", JiraHttp.MAPPER.createObjectNode().put("grant_type", "refresh_token")
                .put("client_id", AtlassianOAuth2.CLIENT_ID).put("client_secret", AtlassianOAuth2.CLIENT_SECRET)
                .put("refresh_token", refreshToken));
    }

    private HttpResponse<String> postJson(String path, JsonNode body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    private HttpResponse<String> call(String accessToken, String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
                .header("Authorization", "Bearer " + accessToken).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
