package org.jiraq.camel.auth.oauth2;

import java.net.URI;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.camel.util.IOHelper;
import org.jiraq.camel.JiraqComponent;
import org.jiraq.camel.JiraqConfiguration;
import org.jiraq.camel.JiraqDeployment;

/**
 * A step of the OAuth 2.0 connect flow, behind any Camel HTTP consumer. It acts with the OAuth 2.0 options of a jiraq
 * component (clientId, clientSecret, scopes, redirectUri, ...; by default the component named jiraq) and stores grants
 * in that component's token store, where its endpoints find them. Its HTTP connections close when its route stops.
 */
public abstract class OAuth2ConnectProcessor extends ServiceSupport implements Processor {

    private String component = "jiraq";
    private volatile OAuth2Consent consent;
    private AuthContext context;

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
                    consent = create(camelContext);
                }
                ready = consent;
            }
        }
        return ready;
    }

    private OAuth2Consent create(CamelContext camelContext) throws Exception {
        JiraqComponent jiraq = camelContext.getComponent(component, JiraqComponent.class);
        if (jiraq == null) {
            throw new IllegalArgumentException("No jiraq component named '" + component + "' for the OAuth 2.0 connect flow");
        }
        JiraqConfiguration config = jiraq.getConfiguration();
        if (config.getBaseUrl() == null || config.getBaseUrl().isBlank()) {
            throw new IllegalArgumentException("Option 'baseUrl' of component '" + component + "' is required for the"
                                               + " OAuth 2.0 connect flow: the Jira site URL");
        }
        URI siteUrl = URI.create(config.getBaseUrl().trim());
        JiraqDeployment deployment = config.getDeployment() != null ? config.getDeployment()
                : JiraqDeployment.inferFrom(siteUrl);
        context = AuthContext.create(camelContext, config, siteUrl, deployment, () -> jiraq.tokenStoreFor(config));
        return new OAuth2Consent(OAuth2Settings.from(config, siteUrl, deployment), context);
    }

    @Override
    protected void doStop() {
        synchronized (this) {
            if (context != null) {
                IOHelper.close(context.http());
                context = null;
                consent = null;
            }
        }
    }
}
