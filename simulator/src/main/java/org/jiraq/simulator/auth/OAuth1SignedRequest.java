package org.jiraq.simulator.auth;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jiraq.simulator.http.ApiRequest;

/**
 * An OAuth 1.0a request as the provider sees it: the protocol parameters of its Authorization header and the
 * signature base string rebuilt from what actually arrived (RFC 5849 section 3.4.1), so a client that signs one
 * thing and sends another fails here as it would on Jira.
 */
final class OAuth1SignedRequest {

    private static final Pattern HEADER_PARAM = Pattern.compile("([\\w.~%-]+)=\"([^\"]*)\"");

    private final Map<String, String> oauth;
    private final String baseString;

    private OAuth1SignedRequest(Map<String, String> oauth, String baseString) {
        this.oauth = oauth;
        this.baseString = baseString;
    }

    /** Whether the request carries OAuth 1.0a credentials at all. */
    static boolean isSigned(ApiRequest request) {
        String authorization = request.header("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, "OAuth ", 0, 6);
    }

    static OAuth1SignedRequest of(ApiRequest request) {
        Map<String, String> oauth = new LinkedHashMap<>();
        Matcher m = HEADER_PARAM.matcher(request.header("Authorization").substring(6));
        while (m.find()) {
            oauth.put(decode(m.group(1)), decode(m.group(2)));
        }
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        URI uri = URI.create(request.wireMockRequest().getAbsoluteUrl());
        addForm(uri.getRawQuery(), pairs);
        String contentType = request.header("Content-Type");
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            addForm(request.bodyAsString(), pairs);
        }
        oauth.forEach((name, value) -> {
            if (!name.equals("realm") && !name.equals("oauth_signature")) {
                pairs.add(Map.entry(encode(name), encode(value)));
            }
        });
        pairs.sort(Map.Entry.<String, String> comparingByKey().thenComparing(Map.Entry.comparingByValue()));
        StringJoiner normalized = new StringJoiner("&");
        pairs.forEach(p -> normalized.add(p.getKey() + "=" + p.getValue()));
        String base = request.method() + "&" + encode(normalizedUrl(uri)) + "&" + encode(normalized.toString());
        return new OAuth1SignedRequest(oauth, base);
    }

    /** A protocol parameter, or null when absent. */
    String param(String name) {
        return oauth.get(name);
    }

    String baseString() {
        return baseString;
    }

    boolean signatureVerifies(PublicKey consumerKey) {
        String signature = oauth.get("oauth_signature");
        try {
            Signature rsa = Signature.getInstance("SHA1withRSA");
            rsa.initVerify(consumerKey);
            rsa.update(baseString.getBytes(StandardCharsets.UTF_8));
            return signature != null && rsa.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static String normalizedUrl(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        boolean defaultPort = uri.getPort() == -1
                || uri.getPort() == ("https".equals(scheme) ? 443 : 80);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + uri.getPort())
                + (uri.getRawPath().isEmpty() ? "/" : uri.getRawPath());
    }

    private static void addForm(String form, List<Map.Entry<String, String>> into) {
        if (form == null || form.isBlank()) {
            return;
        }
        for (String pair : form.split("&")) {
            String[] nameValue = pair.split("=", 2);
            into.add(Map.entry(encode(URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8)),
                    encode(nameValue.length > 1 ? URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8) : "")));
        }
    }

    /** RFC 3986 percent-encoding, from the form encoder: space, star and tilde are the differences. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }

    // header values are percent-encoded, where a + is a plus, not a space
    private static String decode(String value) {
        return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
