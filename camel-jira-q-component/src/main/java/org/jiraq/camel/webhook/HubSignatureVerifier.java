package org.jiraq.camel.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Admin webhooks with a secret: {@code X-Hub-Signature: <method>=<hex HMAC of the raw body>}. Jira sends sha256
 * and says it may move to another method, so the method is read from the header; weak or unknown ones are refused.
 * The comparison takes the same time whatever the signature, so it leaks nothing about the expected value.
 */
final class HubSignatureVerifier implements WebhookVerifier {

    public static final String HEADER = "X-Hub-Signature";

    private static final Map<String, String> ALGORITHMS = Map.of(
            "sha256", "HmacSHA256", "sha384", "HmacSHA384", "sha512", "HmacSHA512");

    private final byte[] secret;

    public HubSignatureVerifier(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean verify(byte[] body, Function<String, String> header) {
        String value = header.apply(HEADER);
        int eq = value == null ? -1 : value.indexOf('=');
        if (eq < 1) {
            return false;
        }
        String algorithm = ALGORITHMS.get(value.substring(0, eq).trim().toLowerCase(Locale.ROOT));
        byte[] given;
        try {
            given = HexFormat.of().parseHex(value.substring(eq + 1).trim());
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return algorithm != null && MessageDigest.isEqual(sign(algorithm, secret, body), given);
    }

    /** The HMAC of {@code data} keyed with {@code key}; shared with the JWT check, which signs the same way. */
    static byte[] sign(String algorithm, byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available in this JVM", e);
        }
    }
}
