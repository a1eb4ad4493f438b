package org.jiraq.camel.auth.oauth2;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.hc.client5.http.classic.HttpClient;
import org.apache.hc.client5.http.entity.UrlEncodedFormEntity;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.jiraq.camel.JiraqHttpException;
import org.jiraq.camel.auth.AuthRequest;
import org.jiraq.camel.auth.AuthStrategy;
import org.jiraq.camel.client.JiraqClient;
import org.jiraq.camel.client.JiraqRequest;
import org.jiraq.camel.client.Json;
import org.jiraq.camel.client.RetryPolicy;

/**
 * Calls the OAuth 2.0 authorization server (code exchange, refresh, client credentials) and Atlassian's
 * accessible-resources list, through {@link JiraqClient} so timeouts, retries of what is safe to retry and the
 * credential-keeping redirect rules are those of every Jira call. Bodies are JSON for Atlassian Cloud, as Atlassian
 * documents its token endpoint, and RFC 6749 forms for Data Center's provider. The client secret goes only to the
 * token URL, in the body; nothing here logs a body.
 */
final class OAuth2TokenClient {

    private final OAuth2Settings settings;
    private final HttpClient http;
    private final RetryPolicy retryPolicy;
    private final Duration requestTimeout;
    private final JiraqClient tokenEndpoint;
    private final String tokenPath;

    /** Calls on the connection's HTTP client, with its retries and timeout. */
    OAuth2TokenClient(OAuth2Settings settings, HttpClient http, RetryPolicy retryPolicy, Duration requestTimeout) {
        this.settings = settings;
        this.http = http;
        this.retryPolicy = retryPolicy;
        this.requestTimeout = requestTimeout;
        URI tokenUrl = settings.tokenUrl();
        this.tokenEndpoint = client(origin(tokenUrl), null);
        this.tokenPath = tokenUrl.getRawPath() == null || tokenUrl.getRawPath().isEmpty() ? "/" : tokenUrl.getRawPath();
    }

    /**
     * Trades the code of a consent for the grant's first tokens. A code is single-use, so this is never retried.
     *
     * @param codeVerifier the PKCE code verifier the consent's challenge was made from, or null without PKCE
     */
    public Tokens exchangeCode(String code, String codeVerifier) throws IOException {
        Map<String, String> params = params("authorization_code");
        params.put("code", code);
        params.put("redirect_uri", settings.requireRedirectUri());
        if (codeVerifier != null) {
            params.put("code_verifier", codeVerifier);
        }
        return requestTokens(params, false);
    }

    /**
     * Trades a refresh token for new tokens, the refresh token included (both providers rotate it). Repeated after a
     * lost answer only on Cloud, where Atlassian accepts the same refresh token again within its reuse leeway; Data
     * Center's provider retires it at once, so a repeat would only be refused.
     */
    public Tokens refresh(String refreshToken) throws IOException {
        Map<String, String> params = params("refresh_token");
        params.put("refresh_token", refreshToken);
        return requestTokens(params, settings.viaGateway());
    }

    /** Buys an access token with the client's own credentials (a service account). */
    public Tokens clientCredentials() throws IOException {
        Map<String, String> params = params("client_credentials");
        if (!settings.scopes().isEmpty()) {
            params.put("scope", settings.scopes());
        }
        return requestTokens(params, true);
    }

    /** The Jira Cloud sites an access token reaches ({@code GET {apiGatewayUrl}/oauth/token/accessible-resources}). */
    public List<Site> accessibleResources(String accessToken) throws IOException {
        JsonNode sites = client(settings.apiGatewayUrl(), accessToken)
                .execute(JiraqRequest.get("/oauth/token/accessible-resources").build()).json();
        List<Site> out = new ArrayList<>();
        sites.forEach(site -> out.add(new Site(site.path("id").asText(), site.path("name").asText(),
                site.path("url").asText())));
        return out;
    }

    /** The OAuth 2.0 error code of a refused token request ({@code invalid_grant}, ...), if the answer carries one. */
    public static Optional<String> errorCode(JiraqHttpException e) {
        try {
            JsonNode body = Json.MAPPER.readTree(e.getResponseBody());
            return body != null && body.hasNonNull("error") ? Optional.of(body.get("error").asText()) : Optional.empty();
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    private Map<String, String> params(String grantType) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("grant_type", grantType);
        params.put("client_id", settings.clientId());
        params.put("client_secret", settings.clientSecret());
        return params;
    }

    private Tokens requestTokens(Map<String, String> params, boolean retrySafe) throws IOException {
        JiraqRequest.Builder request = JiraqRequest.post(tokenPath).retrySafe(retrySafe);
        if (settings.viaGateway()) {
            request.json(params);
        } else {
            request.stream(new UrlEncodedFormEntity(params.entrySet().stream()
                    .map(e -> new BasicNameValuePair(e.getKey(), e.getValue())).toList(), StandardCharsets.UTF_8));
        }
        JsonNode answer = tokenEndpoint.execute(request.build()).json();
        if (!answer.hasNonNull("access_token")) {
            throw new IOException("The token endpoint " + settings.tokenUrl() + " answered without an access_token");
        }
        return new Tokens(answer.get("access_token").asText(), answer.path("expires_in").asLong(3600),
                answer.hasNonNull("refresh_token") ? answer.get("refresh_token").asText() : null,
                answer.hasNonNull("scope") ? answer.get("scope").asText() : null);
    }

    private JiraqClient client(URI root, String bearerToken) {
        return new JiraqClient(root, new BearerOrNone(bearerToken), http, retryPolicy, requestTimeout);
    }

    private static URI origin(URI uri) {
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority());
    }

    /**
     * A token answer. {@link #toString()} never shows a token.
     *
     * @param refreshToken the new refresh token, or null when the server did not send one
     * @param scope        the scopes granted, space-separated, or null
     */
    public record Tokens(String accessToken, long expiresInSeconds, String refreshToken, String scope) {
        @Override
        public String toString() {
            return "Tokens[expiresIn=" + expiresInSeconds + "s, refreshToken=" + (refreshToken == null ? "none" : "***")
                   + ", scope=" + scope + "]";
        }
    }

    /** A Jira Cloud site a grant reaches: its cloudId, name and URL. */
    public record Site(String id, String name, String url) {
    }

    /** The token endpoint reads the client's credentials from the body; accessible-resources wants the new token. */
    private record BearerOrNone(String token) implements AuthStrategy {
        @Override
        public void authenticate(AuthRequest request) {
            if (token != null) {
                request.setHeader("Authorization", "Bearer " + token);
            }
        }

        @Override
        public String toString() {
            return "oauth2 token client"; // never the token
        }
    }
}
