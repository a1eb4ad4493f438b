package org.jiraq.camel.spi;

import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

/**
 * Adjusts the Apache HttpClient 5 client the component builds for a Jira connection: interceptors for tracing, a
 * route planner, TLS or proxy settings of the application's own. Bind one and name it in option
 * {@code httpClientConfigurer}.
 */
@FunctionalInterface
public interface JiraqHttpClientConfigurer {

    /**
     * Called once per connection with the builder as the component set it up (pooled connections that log no traffic,
     * no redirect handling, no automatic retries, no cookie store), just before the client is built. Keep redirects and
     * retries off: the component follows redirects itself so credentials stay with the trusted hosts, and decides what
     * is safe to send again.
     */
    void configure(HttpClientBuilder builder);
}
