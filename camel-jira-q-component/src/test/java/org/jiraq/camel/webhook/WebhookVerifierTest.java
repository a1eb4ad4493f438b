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
    void hubSignatureReadsTheMethodFromTheHeader() {
        HubSignatureVerifier verifier = new HubSignatureVerifier(SECRET);

        assertThat(verifier.verify(BODY, headers(Map.of("X-Hub-Signature", "sha256=" + hex("HmacSHA256", SECRET, BODY)))))
                .isTrue();
        assertThat(verifier.verify(BODY, headers(Map.of("X-Hub-Signature", "sha512=" + hex("HmacSHA512", SECRET, BODY)))))
                .isTrue();
        assertThat(verifier.verify(BODY, headers(Map.of("X-Hub-Signature", "md5=" + hex("HmacMD5", SECRET, BODY)))))
                .as("unknown or weak methods are refused").isFalse();
        assertThat(verifier.verify(BODY, headers(Map.of("X-Hub-Signature", "sha256=" + hex("HmacSHA256", "other", BODY)))))
                .isFalse();
        assertThat(verifier.verify(BODY, headers(Map.of("X-Hub-Signature", "sha256=not-hex")))).isFalse();
        assertThat(verifier.verify(BODY, headers(Map.of()))).isFalse();
    }

    @Test
    void jwtMustBeHs256WithTheAppSecretAndInsideItsLifetime() {
        JwtVerifier verifier = new JwtVerifier(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));
        long now = NOW.getEpochSecond();

        assertThat(verifier.verify(BODY, bearer(jwt("HS256", SECRET, "{\"exp\":" + (now + 60) + "}")))).isTrue();
        assertThat(verifier.verify(BODY, bearer(jwt("HS256", "other", "{\"exp\":" + (now + 60) + "}")))).isFalse();
        assertThat(verifier.verify(BODY, bearer(jwt("HS256", SECRET, "{\"exp\":" + (now - 3600) + "}"))))
                .as("expired").isFalse();
        assertThat(verifier.verify(BODY, bearer(jwt("HS256", SECRET, "{\"exp\":" + (now + 7200) + ",\"nbf\":" + (now + 3600)
                                                                     + "}")))).as("not yet valid").isFalse();
        assertThat(verifier.verify(BODY, bearer(jwt("HS256", SECRET, "{\"iss\":\"x\"}")))).as("no expiry").isFalse();
        String unsigned = encode("{\"alg\":\"none\"}") + "." + encode("{\"exp\":" + (now + 60) + "}") + ".";
        assertThat(verifier.verify(BODY, bearer(unsigned))).as("alg none").isFalse();
        assertThat(verifier.verify(BODY, headers(Map.of("Authorization", "Basic YTpi")))).isFalse();
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
