package org.jiraq.simulator.platform;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jiraq.simulator.http.ApiException;

/**
 * Cloud's opaque {@code nextPageToken}: which query it continues (a hash of the JQL), how far it got, and the last
 * issue it returned, so the next page can pick up after that issue even if the result shifted meanwhile.
 */
record PageToken(int jqlHash, int offset, long lastIssueId) {

    static PageToken after(String jql, int offset, long lastIssueId) {
        return new PageToken(hash(jql), offset, lastIssueId);
    }

    String encode() {
        String plain = "v1:" + jqlHash + ":" + offset + ":" + lastIssueId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a token back; a forged, damaged or foreign token (another query's) is Jira's 400. */
    static PageToken decode(String token, String jql) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(":");
            if (parts.length == 4 && parts[0].equals("v1") && Integer.parseInt(parts[1]) == hash(jql)) {
                return new PageToken(Integer.parseInt(parts[1]), Integer.parseInt(parts[2]), Long.parseLong(parts[3]));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal below
        }
        throw ApiException.badRequest("The provided next page token is invalid or expired.");
    }

    private static int hash(String jql) {
        return jql == null ? 0 : jql.strip().hashCode();
    }
}
