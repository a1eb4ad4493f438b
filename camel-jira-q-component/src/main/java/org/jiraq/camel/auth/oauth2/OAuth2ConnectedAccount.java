package org.jiraq.camel.auth.oauth2;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.client.Json;

/**
 * Prepares the announcement of an account that {@link OAuth2CallbackProcessor} connected, as the {@code onPrepare} of
 * the wire tap that sends it on: the body becomes the account as JSON text ({@code credentialId}, {@code siteUrl},
 * {@code cloudId} on Cloud, {@code scopes}; never a token), with header CamelJiraqCredentialId and Content-Type
 * application/json, and none of the callback's HTTP headers (its cookie, its query), so the browser's answer, the
 * page, stays as it is.
 */
public final class OAuth2ConnectedAccount implements Processor {

    @Override
    public void process(Exchange exchange) throws Exception {
        Object account = exchange.getProperty(OAuth2CallbackProcessor.CONNECTED_ACCOUNT);
        if (account == null) {
            throw new IllegalStateException("No connected account on the exchange: use " + getClass().getSimpleName()
                                            + " after " + OAuth2CallbackProcessor.class.getSimpleName() + " answered 200");
        }
        Message message = exchange.getMessage();
        String credentialId = message.getHeader(JiraqConstants.CREDENTIAL_ID, String.class);
        message.getHeaders().clear();
        message.setHeader(JiraqConstants.CREDENTIAL_ID, credentialId);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setBody(Json.MAPPER.writeValueAsString(account));
    }
}
