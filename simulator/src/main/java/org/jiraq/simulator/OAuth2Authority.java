package org.jiraq.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The state of an OAuth 2.0 authorization server that behaves as Atlassian's do: single-use consent codes (bound to a
 * PKCE challenge when the client sent one), access tokens that expire on the simulator clock, refresh tokens that
 * rotate on every use, and a grant that dies for good when a retired refresh token is reused after the leeway. Every
 * method is atomic.
 */
final class OAuth2Authority {

    static final String OFFLINE_ACCESS = "offline_access";
    static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * How the server hands out tokens.
     *
     * @param accessTokenLifetime      how long an access token works
     * @param reuseLeeway              how long a replaced refresh token still works
     * @param refreshWithoutOfflineAccess whether every grant gets a refresh token (Data Center) or only those that
     *                                 asked for offline_access (Atlassian Cloud)
     * @param retireAccessOnRefresh    whether a refresh also ends the grant's previous access token
     */
    record Policy(Duration accessTokenLifetime, Duration reuseLeeway, boolean refreshWithoutOfflineAccess,
            boolean retireAccessOnRefresh) {
    }

    /** A token answer; {@code refreshToken} is null when none is granted. */
    record Tokens(String accessToken, long expiresInSeconds, String refreshToken, String scope) {
    }

    /** What an access token stands for, and until when. */
    record Access(Grant grant, Instant expiresAt) {
    }

    /** One consent (or one client-credentials account): who, for which client, with which scopes. */
    static final class Grant {
        private final String clientId;
        private final SimulatorUser user;
        private final String scope;
        private final boolean refreshable;
        private String currentRefreshToken;
        private String currentAccessToken;
        private boolean revoked;

        private Grant(String clientId, SimulatorUser user, String scope, boolean refreshable) {
            this.clientId = clientId;
            this.user = user;
            this.scope = scope;
            this.refreshable = refreshable;
        }

        SimulatorUser user() {
            return user;
        }

        String scope() {
            return scope;
        }
    }

    /** A PKCE challenge (RFC 7636) the code is bound to: method S256 or plain. */
    record Challenge(String value, String method) {

        boolean verifiedBy(String verifier) {
            if (verifier == null) {
                return false;
            }
            String expected = "plain".equals(method) ? verifier : s256(verifier);
            return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                    value.getBytes(StandardCharsets.US_ASCII));
        }

