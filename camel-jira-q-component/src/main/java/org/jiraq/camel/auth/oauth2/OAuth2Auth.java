package org.jiraq.camel.auth.oauth2;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.hc.client5.http.classic.HttpClient;
import org.jiraq.camel.auth.AuthRequest;
import org.jiraq.camel.auth.AuthStrategy;
import org.jiraq.camel.client.RetryPolicy;
import org.jiraq.camel.spi.HealthIndicator;
import org.jiraq.camel.spi.IndicatorState;
import org.jiraq.camel.spi.TokenStore;

/**
 * OAuth 2.0 Bearer tokens: 3LO grants (authorization code) with rotating refresh tokens, or client credentials. On
 * Cloud, calls go through Atlassian's gateway, {@code {apiGatewayUrl}/ex/jira/{cloudId}}; on Data Center to the site.
 * Which grant a call uses is its credentialId (header CamelJiraqCredentialId), else the configured one. The state of
 * the configured grant (valid, expired, refresh failing, revoked) is part of the connection's health check.
 */
public final class OAuth2Auth implements AuthStrategy, HealthIndicator {

    private static final String BEARER = "Bearer ";

    private final OAuth2Settings settings;
    private final OAuth2TokenManager tokens;

    OAuth2Auth(OAuth2TokenManager tokens) {
        this.settings = tokens.settings();
        this.tokens = tokens;
    }

    /**
     * The strategy of one connection: its token manager keeps the grants in {@code store} and calls the token endpoint
     * on the connection's HTTP client.
     */
    public static OAuth2Auth create(OAuth2Settings settings, TokenStore store, HttpClient http, RetryPolicy retryPolicy,
                                    Duration requestTimeout) {
        return new OAuth2Auth(new OAuth2TokenManager(settings, store,
                new OAuth2TokenClient(settings, http, retryPolicy, requestTimeout), Clock.systemUTC()));
    }

    /** A consent flow that stores grants where this strategy finds them, for the connect processors. */
    public OAuth2Consent consent() {
        return new OAuth2Consent(tokens);
    }

    @Override
    public URI apiRoot(URI siteUrl, String credentialId) throws IOException {
        if (!settings.viaGateway()) {
            return siteUrl;
        }
        String id = settings.credentialIdOr(credentialId);
        String cloudId = tokens.cloudId(id, tokens.usableGrant(id));
        return URI.create(settings.apiGatewayUrl().toString().replaceAll("/+$", "") + "/ex/jira/" + cloudId);
    }

    @Override
    public void authenticate(AuthRequest request) throws IOException {
        request.setHeader("Authorization",
                BEARER + tokens.usableGrant(settings.credentialIdOr(request.credentialId())).accessToken());
    }

    @Override
    public boolean renewAfterUnauthorized(String credentialId, String rejectedAuthorization) throws IOException {
        String rejected = rejectedAuthorization != null && rejectedAuthorization.startsWith(BEARER)
                ? rejectedAuthorization.substring(BEARER.length()) : null;
        return tokens.renewAfterRejection(settings.credentialIdOr(credentialId), rejected);
    }

    @Override
    public Set<String> trustedHosts() {
        return settings.viaGateway() ? Set.of(settings.apiGatewayUrl().getHost().toLowerCase(Locale.ROOT)) : Set.of();
    }

    /** Hears the outcome of every token refresh (success, failure, revoked), for the connection's meters. */
    public void onRefresh(Consumer<String> outcomes) {
        tokens.onRefresh(outcomes);
    }

    @Override
    public String name() {
        return "token";
    }

    @Override
    public IndicatorState state() {
        return tokens.state(settings.credentialId());
    }
}
