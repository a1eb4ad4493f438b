package org.jiraq.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How Jira signs deliveries: admin webhooks with a secret get {@code X-Hub-Signature: sha256=<hex HMAC of the
 * body>}; app webhooks get a bearer JWT, HS256 with the app's client secret. The JWT's times are wall-clock time,
 * not the simulator clock, because the receiver checks them against its own clock.
 */
final class WebhookSigner {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final long JWT_LIFETIME_SECONDS = 180;

    private WebhookSigner() {
    }

    static String hubSignature(String secret, byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(hmac(secret, body));
    }

    /** {@code Bearer <JWT>}; {@code audience} null leaves the aud claim out. */
    static String bearerJwt(String appSecret, String issuer, String audience) {
        long now = Instant.now().getEpochSecond();
        String header = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        ObjectNode claimSet = Json.object().put("iss", issuer).put("iat", now).put("exp", now + JWT_LIFETIME_SECONDS);
        if (audience != null) {
            claimSet.put("aud", audience);
        }
        String claims = encode(Json.write(claimSet));
        String signed = header + "." + claims;
        return "Bearer " + signed + "." + BASE64URL.encodeToString(hmac(appSecret, signed.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(String secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
