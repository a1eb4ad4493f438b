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
    public Verdict verify(byte[] body, Function<String, String> header) {
        String value = header.apply(HEADER);
        if (value == null || value.isBlank()) {
            return Verdict.refused("the request has no " + HEADER + " header: the webhook in Jira has no secret, or"
                                   + " something in front of the application removed the header");
        }
        int eq = value.indexOf('=');
        if (eq < 1) {
            return Verdict.refused("the " + HEADER + " header is malformed: expected sha256=<hex HMAC-SHA256 of the"
                                   + " raw body>");
        }
        String method = value.substring(0, eq).trim().toLowerCase(Locale.ROOT);
        String algorithm = ALGORITHMS.get(method);
        if (algorithm == null) {
            return Verdict.refused("the " + HEADER + " header uses " + method + ", which is not accepted (only"
                                   + " sha256, sha384 and sha512)");
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(value.substring(eq + 1).trim());
        } catch (IllegalArgumentException notHex) {
            return Verdict.refused("the " + HEADER + " header is malformed: the signature after " + method
                                   + "= is not hexadecimal");
        }
        return MessageDigest.isEqual(sign(algorithm, secret, body), given) ? Verdict.passed()
                : Verdict.refused("the " + HEADER + " signature does not match the body: the webhook's secret in Jira"
                                  + " is not webhookSecret, or something changed the body on the way");
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
