package org.jiraq.camel.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import org.jiraq.camel.client.Json;

/**
 * App (OAuth 2.0) webhooks: {@code Authorization: Bearer <JWT>}, HS256, signed with the app's client secret. The
 * token must be signed with exactly that algorithm (never "none", never chosen by the token), carry an expiry that
 * has not passed, and not be used before its nbf; a minute of clock skew is allowed each way. Atlassian documents no
 * other claim, so iss and aud are checked where they are known: iss when an issuer is expected; aud whenever the
 * token carries one (it must name the expected audience, by default the app's client id), and its absence only when
 * an audience was configured.
 */
final class JwtVerifier implements WebhookVerifier {

    private static final Duration SKEW = Duration.ofMinutes(1);
    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

    private final byte[] secret;
    private final Clock clock;
    private final String issuer;
    private final String audience;
    private final boolean audienceRequired;

    /**
     * @param issuer           the iss the token must carry, or null not to check it
     * @param audience         what an aud claim must name, or null when nothing is known to check it against
     * @param audienceRequired whether a token without aud is refused
     */
    public JwtVerifier(String secret, Clock clock, String issuer, String audience, boolean audienceRequired) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
        this.issuer = issuer;
        this.audience = audience;
        this.audienceRequired = audienceRequired;
    }

    /** An aud claim is a string or an array of strings (RFC 7519); one of them must be the expected audience. */
    private boolean audienceMatches(JsonNode aud) {
        if (aud == null || aud.isNull()) {
            return !audienceRequired;
        }
        if (audience == null) {
            return true;
        }
        if (aud.isArray()) {
            for (JsonNode one : aud) {
                if (audience.equals(one.asText())) {
                    return true;
                }
            }
            return false;
        }
        return audience.equals(aud.asText());
    }

    @Override
    public Verdict verify(byte[] body, Function<String, String> header) {
        String authorization = header.apply("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Verdict.refused("the request has no Authorization: Bearer token (app webhooks carry a JWT)");
        }
        String token = authorization.substring(7).trim();
        int first = token.indexOf('.');
        int second = token.indexOf('.', first + 1);
        if (first < 0 || second < 0 || token.indexOf('.', second + 1) >= 0) {
            return Verdict.refused("the bearer token is malformed: not a JWT of three parts");
        }
        try {
            JsonNode head = Json.MAPPER.readTree(BASE64URL.decode(token.substring(0, first)));
            if (!"HS256".equals(head.path("alg").asText())) {
                return Verdict.refused("the JWT is signed with " + head.path("alg").asText("no algorithm")
                                       + ", not HS256");
            }
            byte[] signature = BASE64URL.decode(token.substring(second + 1));
            byte[] expected = HubSignatureVerifier.sign("HmacSHA256", secret,
                    token.substring(0, second).getBytes(StandardCharsets.US_ASCII));
            if (!MessageDigest.isEqual(expected, signature)) {
                return Verdict.refused("the JWT signature does not match: webhookSecret (default clientSecret) is not"
                                       + " the app's current client secret");
            }
            JsonNode claims = Json.MAPPER.readTree(BASE64URL.decode(token.substring(first + 1, second)));
            long now = clock.instant().getEpochSecond();
            if (!claims.path("exp").canConvertToLong()) {
                return Verdict.refused("the JWT has no expiry (exp)");
            }
            if (now > claims.path("exp").asLong() + SKEW.toSeconds()) {
                return Verdict.refused("the JWT expired at " + Instant.ofEpochSecond(claims.path("exp").asLong())
                                       + " (check this machine's clock)");
            }
            if (claims.has("nbf") && now < claims.path("nbf").asLong() - SKEW.toSeconds()) {
                return Verdict.refused("the JWT is not valid before " + Instant.ofEpochSecond(claims.path("nbf").asLong())
                                       + " (check this machine's clock)");
            }
            if (issuer != null && !issuer.equals(claims.path("iss").asText(null))) {
                return Verdict.refused("the JWT's issuer (iss) is not webhookJwtIssuer");
            }
            if (!audienceMatches(claims.get("aud"))) {
                return Verdict.refused("the JWT's audience (aud) does not name webhookJwtAudience (default clientId)");
            }
            return Verdict.passed();
        } catch (IllegalArgumentException | java.io.IOException malformed) {
            return Verdict.refused("the bearer token is malformed: its parts are not base64url JSON");
        }
    }
}
