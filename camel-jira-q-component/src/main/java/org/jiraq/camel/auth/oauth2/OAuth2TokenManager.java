package org.jiraq.camel.auth.oauth2;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.jiraq.camel.JiraqAuthorizationException;
import org.jiraq.camel.JiraqGrantType;
import org.jiraq.camel.JiraqHttpException;
import org.jiraq.camel.auth.oauth2.OAuth2TokenClient.Site;
import org.jiraq.camel.auth.oauth2.OAuth2TokenClient.Tokens;
import org.jiraq.camel.spi.IndicatorState;
import org.jiraq.camel.spi.OAuth2Grant;
import org.jiraq.camel.spi.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every credential's access token usable without ever losing a grant to Atlassian's refresh-token rotation:
 * <ul>
 * <li>a token is refreshed ahead of its expiry, and once more when Jira answers 401;</li>
 * <li>a refresh runs inside {@link TokenStore#update}, so exactly one refresh per credential runs at a time in this
 * JVM and in every JVM sharing the store; the others wait, then find the fresh token and use it;</li>
 * <li>the rotated refresh token is stored before the new access token is handed out;</li>
 * <li>{@code invalid_grant} marks the grant as needing a new consent, so later calls fail at once with a
 * {@link JiraqAuthorizationException} instead of asking the token endpoint again.</li>
 * </ul>
 * Usable grants are cached in memory, so a Jira call costs no store access until its token nears expiry.
 */
public final class OAuth2TokenManager {

    /** How long before its expiry a token is replaced, so it never expires between check and use. */
    static final Duration REFRESH_MARGIN = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(OAuth2TokenManager.class);

    private final OAuth2Settings settings;
    private final TokenStore store;
    private final OAuth2TokenClient client;
    private final Clock clock;
    private final Map<String, OAuth2Grant> usable = new ConcurrentHashMap<>();
    // what this JVM has seen of each credential, for the health check: why its last refresh failed, and refused grants
    private final Map<String, String> refreshFailures = new ConcurrentHashMap<>();
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();
    private volatile Consumer<String> refreshOutcomes = outcome -> {
    };

    OAuth2TokenManager(OAuth2Settings settings, TokenStore store, OAuth2TokenClient client, Clock clock) {
        this.settings = settings;
        this.store = store;
        this.client = client;
        this.clock = clock;
    }

    public OAuth2Settings settings() {
        return settings;
    }

    /** Where the grants and the consent flow's states are kept. */
    TokenStore store() {
        return store;
    }

    /** Hears the outcome of every call to the token endpoint for a new token: success, failure or revoked (metrics). */
    public void onRefresh(Consumer<String> outcomes) {
        this.refreshOutcomes = outcomes;
    }

    /**
     * The grant of {@code credentialId} as this JVM last saw it, without calling anything: from memory, else (when
     * {@code orStore}) from the store.
     */
    public Optional<OAuth2Grant> knownGrant(String credentialId, boolean orStore) {
        OAuth2Grant cached = usable.get(credentialId);
        return cached != null || !orStore ? Optional.ofNullable(cached) : store.load(credentialId);
    }

    /** The grant of {@code credentialId} with an access token good for at least the refresh margin. */
    public OAuth2Grant usableGrant(String credentialId) throws IOException {
        OAuth2Grant cached = usable.get(credentialId);
        if (cached != null && cached.usableAt(soon())) {
            return cached;
        }
        OAuth2Grant stored = store.load(credentialId).orElse(null);
        if (stored != null && stored.reconnectRequired()) {
            revoked.add(credentialId);
            throw JiraqAuthorizationException.reconnectRequired(credentialId);
        }
        if (stored != null && stored.usableAt(soon())) {
            usable.put(credentialId, stored);
            revoked.remove(credentialId); // connected again, perhaps through another replica
            return stored;
        }
        return refresh(credentialId, null);
    }

    /**
     * Called when Jira answered 401 to {@code rejectedAccessToken}: refreshes unless someone already did. Returns
     * whether there is now another token to try.
     */
    public boolean renewAfterRejection(String credentialId, String rejectedAccessToken) throws IOException {
        return !refresh(credentialId, rejectedAccessToken).accessToken().equals(rejectedAccessToken);
    }

    /** The id of the Jira Cloud site the grant's calls go to: configured, remembered, or discovered now. */
    public String cloudId(String credentialId, OAuth2Grant grant) throws IOException {
        if (settings.cloudId() != null) {
            return settings.cloudId();
        }
        return grant.cloudId() != null ? grant.cloudId() : locate(credentialId, grant).cloudId();
    }

    /**
     * Completes a consent: trades the code for tokens, stores them under {@code credentialId} (replacing any earlier
     * grant, a refused one included) and, on Cloud, finds the site they reach.
     */
    public OAuth2Grant connect(String credentialId, String code, String codeVerifier) throws IOException {
        Instant sent = clock.instant();
        Tokens tokens = client.exchangeCode(code, codeVerifier);
        OAuth2Grant grant = store.save(credentialId, OAuth2Grant.empty().withTokens(tokens.accessToken(),
                sent.plusSeconds(tokens.expiresInSeconds()), tokens.refreshToken(), tokens.scope()));
        usable.put(credentialId, grant);
        revoked.remove(credentialId);
        refreshFailures.remove(credentialId);
        LOG.info("Connected OAuth 2.0 credentialId '{}' (scopes: {})", credentialId, grant.scopes());
        return settings.viaGateway() && settings.cloudId() == null ? locate(credentialId, grant) : grant;
    }

    /** Refreshes under the credential's lock, unless the grant found there already has a token other than the rejected one. */
    private OAuth2Grant refresh(String credentialId, String rejectedAccessToken) throws IOException {
        OAuth2Grant result;
        try {
            result = store.update(credentialId, current -> {
                OAuth2Grant grant = current != null ? current : initialGrant(credentialId);
                if (grant.reconnectRequired()
                        || grant.usableAt(soon()) && !grant.accessToken().equals(rejectedAccessToken)) {
                    return grant; // refused earlier, or refreshed by another thread or replica while this one waited
                }
                return renew(credentialId, grant);
            });
        } catch (IOException | RuntimeException e) {
            if (!(e instanceof JiraqAuthorizationException)) {
                refreshFailures.put(credentialId, describe(e));
            }
            throw e;
        }
        refreshFailures.remove(credentialId);
        if (result.reconnectRequired()) {
            usable.remove(credentialId);
            revoked.add(credentialId);
            throw JiraqAuthorizationException.reconnectRequired(credentialId);
        }
        revoked.remove(credentialId);
        usable.put(credentialId, result);
        return result;
    }

    /**
     * The state of {@code credentialId}'s grant as this JVM last saw it, for the health check: revoked (the user must
     * reconnect) and failing refreshes are unhealthy; an expired token is not, since the next call refreshes it. Other
     * credentials that are revoked or failing are counted in the details. Reads memory only; never a token.
     */
    public IndicatorState state(String credentialId) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("credentialId", credentialId);
        OAuth2Grant grant = usable.get(credentialId);
        if (grant != null) {
            details.put("expiresAt", grant.expiresAt().toString());
        }
        long otherRevoked = revoked.stream().filter(id -> !id.equals(credentialId)).count();
        long otherFailing = refreshFailures.keySet().stream().filter(id -> !id.equals(credentialId)).count();
        if (otherRevoked > 0) {
            details.put("otherCredentialsRevoked", otherRevoked);
        }
        if (otherFailing > 0) {
            details.put("otherCredentialsRefreshFailing", otherFailing);
        }
        if (revoked.contains(credentialId)) {
            details.put("state", "revoked");
            return IndicatorState.unhealthy("the OAuth 2.0 grant of credentialId '" + credentialId
                                            + "' was refused (invalid_grant); the user must reconnect", details);
        }
        String failure = refreshFailures.get(credentialId);
        if (failure != null) {
            details.put("state", "refresh-failing");
            details.put("lastRefreshError", failure);
            return IndicatorState.unhealthy("refreshing the OAuth 2.0 token of credentialId '" + credentialId
                                            + "' fails: " + failure, details);
        }
        details.put("state", grant == null ? "unused" : grant.usableAt(clock.instant()) ? "valid" : "expired");
        return IndicatorState.healthy(details);
    }

    /** A failure without its message, which may quote the token endpoint's answer. */
    private static String describe(Exception e) {
        return e instanceof JiraqHttpException http
                ? "the token endpoint answered " + http.getStatusCode() : e.getClass().getSimpleName();
    }

    /** What a credential starts from before anything is stored for it. */
    private OAuth2Grant initialGrant(String credentialId) {
        if (settings.grantType() == JiraqGrantType.clientCredentials) {
            return OAuth2Grant.empty();
        }
        if (settings.refreshToken() != null && settings.credentialId().equals(credentialId)) {
            return OAuth2Grant.seed(settings.refreshToken());
        }
        throw JiraqAuthorizationException.notConnected(credentialId);
    }

    /** Asks the token endpoint for new tokens; a refused grant comes back marked, to be stored as such. */
    private OAuth2Grant renew(String credentialId, OAuth2Grant grant) throws IOException {
        boolean clientCredentials = settings.grantType() == JiraqGrantType.clientCredentials;
        if (!clientCredentials && grant.refreshToken() == null) {
            LOG.warn("The OAuth 2.0 grant of credentialId '{}' has expired and holds no refresh token (was"
                     + " offline_access granted?); the user must reconnect", credentialId);
            return grant.rejected();
        }
        Instant sent = clock.instant();
        Tokens tokens;
        try {
            tokens = clientCredentials ? client.clientCredentials() : client.refresh(grant.refreshToken());
        } catch (IOException | RuntimeException e) {
            if (e instanceof JiraqHttpException http
                    && OAuth2TokenClient.errorCode(http).filter("invalid_grant"::equals).isPresent()) {
                LOG.warn("The authorization server refused the OAuth 2.0 grant of credentialId '{}' (invalid_grant);"
                         + " the user must reconnect", credentialId);
                refreshOutcomes.accept("revoked");
                return grant.rejected();
            }
            refreshOutcomes.accept("failure");
            throw e;
        }
        refreshOutcomes.accept("success");
        LOG.debug("Obtained a new OAuth 2.0 access token for credentialId '{}', valid for {} s", credentialId,
                tokens.expiresInSeconds());
        return grant.withTokens(tokens.accessToken(), sent.plusSeconds(tokens.expiresInSeconds()),
                tokens.refreshToken(), tokens.scope());
    }

    /**
     * Finds and remembers the site of a grant. Runs after the grant's tokens are stored: discovery uses the new access
     * token, and a failure here must not cost the rotated refresh token.
     */
    private OAuth2Grant locate(String credentialId, OAuth2Grant grant) throws IOException {
        OAuth2Grant located = store.update(credentialId, current -> {
            if (current == null) {
                throw JiraqAuthorizationException.notConnected(credentialId);
            }
            if (current.cloudId() != null) {
                return current;
            }
            Site site = chooseSite(credentialId, client.accessibleResources(grant.accessToken()));
            return current.withSite(site.id(), site.url());
        });
        usable.put(credentialId, located);
        return located;
    }

    /** The only site, or among several the one whose URL is the baseUrl. */
    private Site chooseSite(String credentialId, List<Site> sites) {
        if (sites.size() == 1) {
            return sites.get(0);
        }
        String wanted = normalize(settings.siteUrl().toString());
        return sites.stream().filter(site -> normalize(site.url()).equals(wanted)).findFirst()
                .orElseThrow(() -> new JiraqAuthorizationException(
                        "The OAuth 2.0 grant of credentialId '" + credentialId + "' reaches "
                                                                   + (sites.isEmpty() ? "no Jira site"
                                                                           : "the Jira sites " + sites.stream().map(Site::url)
                                                                                   .collect(Collectors.joining(", ")))
                                                                   + " but not the baseUrl " + settings.siteUrl()
                                                                   + "; set baseUrl to one of them, or option cloudId",
                        credentialId));
    }

    private static String normalize(String url) {
        URI uri = URI.create(url.trim());
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        return (uri.getScheme() + "://" + uri.getRawAuthority() + path).toLowerCase(Locale.ROOT);
    }

    private Instant soon() {
        return clock.instant().plus(REFRESH_MARGIN);
    }
}
