package org.jiraq.camel.auth.oauth2;

import java.io.IOException;
import java.net.URI;
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
 * The OAuth 2.0 (3LO) consent of a Jira user, in two steps: {@link #begin} makes the URL of Atlassian's consent
 * screen, with a random {@code state} remembered in the token store for the credentialId; {@link #complete} takes the
 * state back (once, before it expires), trades the code and stores the grant under that credentialId.
 */
public final class OAuth2Consent {

    /** How long a user may take on the consent screen. */
    static final Duration STATE_LIFETIME = Duration.ofMinutes(10);
    static final String OFFLINE_ACCESS = "offline_access";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final OAuth2Settings settings;
    private final OAuth2TokenManager tokens;

    /** A consent flow that stores its grants through {@code tokens}, the connection's token manager. */
    OAuth2Consent(OAuth2TokenManager tokens) {
        tokens.settings().requireRedirectUri();
        this.settings = tokens.settings();
        this.tokens = tokens;
    }

    /** The consent screen URL for {@code credentialId} (null: the configured one), its state saved for the callback. */
    public URI begin(String credentialId) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String state = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        tokens.store().saveState(state, settings.credentialIdOr(credentialId),
                Instant.now().plus(STATE_LIFETIME));
        String scopes = settings.scopes().contains(OFFLINE_ACCESS) ? settings.scopes()
                : (settings.scopes() + " " + OFFLINE_ACCESS).trim();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("audience", "api.atlassian.com");
        query.put("client_id", settings.clientId());
        query.put("scope", scopes);
        query.put("redirect_uri", settings.redirectUri());
        query.put("state", state);
        query.put("response_type", "code");
        query.put("prompt", "consent");
        String base = settings.authorizationUrl().toString();
        return URI.create(base + (base.contains("?") ? "&" : "?") + query.entrySet().stream()
                .map(e -> e.getKey() + "=" + PercentCodec.RFC3986.encode(e.getValue()))
                .collect(Collectors.joining("&")));
    }

    /**
     * Completes the consent the {@code state} belongs to. Empty when the state is unknown, expired or already used:
     * the user must start again.
     */
    public Optional<Connected> complete(String state, String code) throws IOException {
        Optional<String> credentialId = state == null ? Optional.empty() : tokens.store().takeState(state);
        if (credentialId.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Connected(credentialId.get(), tokens.connect(credentialId.get(), code)));
    }

    /** A completed consent: the credentialId the grant is stored under, and the grant. */
    public record Connected(String credentialId, OAuth2Grant grant) {
    }
}
