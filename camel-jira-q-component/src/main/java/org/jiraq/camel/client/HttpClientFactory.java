package org.jiraq.camel.client;

import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.jiraq.camel.JiraqConfiguration;

/**
 * Builds the Apache HttpClient 5 client (the one camel-http uses) for an endpoint: pooled keep-alive connections, no
 * automatic redirects (the {@link JiraqClient} follows them itself so credentials never leave the trusted hosts), no
 * automatic retries (the {@link JiraqClient} decides what is safe to send again), no cookie store (a route's cookies
 * are its own), no background threads, and connections that never log headers or traffic
 * ({@link UnloggedHttpConnection}); then the option httpClientConfigurer may adjust it. The caller closes it.
 */
public final class HttpClientFactory {

    // a pooled connection idle for longer is checked before use, so a connection Jira's load balancer dropped is not
    // mistaken for a fault of the request sent on it
    private static final TimeValue VALIDATE_AFTER_INACTIVITY = TimeValue.ofSeconds(2);

    private HttpClientFactory() {
    }

    /** A client with the default options: no proxy, the JVM's TLS settings. */
    public static CloseableHttpClient createDefault() {
        try {
            return create(null, new JiraqConfiguration());
        } catch (Exception e) {
            throw new IllegalStateException("The default HTTP client cannot be built", e); // only TLS options throw
        }
    }

    /** A client with the options' timeouts, connection limit, proxy and TLS settings. */
    public static CloseableHttpClient create(CamelContext context, JiraqConfiguration config) throws Exception {
        if (config.getMaxConnections() < 1) {
            throw new IllegalArgumentException("Option 'maxConnections' must be at least 1");
        }
        Timeout requestTimeout = Timeout.ofMilliseconds(config.getRequestTimeout());
        PoolingHttpClientConnectionManagerBuilder connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setConnectionFactory(UnloggedHttpConnection.factory())
                .setMaxConnTotal(config.getMaxConnections() * 4)
                .setMaxConnPerRoute(config.getMaxConnections())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(config.getConnectTimeout(), TimeUnit.MILLISECONDS)
                        .setSocketTimeout(requestTimeout)
                        .setValidateAfterInactivity(VALIDATE_AFTER_INACTIVITY)
                        .build());
        if (config.getSslContextParameters() != null) {
            connections.setTlsSocketStrategy(
                    new DefaultClientTlsStrategy(config.getSslContextParameters().createSSLContext(context)));
        }
        HttpClientBuilder builder = HttpClientBuilder.create()
                .setConnectionManager(connections.build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(requestTimeout)
                        .setConnectionRequestTimeout(requestTimeout)
                        .build());
        if (config.getProxyHost() != null) {
            if (config.getProxyPort() == null) {
                throw new IllegalArgumentException("Option 'proxyPort' is required when 'proxyHost' is set");
            }
            builder.setProxy(new HttpHost(config.getProxyHost(), config.getProxyPort()));
        }
        if (config.getHttpClientConfigurer() != null) {
            config.getHttpClientConfigurer().configure(builder);
        }
        return builder.build();
    }
}
