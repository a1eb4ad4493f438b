package org.jiraq.camel.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Function;

import org.jiraq.camel.JiraqConfiguration;
import org.jiraq.camel.JiraqWebhookRegistration;
import org.jiraq.camel.JiraqWebhookVerification;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookVerifierTest {

    private static final String SECRET = "s3cret";
    private static final byte[] BODY = "{\"webhookEvent\":\"jira:issue_created\"}".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    private static Function<String, String> headers(Map<String, String> values) {
        return values::get;
    }

    private static String hex(String algorithm, String secret, byte[] data) {
        return HexFormat.of().formatHex(HubSignatureVerifier.sign(algorithm, secret.getBytes(StandardCharsets.UTF_8), data));
    }

    @Test
    void hubSignatureReadsTheMethodFromTheHeaderAndSaysWhyItRefuses() {
        HubSignatureVerifier verifier = new HubSignatureVerifier(SECRET);

        assertThat(verifier.verify(BODY, headers(Map.of("X-Hub-Signature", "sha256=" + hex("HmacSHA256", SECRET, BODY))))
                .ok()).isTrue();
        assertThat(verifier.verify(BODY, headers(Map.of("X-Hub-Signature", "sha512=" + hex("HmacSHA512", SECRET, BODY))))
                .ok()).isTrue();
        assertThat(verifier.verify(BODY, headers(Map.of("X-Hub-Signature", "md5=" + hex("HmacMD5", SECRET, BODY))))
                .refusal()).as("unknown or weak methods are refused")
                .isEqualTo("the X-Hub-Signature header uses md5, which is not accepted (only sha256, sha384 and sha512)");
        assertThat(verifier.verify(BODY, headers(Map.of("X-Hub-Signature", "sha256=" + hex("HmacSHA256", "other", BODY))))
                .refusal()).startsWith("the X-Hub-Signature signature does not match the body");
        assertThat(verifier.verify(BODY, headers(Map.of("X-Hub-Signature", "sha256=not-hex"))).refusal())
                .isEqualTo("the X-Hub-Signature header is malformed: the signature after sha256= is not hexadecimal");
        assertThat(verifier.verify(BODY, headers(Map.of("X-Hub-Signature", hex("HmacSHA256", SECRET, BODY)))).refusal())
                .isEqualTo("the X-Hub-Signature header is malformed: expected sha256=<hex HMAC-SHA256 of the raw body>");
        assertThat(verifier.verify(BODY, headers(Map.of())).refusal())
                .startsWith("the request has no X-Hub-Signature header");
    }

    @Test
    void jwtMustBeHs256WithTheAppSecretAndInsideItsLifetime() {
        JwtVerifier verifier = new JwtVerifier(SECRET, Clock.fixed(NOW, ZoneOffset.UTC), null, null, false);
        long now = NOW.getEpochSecond();

        assertThat(verifier.verify(BODY, bearer(jwt("HS256", SECRET, "{\"exp\":" + (now + 60) + "}"))).ok()).isTrue();
        assertThat(verifier.verify(BODY, bearer(jwt("HS256", "other", "{\"exp\":" + (now + 60) + "}"))).refusal())
                .startsWith("the JWT signature does not match");
        assertThat(verifier.verify(BODY, bearer(jwt("HS256", SECRET, "{\"exp\":" + (now - 3600) + "}"))).refusal())
                .as("expired").isEqualTo("the JWT expired at 2026-11-22T11:00:00Z (check this machine's clock)");
        assertThat(verifier.verify(BODY, bearer(jwt("HS256", SECRET, "{\"exp\":" + (now + 7200) + ",\"nbf\":" + (now + 3600)
                                                                     + "}"))).refusal()).as("not yet valid")
                .startsWith("the JWT is not valid before");
        assertThat(verifier.verify(BODY, bearer(jwt("HS256", SECRET, "{\"iss\":\"x\"}"))).refusal()).as("no expiry")
                .isEqualTo("the JWT has no expiry (exp)");
        String unsigned = encode("{\"alg\":\"none\"}") + "." + encode("{\"exp\":" + (now + 60) + "}") + ".";
        assertThat(verifier.verify(BODY, bearer(unsigned)).refusal()).as("alg none")
                .isEqualTo("the JWT is signed with none, not HS256");
        assertThat(verifier.verify(BODY, headers(Map.of("Authorization", "Basic YTpi"))).refusal())
                .startsWith("the request has no Authorization: Bearer token");
    }

    @Test
    void jwtIssuerAndAudienceAreCheckedWhereTheyAreKnown() {
        long exp = NOW.getEpochSecond() + 60;
        JwtVerifier byClientId = new JwtVerifier(SECRET, Clock.fixed(NOW, ZoneOffset.UTC), null, "app-client", false);
        JwtVerifier configured = new JwtVerifier(SECRET, Clock.fixed(NOW, ZoneOffset.UTC), "jira", "app-client", true);

        assertThat(byClientId.verify(BODY, bearer(jwt("HS256", SECRET, "{\"exp\":" + exp + "}"))).ok())
                .as("no aud, none configured").isTrue();
        assertThat(byClientId.verify(BODY, bearer(jwt("HS256", SECRET, "{\"exp\":" + exp + ",\"aud\":\"app-client\"}"))).ok())
                .isTrue();
        assertThat(byClientId.verify(BODY, bearer(jwt("HS256", SECRET, "{\"exp\":" + exp
                                                                       + ",\"aud\":[\"other\",\"app-client\"]}"))).ok()).isTrue();
        assertThat(byClientId.verify(BODY, bearer(jwt("HS256", SECRET, "{\"exp\":" + exp + ",\"aud\":\"another-app\"}"))).refusal())
                .as("a token for another app")
                .isEqualTo("the JWT's audience (aud) does not name webhookJwtAudience (default clientId)");
        assertThat(configured.verify(BODY, bearer(jwt("HS256", SECRET, "{\"exp\":" + exp
                                                                       + ",\"iss\":\"jira\",\"aud\":\"app-client\"}"))).ok()).isTrue();
        assertThat(configured.verify(BODY, bearer(jwt("HS256", SECRET, "{\"exp\":" + exp + ",\"iss\":\"jira\"}"))).ok())
                .as("a configured audience must be present").isFalse();
        assertThat(configured.verify(BODY, bearer(jwt("HS256", SECRET, "{\"exp\":" + exp
                                                                       + ",\"iss\":\"evil\",\"aud\":\"app-client\"}"))).refusal())
                .as("another issuer").isEqualTo("the JWT's issuer (iss) is not webhookJwtIssuer");
    }

    @Test
    void sourcesAreCheckedByCidrAndForwardedForIsReadOnlyFromTrustedProxies() {
        SourceAddresses direct = SourceAddresses.of("104.192.136.0/21, 2401:1d80::/32", null);
        SourceAddresses proxied = SourceAddresses.of("104.192.136.0/21", "10.0.0.0/8");

        assertThat(direct.allows("104.192.143.1:51234", null)).isTrue();
        assertThat(direct.allows("104.192.144.1:51234", null)).as("just outside /21").isFalse();
        assertThat(direct.allows("[2401:1d80:1:2::5]:443", null)).isTrue();
        assertThat(direct.allows("203.0.113.9:80", "104.192.136.7")).as("a forwarded-for nobody vouches for").isFalse();
        assertThat(direct.allows("null", null)).as("no peer address").isFalse();
        assertThat(proxied.allows("10.1.2.3:80", "203.0.113.9, 104.192.136.7")).isTrue();
        assertThat(proxied.allows("10.1.2.3:80", "104.192.136.7, 203.0.113.9")).as("the nearest untrusted hop").isFalse();
        assertThat(proxied.allows("10.1.2.3:80", "10.9.9.9")).as("only proxies").isFalse();
        assertThat(SourceAddresses.of(null, "10.0.0.0/8")).as("nothing restricted").isNull();
        assertThatThrownBy(() -> SourceAddresses.of("acme.com/24", null))
                .hasMessageContaining("Option 'webhookAllowedSources' has 'acme.com/24'");
        assertThatThrownBy(() -> SourceAddresses.of("10.0.0.0/33", null)).hasMessageContaining("'10.0.0.0/33'");
    }

    @Test
    void optionsFailAtCreationNamingTheOption() {
        JiraqConfiguration config = new JiraqConfiguration();
        assertThatThrownBy(() -> WebhookOptions.validate(config)).hasMessageContaining("'webhookVerification' is required");
        config.setWebhookVerification(JiraqWebhookVerification.hmac);
        assertThatThrownBy(() -> WebhookOptions.validate(config)).hasMessageContaining("'webhookSecret' is required");
        config.setWebhookSecret(SECRET);
        config.setEvents("issueCreated,isueUpdated");
        assertThatThrownBy(() -> WebhookOptions.validate(config)).hasMessageContaining("'events'")
                .hasMessageContaining("isueUpdated").hasMessageNotContaining(SECRET);
        config.setEvents("issueCreated,project_created");
        config.setWebhookRegistration(JiraqWebhookRegistration.dynamic);
        config.setWebhookUrl("https://app.example.com/jiraq/webhook");
        config.setJql("project = DEMO");
        assertThatThrownBy(() -> WebhookOptions.validate(config)).hasMessageContaining("project_created")
                .hasMessageContaining("dynamic webhook");
    }

    private static Function<String, String> bearer(String token) {
        return headers(Map.of("Authorization", "Bearer " + token));
    }

    private static String jwt(String alg, String secret, String claims) {
        String signed = encode("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}") + "." + encode(claims);
        byte[] signature = HubSignatureVerifier.sign("HmacSHA256", secret.getBytes(StandardCharsets.UTF_8),
                signed.getBytes(StandardCharsets.US_ASCII));
        return signed + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
