package org.jiraq.camel.spi;

import java.time.Instant;

/**
 * What a user's OAuth 2.0 consent (or a client-credentials account) gives: the current access token and when it
 * expires, the refresh token that replaces it, and the Jira site it reaches. Immutable; every change is a new grant
 * that the {@link TokenStore} saves. {@link #toString()} never shows a token.
 *
 * @param accessToken       the Bearer token for Jira, or null before the first refresh
 * @param expiresAt         when the access token stops working, or null
 * @param refreshToken      the single-use refresh token (Atlassian rotates it on every refresh), or null
 * @param scopes            the scopes granted, space-separated, or null
 * @param cloudId           the Jira Cloud site id calls are routed to, or null until discovered
 * @param siteUrl           the URL of that site, or null
 * @param reconnectRequired true once the authorization server refused the grant (invalid_grant): only a new consent
 *                          helps, so calls fail fast instead of asking the token endpoint again
 */
public record OAuth2Grant(
        String accessToken, Instant expiresAt, String refreshToken, String scopes, String cloudId, String siteUrl,
        boolean reconnectRequired) {

    /** A grant known only by its refresh token, as configured before the first refresh. */
    public static OAuth2Grant seed(String refreshToken) {
        return new OAuth2Grant(null, null, refreshToken, null, null, null, false);
    }

    /** A grant with nothing yet, for client credentials, where every token comes from the client's own secret. */
    public static OAuth2Grant empty() {
        return new OAuth2Grant(null, null, null, null, null, null, false);
    }

    /** Whether the access token can still be sent at {@code instant}. */
    public boolean usableAt(Instant instant) {
        return !reconnectRequired && accessToken != null && expiresAt != null && instant.isBefore(expiresAt);
    }

    /** This grant after a token answer; a server that did not rotate the refresh token leaves the old one in place. */
    public OAuth2Grant withTokens(String newAccessToken, Instant newExpiresAt, String newRefreshToken, String newScopes) {
        return new OAuth2Grant(newAccessToken, newExpiresAt, newRefreshToken != null ? newRefreshToken : refreshToken,
                newScopes != null ? newScopes : scopes, cloudId, siteUrl, false);
    }

    public OAuth2Grant withSite(String newCloudId, String newSiteUrl) {
        return new OAuth2Grant(accessToken, expiresAt, refreshToken, scopes, newCloudId, newSiteUrl, reconnectRequired);
    }

    /** This grant after the authorization server refused it: the dead tokens are dropped, the site is kept. */
    public OAuth2Grant rejected() {
        return new OAuth2Grant(null, null, null, scopes, cloudId, siteUrl, true);
    }

    @Override
    public String toString() {
        return "OAuth2Grant[accessToken=" + (accessToken == null ? "none" : "***") + ", expiresAt=" + expiresAt
               + ", refreshToken=" + (refreshToken == null ? "none" : "***") + ", scopes=" + scopes + ", cloudId="
               + cloudId + ", siteUrl=" + siteUrl + ", reconnectRequired=" + reconnectRequired + "]";
    }
}
