package org.jiraq.camel.auth.oauth2;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.apache.hc.client5.http.classic.HttpClient;
import org.jiraq.camel.auth.AuthRequest;
import org.jiraq.camel.auth.AuthStrategy;
import org.jiraq.camel.client.RetryPolicy;
import org.jiraq.camel.spi.HealthIndicator;
import org.jiraq.camel.spi.IndicatorState;
import org.jiraq.camel.spi.OAuth2Grant;
import org.jiraq.camel.spi.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OAuth 2.0 Bearer tokens: 3LO grants (authorization code) with rotating refresh tokens, or client credentials. On
 * Cloud, calls go through Atlassian's gateway, {@code {apiGatewayUrl}/ex/jira/{cloudId}}; on Data Center to the site.
 * Which grant a call uses is its credentialId (header CamelJiraqCredentialId), else the configured one. The state of
 * the configured grant (valid, expired, refresh failing, revoked) is part of the connection's health check.
 */
public final class OAuth2Auth implements AuthStrategy, HealthIndicator {

    private static final String BEARER = "Bearer ";

    private static final Logger LOG = LoggerFactory.getLogger(OAuth2Auth.class);

    private final OAuth2Settings settings;
    private final OAuth2TokenManager tokens;
    // operation and credentialId pairs whose scopes were judged, so each endpoint warns at most once
    private final Set<String> scopesJudged = ConcurrentHashMap.newKeySet();

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
        return URI.create(settings.apiGatewayUrl().toString().replaceAll("/+$", "") + "/ex/jira/" + cloudId(credentialId));
    }

    /** The cloudId of the Jira Cloud site the grant of {@code credentialId} reaches: configured or discovered. */
    public String cloudId(String credentialId) throws IOException {
        String id = settings.credentialIdOr(credentialId);
        return tokens.cloudId(id, tokens.usableGrant(id));
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

    /**
     * What the grant of {@code credentialId} lacks to run {@code operation}, naming the scopes, when its scopes are
     * known (the token answer said them); empty when it holds enough or nothing is known.
     *
     * @param csmResource what a Customer Service Management operation works on (option csmResource), or null
     * @param orStore     whether to read the store when this JVM holds no token of the credential yet
     */
    public Optional<String> lackingScopes(String operation, String csmResource, String credentialId, boolean orStore) {
        String id = settings.credentialIdOr(credentialId);
        Optional<OAuth2Grant> grant = tokens.knownGrant(id, orStore);
        String scopes = grant.map(OAuth2Grant::scopes).orElse(null);
        if (scopes == null || scopes.isBlank()) {
            return Optional.empty();
        }
        Set<String> granted = Arrays.stream(scopes.trim().split("[\\s,]+")).collect(Collectors.toSet());
        return OperationScopes.lacking(operation, csmResource, granted, settings.viaGateway())
                .map(missing -> "the OAuth 2.0 grant of credentialId '" + id + "' lacks scope " + missing + ", which "
                                + operation + " needs; it holds " + scopes.trim() + " (add the scope to the app and let"
                                + " the user consent again)");
    }

    /**
     * Warns once per operation and credential, naming the endpoint and the scope, when the grant's scopes are known
     * and lack what the operation needs. Reads memory only, unless {@code orStore}.
     */
    public void warnIfScopesLacking(String operation, String csmResource, String endpoint, String credentialId,
                                    boolean orStore) {
        String key = operation + " " + settings.credentialIdOr(credentialId);
        if (scopesJudged.contains(key)) {
            return;
        }
        Optional<OAuth2Grant> grant = tokens.knownGrant(settings.credentialIdOr(credentialId), orStore);
        if (grant.isEmpty() || grant.get().scopes() == null) {
            return; // not known yet: judged when a token answer says them
        }
        if (scopesJudged.add(key)) {
            lackingScopes(operation, csmResource, credentialId, orStore)
                    .ifPresent(why -> LOG.warn("Endpoint {} will be refused by Jira: {}", endpoint, why));
        }
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
