package org.jiraq.camel.auth.oauth2;

import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;

import org.apache.camel.CamelContext;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.jiraq.camel.JiraqConfiguration;
import org.jiraq.camel.JiraqDeployment;
import org.jiraq.camel.client.HttpClientFactory;
import org.jiraq.camel.client.RetryPolicy;
import org.jiraq.camel.spi.TokenStore;

/**
 * What a strategy that talks to an authorization server needs besides the options: the site, the HTTP client (whoever
 * created the context closes it), retry policy and timeout used for Jira, and the token store (looked up only when first needed, so the database opens
 * only for strategies that store tokens).
 */
public record AuthContext(
        URI siteUrl, JiraqDeployment deployment, CloseableHttpClient http, RetryPolicy retryPolicy, Duration requestTimeout,
        Supplier<TokenStore> tokenStore) {

    /** The HTTP client, retries and timeout the configuration asks for. */
    public static AuthContext create(
            CamelContext camelContext, JiraqConfiguration config, URI siteUrl, JiraqDeployment deployment,
            Supplier<TokenStore> tokenStore)
            throws Exception {
        return new AuthContext(siteUrl, deployment,
                HttpClientFactory.create(camelContext, config),
                new RetryPolicy(config.getMaxRetries(), Duration.ofMillis(config.getRetryDelay()),
                        Duration.ofMillis(config.getMaxRetryDelay()), config.isRetryPostOn503()),
                Duration.ofMillis(config.getRequestTimeout()), tokenStore);
    }
}
