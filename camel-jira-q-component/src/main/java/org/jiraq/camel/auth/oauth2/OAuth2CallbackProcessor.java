package org.jiraq.camel.auth.oauth2;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.jiraq.camel.JiraqAuthorizationException;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.JiraqHttpException;
import org.jiraq.camel.spi.OAuth2Grant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Completes the OAuth 2.0 consent that {@link OAuth2AuthorizeProcessor} started, at the redirectUri: checks the state
 * and the browser's consent cookie (400 when the state is unknown, expired, used, or brought by another browser),
 * trades the code for tokens (with the PKCE verifier on Data Center), finds the Jira Cloud site, stores the grant under
 * the credentialId the consent was started for, and answers a small page. Reads the query parameters code, state and
 * error and the Cookie header as the HTTP consumer maps them to headers; sets header CamelJiraqCredentialId to the
 * credentialId connected, and exchange property {@value #CONNECTED_ACCOUNT} to the account connected, which
 * {@link OAuth2ConnectedAccount} turns into the JSON announced to the application.
 */
public final class OAuth2CallbackProcessor extends OAuth2ConnectProcessor {

    /** The exchange property holding the connected account: credentialId, siteUrl, cloudId and scopes (no secret). */
    public static final String CONNECTED_ACCOUNT = "CamelJiraqConnectedAccount";

    private static final Logger LOG = LoggerFactory.getLogger(OAuth2CallbackProcessor.class);

    @Override
    protected void handle(Exchange exchange, OAuth2Consent consent) throws Exception {
        Message message = exchange.getMessage();
        String error = message.getHeader("error", String.class);
        String code = message.getHeader("code", String.class);
        if (error != null || code == null) {
            answer(message, 400, "Jira access was not granted" + (error == null ? "" : " (" + error + ")")
                                 + ". Start again to connect your Jira account.");
            return;
        }
        Optional<OAuth2Consent.Connected> connected;
        try {
            connected = consent.complete(message.getHeader("state", String.class), browserSecret(message), code);
        } catch (JiraqHttpException | JiraqAuthorizationException e) {
            // the code was refused, or the grant reaches no site this app serves
            LOG.warn("Could not complete an OAuth 2.0 consent: {}", e.getMessage());
            answer(message, 502, "Atlassian did not accept the consent. Start again to connect your Jira account.");
            return;
        }
        if (connected.isEmpty()) {
            answer(message, 400, "This connect link has expired, was already used, or was opened in another browser."
                                 + " Start again to connect your Jira account.");
            return;
        }
        OAuth2Grant grant = connected.get().grant();
        message.setHeader(JiraqConstants.CREDENTIAL_ID, connected.get().credentialId());
        Map<String, String> account = new LinkedHashMap<>();
        account.put("credentialId", connected.get().credentialId());
        account.put("siteUrl", grant.siteUrl());
        account.put("cloudId", grant.cloudId());
        account.put("scopes", grant.scopes());
        exchange.setProperty(CONNECTED_ACCOUNT, account);
        answer(message, 200, "Your Jira account is connected" + (grant.siteUrl() == null ? "" : " to " + grant.siteUrl())
                             + ". You can close this page.");
    }

    /** Answers with a small page; the browser's consent cookie is spent whatever the outcome. */
    private void answer(Message message, int status, String text) {
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader("Set-Cookie", browserCookie("", 0));
        message.setHeader("Cache-Control", "no-store");
        message.setHeader(Exchange.CONTENT_TYPE, "text/html; charset=utf-8");
        message.setBody("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Jira</title></head><body><p>"
                        + escape(text) + "</p></body></html>");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
