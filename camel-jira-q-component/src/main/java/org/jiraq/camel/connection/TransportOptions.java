package org.jiraq.camel.connection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.hc.client5.http.classic.HttpClient;
import org.jiraq.camel.JiraqConfiguration;
import org.jiraq.camel.spi.JiraqHttpClientConfigurer;

/**
 * The options a connection's HTTP pool is built with. Endpoints that share a connection share its pool, so they must
 * agree on these; only the request timeout may differ, as it is set per request.
 */
record TransportOptions(int maxConnections, long connectTimeout, String proxyHost, Integer proxyPort,
                        SSLContextParameters sslContextParameters, HttpClient httpClient,
                        JiraqHttpClientConfigurer httpClientConfigurer, Duration requestTimeout) {

    static TransportOptions of(JiraqConfiguration config) {
        return new TransportOptions(config.getMaxConnections(), config.getConnectTimeout(), config.getProxyHost(),
                config.getProxyPort(), config.getSslContextParameters(), config.getHttpClient(),
                config.getHttpClientConfigurer(), Duration.ofMillis(config.getRequestTimeout()));
    }

    /** The names of the pool options that differ from {@code other}'s; empty when one pool serves both. */
    List<String> differencesFrom(TransportOptions other) {
        List<String> names = new ArrayList<>();
        if (maxConnections != other.maxConnections) {
            names.add("maxConnections");
        }
        if (connectTimeout != other.connectTimeout) {
            names.add("connectTimeout");
        }
        if (!Objects.equals(proxyHost, other.proxyHost) || !Objects.equals(proxyPort, other.proxyPort)) {
            names.add("proxyHost/proxyPort");
        }
        // beans count by identity: two beans are two set-ups even when they look alike
        if (sslContextParameters != other.sslContextParameters) {
            names.add("sslContextParameters");
        }
        if (httpClient != other.httpClient) {
            names.add("httpClient");
        }
        if (httpClientConfigurer != other.httpClientConfigurer) {
            names.add("httpClientConfigurer");
        }
        return names;
    }
}
