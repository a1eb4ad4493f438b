package org.jiraq.camel.auth.oauth1;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

import org.apache.hc.core5.net.PercentCodec;
import org.apache.hc.core5.net.WWWFormCodec;

/**
 * Signs requests with OAuth 1.0a RSA-SHA1 (RFC 5849 section 3.4), as Jira Data Center application links expect: the
 * signature base string is built from the method, the base URI and every query, form and protocol parameter, and
 * signed with the consumer's private key. The consumer secret and token secret play no part in RSA-SHA1.
 */
public final class OAuth1Signer {

    static final String SIGNATURE_METHOD = "RSA-SHA1";
    private static final int NONCE_BYTES = 16;

    private final String consumerKey;
    private final PrivateKey privateKey;
    private final Clock clock;
    private final SecureRandom random;

    public OAuth1Signer(String consumerKey, PrivateKey privateKey) {
        this(consumerKey, privateKey, Clock.systemUTC(), new SecureRandom());
    }

    /** With the clock that gives oauth_timestamp and the source of oauth_nonce, so tests can control both. */
    public OAuth1Signer(String consumerKey, PrivateKey privateKey, Clock clock, SecureRandom random) {
        this.consumerKey = consumerKey;
        this.privateKey = privateKey;
        this.clock = clock;
        this.random = random;
    }

    public String consumerKey() {
        return consumerKey;
    }

    /**
     * The Authorization header value for one request.
     *
     * @param method             the HTTP method
     * @param uri                the absolute request URI, query included
     * @param formParameters     the decoded parameters of an application/x-www-form-urlencoded body, else empty
     * @param protocolParameters the oauth_* parameters of this step besides the consumer's own: oauth_token for API
     *                           calls; oauth_callback, or oauth_token and oauth_verifier, during the dance
     */
    public String authorization(
            String method, URI uri, Map<String, List<String>> formParameters, Map<String, String> protocolParameters) {
        Map<String, String> oauth = new LinkedHashMap<>();
        oauth.put("oauth_consumer_key", consumerKey);
        oauth.put("oauth_nonce", nonce());
        oauth.put("oauth_signature_method", SIGNATURE_METHOD);
        oauth.put("oauth_timestamp", Long.toString(clock.instant().getEpochSecond()));
        oauth.put("oauth_version", "1.0");
        oauth.putAll(protocolParameters);
        String signature = sign(baseString(method, uri, formParameters, oauth));
        oauth.put("oauth_signature", signature);

        StringJoiner header = new StringJoiner(", ", "OAuth ", "");
        // the realm names the host, as Jira's own challenge does; it is not part of the signature
        header.add("realm=\"" + percentEncode(origin(uri)) + "\"");
        oauth.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> header.add(percentEncode(e.getKey()) + "=\"" + percentEncode(e.getValue()) + "\""));
        return header.toString();
    }

    /** The signature base string of RFC 5849 section 3.4.1. */
    static String baseString(
            String method, URI uri, Map<String, List<String>> formParameters, Map<String, String> oauthParameters) {
        List<String[]> params = new ArrayList<>();
        // query parameters are form-encoded (a + is a space), then re-encoded the RFC 3986 way like all others
        if (uri.getRawQuery() != null) {
            WWWFormCodec.parse(uri.getRawQuery(), StandardCharsets.UTF_8)
                    .forEach(p -> params.add(encodedPair(p.getName(), Objects.toString(p.getValue(), ""))));
        }
        formParameters.forEach((name, values) -> values.forEach(v -> params.add(encodedPair(name, v))));
        oauthParameters.forEach((name, value) -> params.add(encodedPair(name, value)));
        params.sort(Comparator.<String[], String> comparing(p -> p[0]).thenComparing(p -> p[1]));
        StringJoiner normalized = new StringJoiner("&");
        params.forEach(p -> normalized.add(p[0] + "=" + p[1]));
        return method.toUpperCase(Locale.ROOT) + "&" + percentEncode(baseUri(uri)) + "&" + percentEncode(normalized.toString());
    }

    /** Scheme and host in lower case, the default port dropped, the path as sent, no query or fragment. */
    static String baseUri(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || "http".equals(scheme) && port == 80 || "https".equals(scheme) && port == 443;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port) + path;
    }

    /** RFC 3986 percent-encoding of UTF-8 bytes: only unreserved characters stay as they are. */
    static String percentEncode(String value) {
        return PercentCodec.RFC3986.encode(value);
    }

    private static String[] encodedPair(String name, String value) {
        return new String[] { percentEncode(name), percentEncode(value) };
    }

    private String sign(String baseString) {
        try {
            Signature rsa = Signature.getInstance("SHA1withRSA");
            rsa.initSign(privateKey);
            rsa.update(baseString.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            // the message of a key error never carries key material; keep it for diagnosis
            throw new IllegalStateException("Cannot sign the OAuth 1.0a request with RSA-SHA1: " + e.getMessage(), e);
        }
    }

    private String nonce() {
        byte[] bytes = new byte[NONCE_BYTES];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String origin(URI uri) {
        String base = baseUri(uri);
        return base.substring(0, base.indexOf('/', base.indexOf("://") + 3));
    }
}
