package org.jiraq.camel.auth.oauth2;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.jiraq.camel.JiraqConstants;

/**
 * Starts the OAuth 2.0 consent of a Jira user: answers 302 to the consent screen (on Cloud Atlassian's, with audience
 * api.atlassian.com, the scopes plus offline_access unless {@link #setOfflineAccess} turns it off, prompt=consent; on
 * Data Center the site's provider, with a PKCE S256 challenge) with a random, single-use state that expires after 10
 * minutes. The state is bound to the browser that asked (an HttpOnly cookie, scoped to the callback's path, that the
 * callback must bring back) and to the credentialId to store the grant under: header CamelJiraqCredentialId, else
 * option credentialId. Set that header from the application's own login (never from the request), so nobody can
 * connect an account for someone else.
 * <p>
 * Wiring, with the component options clientId, clientSecret, scopes and redirectUri set:
 *
 * <pre>
 * from("platform-http:/jira/connect")
 *         .setHeader("CamelJiraqCredentialId", simple("${header.userId}")) // from your authenticated session
 *         .process(new OAuth2AuthorizeProcessor());
 * from("platform-http:/jira/callback") // the URL in redirectUri, registered in the developer console
 *         .process(new OAuth2CallbackProcessor());
 * </pre>
 */
public final class OAuth2AuthorizeProcessor extends OAuth2ConnectProcessor {

    private boolean offlineAccess = true;

    @Override
    protected void handle(Exchange exchange, OAuth2Consent consent) {
        Message message = exchange.getMessage();
        OAuth2Consent.Begun begun = consent.begin(message.getHeader(JiraqConstants.CREDENTIAL_ID, String.class),
                offlineAccess);
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, 302);
        message.setHeader("Location", begun.consentScreen().toString());
        message.setHeader("Set-Cookie", browserCookie(begun.browserSecret(), (int) OAuth2Consent.STATE_LIFETIME.toSeconds()));
        message.setHeader("Cache-Control", "no-store");
        message.setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=utf-8");
        message.setBody("Redirecting to the consent screen to connect your Jira account");
    }

    public boolean isOfflineAccess() {
        return offlineAccess;
    }

    /**
     * Whether to ask Jira Cloud for offline_access, so the grant gets a refresh token and outlives its first hour
     * (default true). Data Center's provider issues a refresh token anyway.
     */
    public void setOfflineAccess(boolean offlineAccess) {
        this.offlineAccess = offlineAccess;
    }
}