        private static String s256(String verifier) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
                return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every JDK", e);
            }
        }
    }

    private record PendingCode(String clientId, String redirectUri, String scope, SimulatorUser user, Instant expiresAt,
            Challenge challenge) {
    }

    /** A refresh token of a grant; {@code retiredAt} is set once a newer one replaced it. */
    private record RefreshToken(Grant grant, Instant retiredAt) {
    }

    private final SimulatorClock clock;
    private final Map<String, String> clientSecrets;
    private final Policy policy;
    private final Map<String, PendingCode> codes = new ConcurrentHashMap<>();
    private final Map<String, Access> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, RefreshToken> refreshTokens = new ConcurrentHashMap<>();
    private final List<String> issued = new ArrayList<>();

    OAuth2Authority(SimulatorClock clock, Map<String, String> clientSecrets, Policy policy) {
        this.clock = clock;
        this.clientSecrets = Map.copyOf(clientSecrets);
        this.policy = policy;
    }

    boolean knowsClient(String clientId) {
        return clientId != null && clientSecrets.containsKey(clientId);
    }

    /**
     * A consent was given: a code the client may redeem once, within ten minutes, with the same redirect URI and, when
     * {@code challenge} is not null, the PKCE verifier that matches it.
     */
    synchronized String issueCode(String clientId, String redirectUri, String scope, SimulatorUser user,
            Challenge challenge) {
        String code = secret("code");
        codes.put(code, new PendingCode(clientId, redirectUri, scope, user, clock.now().plus(CODE_LIFETIME), challenge));
        return code;
    }

    /**
     * Trades a code for tokens. A code bound to a PKCE challenge needs the matching verifier; the client secret may
     * then be left out (a public client), but a wrong one is still refused.
     */
    synchronized Tokens redeemCode(String clientId, String clientSecret, String code, String redirectUri,
            String codeVerifier) {
        PendingCode pending = code == null ? null : codes.get(code);
        if (pending == null || pending.challenge() == null || clientSecret != null) {
            checkClient(clientId, clientSecret);
        }
        codes.remove(code);
        if (pending == null || !pending.clientId().equals(clientId) || pending.expiresAt().isBefore(clock.now())) {
            throw error(403, "invalid_grant", "Invalid authorization code");
        }
        if (!Objects.equals(pending.redirectUri(), redirectUri)) {
            throw error(403, "invalid_grant", "redirect_uri does not match the one of the authorization request");
        }
        if (pending.challenge() != null && !pending.challenge().verifiedBy(codeVerifier)) {
            throw error(400, "invalid_grant", "The code_verifier does not match the code_challenge");
        }
        return tokensFor(new Grant(clientId, pending.user(), pending.scope(),
                policy.refreshWithoutOfflineAccess() || pending.scope().contains(OFFLINE_ACCESS)));
    }

    /**
     * Rotates: a new access token and a new refresh token; the presented one retires. A retired token still works
     * within the leeway; reused later, it revokes the whole grant.
     */
    synchronized Tokens refresh(String clientId, String clientSecret, String refreshToken) {
        checkClient(clientId, clientSecret);
        RefreshToken presented = refreshToken == null ? null : refreshTokens.get(refreshToken);
        if (presented == null || presented.grant().revoked || !presented.grant().clientId.equals(clientId)) {
            throw invalidRefreshToken();
        }
        if (presented.retiredAt() != null && !presented.retiredAt().plus(policy.reuseLeeway()).isAfter(clock.now())) {
            presented.grant().revoked = true;
            throw invalidRefreshToken();
        }
        return tokensFor(presented.grant());
    }

    synchronized Tokens clientCredentials(String clientId, String clientSecret, String scope, SimulatorUser account) {
        checkClient(clientId, clientSecret);
        return tokensFor(new Grant(clientId, account, scope, scope.contains(OFFLINE_ACCESS)));
    }

    /** The grant behind an access token, if the token was ever issued (expired or not). */
    Optional<Access> access(String accessToken) {
        return Optional.ofNullable(accessTokens.get(accessToken));
    }

    boolean isExpired(Access access) {
        return !clock.now().isBefore(access.expiresAt());
    }

    /** Every refresh token dies, as when the user removes the app under Connected apps. */
    synchronized void revokeAll() {
        refreshTokens.values().forEach(token -> token.grant().revoked = true);
    }

    /** Every code and token handed out so far, for tests that look for leaks. */
    synchronized List<String> issuedSecrets() {
        return List.copyOf(issued);
    }

    private Tokens tokensFor(Grant grant) {
        if (policy.retireAccessOnRefresh() && grant.currentAccessToken != null) {
            accessTokens.remove(grant.currentAccessToken);
        }
        String accessToken = secret("at");
        accessTokens.put(accessToken, new Access(grant, clock.now().plus(policy.accessTokenLifetime())));
        grant.currentAccessToken = accessToken;
        String refreshToken = null;
        if (grant.refreshable) {
            if (grant.currentRefreshToken != null) {
                refreshTokens.computeIfPresent(grant.currentRefreshToken,
                        (token, current) -> current.retiredAt() != null ? current
                                : new RefreshToken(current.grant(), clock.now()));
            }
            refreshToken = secret("rt");
            refreshTokens.put(refreshToken, new RefreshToken(grant, null));
            grant.currentRefreshToken = refreshToken;
        }
        return new Tokens(accessToken, policy.accessTokenLifetime().toSeconds(), refreshToken, grant.scope);
    }

    private void checkClient(String clientId, String clientSecret) {
        if (!knowsClient(clientId) || !clientSecrets.get(clientId).equals(clientSecret)) {
            throw error(401, "access_denied", "Unauthorized");
        }
    }

    private String secret(String kind) {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        String value = "sim-oauth2-" + kind + "-" + HexFormat.of().formatHex(random);
        issued.add(value);
        return value;
    }

    private static ApiException invalidRefreshToken() {
        return error(403, "invalid_grant", "Unknown or invalid refresh token.");
    }

    /** An OAuth 2.0 error answer: {@code {"error":..., "error_description":...}}. */
    static ApiException error(int status, String error, String description) {
        ObjectNode body = Json.object().put("error", error).put("error_description", description);
        return new ApiException(ApiResponse.json(status, body));
    }
}
