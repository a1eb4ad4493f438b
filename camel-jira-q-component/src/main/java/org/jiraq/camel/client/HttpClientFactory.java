package org.jiraq.camel.client;

import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.time.Duration;

import org.apache.camel.CamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * Builds the JDK HTTP client: pooled connections, HTTP/1.1 (what Jira and most proxies speak best), no automatic
 * redirects (the {@link JiraqClient} follows them itself so credentials never leave the trusted hosts).
 */
public final class HttpClientFactory {

    private HttpClientFactory() {
    }

    public static HttpClient create(
            CamelContext context, Duration connectTimeout, String proxyHost, Integer proxyPort,
            SSLContextParameters ssl) throws Exception {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout);
        if (proxyHost != null) {
            if (proxyPort == null) {
                throw new IllegalArgumentException("Option 'proxyPort' is required when 'proxyHost' is set");
            }
            builder.proxy(ProxySelector.of(new InetSocketAddress(proxyHost, proxyPort)));
        }
        if (ssl != null) {
            builder.sslContext(ssl.createSSLContext(context));
        }
        return builder.build();
    }
}
