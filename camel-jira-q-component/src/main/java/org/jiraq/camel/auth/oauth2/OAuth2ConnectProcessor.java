package org.jiraq.camel.auth.oauth2;

import java.net.URI;
import java.util.regex.Pattern;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.service.ServiceSupport;
import org.jiraq.camel.JiraqComponent;
import org.jiraq.camel.JiraqConfiguration;
import org.jiraq.camel.JiraqEndpoint;

/**
 * A step of the OAuth 2.0 connect flow, behind any Camel HTTP consumer. It acts with the OAuth 2.0 options of a jiraq
 * component (clientId, clientSecret, scopes, redirectUri, ...; by default the component named jiraq), or of a jiraq
 * endpoint URI that sets them ({@link #setEndpoint}), and stores grants through that component's Jira connection for
 * those options (its HTTP pool and token manager), where its endpoints find them; it lets go of the connection when its
 * route stops.
 */
public abstract class OAuth2ConnectProcessor extends ServiceSupport implements Processor {

    /** The cookie that binds a consent to the browser that began it. */
    static final String COOKIE = "jiraq_oauth2_consent";
    /** An option of an endpoint URI given no value, with the separator before it. */
    private static final Pattern EMPTY_OPTION = Pattern.compile("(?<=[?&])[^=&]+=(?:&|$)");

    private String component = "jiraq";
    private String endpoint;
    private volatile OAuth2Consent consent;
    private JiraqComponent jiraq;
    private String cookieAttributes;

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

    public String getEndpoint() {
        return endpoint;
    }

    /**
     * A jiraq endpoint URI whose options to use instead of the component's alone, for example
     * {@code jiraq:request?baseUrl=...&clientId=...&clientSecret=...&redirectUri=...} (a Kamelet passes its properties
     * so; an option left empty, {@code deployment=}, counts as not set); the grants go to its component's token store.
     */
    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    /** The Set-Cookie value of the browser secret, scoped to the callback: HttpOnly, SameSite=Lax, Secure on https. */
    String browserCookie(String value, int maxAgeSeconds) {
        return COOKIE + "=" + value + "; Max-Age=" + maxAgeSeconds + cookieAttributes;
    }

    /**
     * The browser secret the request's Cookie header brings back, or null. Also reads the RFC 2965 form some HTTP
     * clients send ({@code $Version="1"; name="value"; $Path=...}).
     */
    static String browserSecret(Message message) {
        String cookies = message.getHeader("Cookie", String.class);
        if (cookies == null) {
            return null;
        }
        for (String cookie : cookies.split(";")) {
            String trimmed = cookie.trim();
            if (trimmed.startsWith(COOKIE + "=")) {
                String value = trimmed.substring(COOKIE.length() + 1);
                return value.length() > 1 && value.startsWith("\"") && value.endsWith("\"")
                        ? value.substring(1, value.length() - 1) : value;
            }
        }
        return null;
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
        JiraqConfiguration config;
        if (endpoint != null) {
            JiraqEndpoint configured = camelContext.getEndpoint(EMPTY_OPTION.matcher(endpoint).replaceAll("")
                    .replaceFirst("[?&]$", ""), JiraqEndpoint.class);
            jiraq = configured.getComponent();
            config = configured.getConfiguration();
        } else {
            jiraq = camelContext.getComponent(component, JiraqComponent.class);
            if (jiraq == null) {
                throw new IllegalArgumentException("No jiraq component named '" + component + "' for the OAuth 2.0"
                                                   + " connect flow");
            }
            config = jiraq.getConfiguration();
        }
        if (config.getBaseUrl() == null || config.getBaseUrl().isBlank()) {
            throw new IllegalArgumentException("Option 'baseUrl' is required for the OAuth 2.0 connect flow: the Jira"
                                               + " site URL");
        }
        OAuth2Consent started = jiraq.startConsent(config);
        URI callback = URI.create(started.settings().requireRedirectUri());
        String path = callback.getRawPath() == null || callback.getRawPath().isEmpty() ? "/" : callback.getRawPath();
        cookieAttributes = "; Path=" + path + "; HttpOnly; SameSite=Lax"
                           + ("https".equalsIgnoreCase(callback.getScheme()) ? "; Secure" : "");
        return started;
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
