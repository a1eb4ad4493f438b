package org.jiraq.camel.auth.oauth1;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.net.WWWFormCodec;

/**
 * Jira's answer to a rejected OAuth 1.0a request: a form-encoded 401 body (or the WWW-Authenticate challenge) naming
 * an oauth_problem. Turned into a sentence that says what to fix. Only the problem and its advice are read: the
 * rest of Jira's report echoes the signature base string, which holds the access token.
 */
public final class OAuth1Problem {

    private static final Pattern CHALLENGE = Pattern.compile("oauth_problem=\"([^\"]*)\"");
    private static final Map<String, String> HINTS = Map.of(
            "signature_invalid", "the signature does not verify: the private key does not match the public key of the"
                                 + " application link",
            "consumer_key_unknown", "no application link has this consumerKey",
            "token_rejected", "Jira does not know the access token or it was revoked; obtain a new one with OAuth1Dance",
            "token_expired", "the access token expired; obtain a new one with OAuth1Dance",
            "timestamp_refused", "this machine's clock differs too much from Jira's",
            "nonce_used", "a nonce was sent twice",
            "permission_denied", "the user denied access");

    private OAuth1Problem() {
    }

    /** The problem Jira reported, explained, or empty when the answer is not an OAuth 1.0a problem report. */
    public static Optional<String> describe(String wwwAuthenticate, byte[] body) {
        String problem = null;
        String advice = null;
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.startsWith("oauth_problem=") || text.contains("&oauth_problem=")) {
            List<NameValuePair> report = WWWFormCodec.parse(text.trim(), StandardCharsets.UTF_8);
            problem = first(report, "oauth_problem");
            advice = first(report, "oauth_problem_advice");
        }
        if (problem == null && wwwAuthenticate != null) {
            Matcher m = CHALLENGE.matcher(wwwAuthenticate);
            problem = m.find() ? URLDecoder.decode(m.group(1), StandardCharsets.UTF_8) : null;
        }
        if (problem == null) {
            return Optional.empty();
        }
        StringBuilder sb = new StringBuilder("OAuth 1.0a problem ").append(problem);
        String hint = advice != null ? advice : HINTS.get(problem);
        if (hint != null) {
            sb.append(" (").append(hint).append(')');
        }
        return Optional.of(sb.toString());
    }

    /** The first value of a form field, or null. */
    static String first(List<NameValuePair> form, String name) {
        return form.stream().filter(p -> p.getName().equals(name)).map(NameValuePair::getValue).findFirst()
                .orElse(null);
    }
}
