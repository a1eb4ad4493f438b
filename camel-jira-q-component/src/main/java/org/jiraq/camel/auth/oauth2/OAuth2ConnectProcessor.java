package org.jiraq.camel.auth.oauth2;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.service.ServiceSupport;
import org.jiraq.camel.JiraqComponent;

/**
 * A step of the OAuth 2.0 connect flow, behind any Camel HTTP consumer. It acts with the OAuth 2.0 options of a jiraq
 * component (clientId, clientSecret, scopes, redirectUri, ...; by default the component named jiraq) and stores grants
 * through that component's Jira connection (its HTTP pool and token manager), where its endpoints find them.
 */
public abstract class OAuth2ConnectProcessor extends ServiceSupport implements Processor {

    private String component = "jiraq";
    private volatile OAuth2Consent consent;
    private JiraqComponent jiraq;

    @Override
    public void process(Exchange exchange) throws Exception {
        handle(exchange, consent(exchange.getContext()));
    }

    protected abstract void handle(Exchange exchange, OAuth2Consent consent) throws Exception;

    public String getComponent() {
        return component;
    }

    /** The name of the jiraq component whose options and token store to use. */
    public void setComponent(String component) {
        this.component = component;
    }

    private OAuth2Consent consent(CamelContext camelContext) throws Exception {
        OAuth2Consent ready = consent;
        if (ready == null) {
            synchronized (this) {
                if (consent == null) {
                    jiraq = camelContext.getComponent(component, JiraqComponent.class);
                    if (jiraq == null) {
                        throw new IllegalArgumentException(
                                "No jiraq component named '" + component + "' for the OAuth 2.0 connect flow");
                    }
                    consent = jiraq.startConsent();
                }
                ready = consent;
            }
        }
        return ready;
    }

    @Override
    protected void doStop() {
        synchronized (this) {
            if (consent != null) {
                jiraq.stopConsent(consent);
                consent = null;
            }
        }
    }
}
