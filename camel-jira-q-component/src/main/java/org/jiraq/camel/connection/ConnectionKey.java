package org.jiraq.camel.connection;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

import org.jiraq.camel.JiraqAuthStrategy;
import org.jiraq.camel.JiraqConfiguration;

/**
 * Which connection an endpoint uses: its site and a fingerprint of its credentials. The fingerprint is a SHA-256 of
 * every option of the auth strategy (the secrets and, for OAuth 2.0, the credentialId), so two credentials on one
 * site never share a connection, and the key can be logged or compared across replicas without holding a secret.
 */
record ConnectionKey(String site, JiraqAuthStrategy strategy, String credential) {

    static ConnectionKey of(URI site, JiraqConfiguration config) {
        JiraqAuthStrategy strategy = config.resolveAuthStrategy();
        Stream<Object> options = switch (strategy) {
            case apiToken -> Stream.of(config.getUsername(), config.getApiToken());
            case pat -> Stream.of(config.getPersonalAccessToken());
            case oauth1 -> Stream.of(config.getConsumerKey(), config.getPrivateKey(), config.getPrivateKeyFile(),
                    config.getAccessToken());
            case oauth2 -> Stream.of(config.getClientId(), config.getClientSecret(), config.getGrantType(),
                    config.getCredentialId(), config.getRefreshToken(), config.getScopes(), config.getCloudId(),
                    config.getTokenUrl(), config.getAuthorizationUrl(), config.getApiGatewayUrl(),
                    config.getRedirectUri(), config.getTokenStore());
        };
        return new ConnectionKey(normalize(site), strategy, fingerprint(strategy, options));
    }

    private static String normalize(URI site) {
        String s = site.toString().toLowerCase(Locale.ROOT);
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static String fingerprint(JiraqAuthStrategy strategy, Stream<Object> options) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
        sha256.update(strategy.name().getBytes(StandardCharsets.UTF_8));
        options.forEach(option -> {
            // a token store bean counts by identity: two stores are two places a grant may live
            String value = option instanceof String || option instanceof Enum<?> || option == null
                    ? Objects.toString(option, "") : option.getClass().getName() + "@" + System.identityHashCode(option);
            sha256.update((byte) 0);
            sha256.update(value.getBytes(StandardCharsets.UTF_8));
        });
        return HexFormat.of().formatHex(sha256.digest(), 0, 12);
    }
}
