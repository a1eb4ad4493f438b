package org.jiraq.camel.auth.oauth2;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.jiraq.camel.JiraqConstants;

/**
 * Starts the OAuth 2.0 (3LO) consent of a Jira user: answers 302 to Atlassian's consent screen (audience
 * api.atlassian.com, the scopes plus offline_access, prompt=consent) with a random, single-use state that expires
 * after 10 minutes and is bound to the credentialId to store the grant under: header CamelJiraqCredentialId, else
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

    @Override
    protected void handle(Exchange exchange, OAuth2Consent consent) {
        Message message = exchange.getMessage();
        String location = consent.begin(message.getHeader(JiraqConstants.CREDENTIAL_ID, String.class)).toString();
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, 302);
        message.setHeader("Location", location);
        message.setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=utf-8");
        message.setBody("Redirecting to Atlassian to connect your Jira account");
    }
}
