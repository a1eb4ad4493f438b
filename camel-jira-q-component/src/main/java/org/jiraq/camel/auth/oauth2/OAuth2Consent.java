package org.jiraq.camel.auth.oauth2;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.hc.core5.net.PercentCodec;
import org.jiraq.camel.spi.OAuth2Grant;

/**
 * The OAuth 2.0 consent of a Jira user, in two steps. {@link #begin} makes the URL of the consent screen (Atlassian's
 * on Cloud, the site's provider on Data Center) with a random single-use {@code state}, and a random secret for the
 * user's browser to keep (a cookie); {@link #complete} takes the state back, once and before it expires, only together
 * with that same browser secret, trades the code and stores the grant under the credentialId the consent was begun
 * for.
 * <p>
 * The state is stored only as a digest of itself and the browser secret, so a state seen elsewhere (in a log, a
 * referrer, another browser) completes nothing. On Data Center the consent uses PKCE (S256): the code verifier is
 * derived from the browser secret and the state, so it is as unguessable as the secret and is never stored.
 */
public final class OAuth2Consent {

    /** How long a user may take on the consent screen. */
    static final Duration STATE_LIFETIME = Duration.ofMinutes(10);
    static final String OFFLINE_ACCESS = "offline_access";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final OAuth2Settings settings;
    private final OAuth2TokenManager tokens;

    /** A consent flow that stores its grants through {@code tokens}, the connection's token manager. */
    OAuth2Consent(OAuth2TokenManager tokens) {
        tokens.settings().requireRedirectUri();
        this.settings = tokens.settings();
        this.tokens = tokens;
    }

    OAuth2Settings settings() {
        return settings;
    }

    /** A begun consent: where to send the user, and the secret their browser must bring back to the callback. */
    record Begun(URI consentScreen, String browserSecret) {
        @Override
        public String toString() {
            return "Begun[consentScreen=" + consentScreen + ", browserSecret=***]";
        }
    }

    /**
     * The consent screen for {@code credentialId} (null: the configured one), its state saved for the callback.
     *
     * @param offlineAccess on Cloud, whether to ask for offline_access (a refresh token); Data Center's provider
     *                      issues one anyway
     */
    Begun begin(String credentialId, boolean offlineAccess) {
        if (!settings.viaGateway() && settings.scopes().isEmpty()) {
            throw new IllegalArgumentException("Option 'scopes' is required for the OAuth 2.0 connect flow on Jira Data"
                                               + " Center: READ, WRITE, ADMIN or SYSTEM_ADMIN, as the incoming link"
                                               + " allows");
        }
        String state = random();
        String browserSecret = random();
        tokens.store().saveState(binding(state, browserSecret), settings.credentialIdOr(credentialId),
                Instant.now().plus(STATE_LIFETIME));
        Map<String, String> query = new LinkedHashMap<>();
        if (settings.viaGateway()) {
            query.put("audience", "api.atlassian.com");
        }
        query.put("client_id", settings.clientId());
        String scopes = settings.scopes();
        if (settings.viaGateway() && offlineAccess && !scopes.contains(OFFLINE_ACCESS)) {
            scopes = (scopes + " " + OFFLINE_ACCESS).trim();
        }
        query.put("scope", scopes);
        query.put("redirect_uri", settings.redirectUri());
        query.put("state", state);
        query.put("response_type", "code");
        if (settings.viaGateway()) {
            query.put("prompt", "consent");
        } else {
            query.put("code_challenge", BASE64URL.encodeToString(sha256(codeVerifier(state, browserSecret))));
            query.put("code_challenge_method", "S256");
        }
        String base = settings.authorizationUrl().toString();
        return new Begun(URI.create(base + (base.contains("?") ? "&" : "?") + query.entrySet().stream()
                .map(e -> e.getKey() + "=" + PercentCodec.RFC3986.encode(e.getValue()))
                .collect(Collectors.joining("&"))), browserSecret);
    }

    /**
     * Completes the consent the {@code state} belongs to, when {@code browserSecret} is the one it was begun with.
     * Empty when the state is unknown, expired, already used or brought by another browser: the user must start
     * again.
     */
    Optional<Connected> complete(String state, String browserSecret, String code) throws IOException {
        Optional<String> credentialId = state == null || browserSecret == null ? Optional.empty()
                : tokens.store().takeState(binding(state, browserSecret));
        if (credentialId.isEmpty()) {
            return Optional.empty();
        }
        String verifier = settings.viaGateway() ? null : codeVerifier(state, browserSecret);
        return Optional.of(new Connected(credentialId.get(), tokens.connect(credentialId.get(), code, verifier)));
    }

    /** A completed consent: the credentialId the grant is stored under, and the grant. */
    record Connected(String credentialId, OAuth2Grant grant) {
    }

    /** What the store keeps for a state: a digest of the state and the browser secret it belongs to. */
    private static String binding(String state, String browserSecret) {
        return BASE64URL.encodeToString(sha256("jiraq-state:" + state + ":" + browserSecret));
    }

    /** The PKCE code verifier (RFC 7636): 43 characters of base64url, unguessable without the browser secret. */
    private static String codeVerifier(String state, String browserSecret) {
        return BASE64URL.encodeToString(sha256("jiraq-pkce:" + state + ":" + browserSecret));
    }

    private static String random() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return BASE64URL.encodeToString(random);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
