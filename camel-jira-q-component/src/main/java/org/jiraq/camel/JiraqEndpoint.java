package org.jiraq.camel;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;
import org.jiraq.camel.auth.AuthStrategyFactory;
import org.jiraq.camel.client.HttpClientFactory;
import org.jiraq.camel.client.JiraqClient;
import org.jiraq.camel.client.JiraqClientListener;
import org.jiraq.camel.client.RetryPolicy;
import org.jiraq.camel.observe.JiraqConnection;

/**
 * Call Jira Cloud and Jira Data Center: create, read, change, search, comment on and transition issues.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "jiraq", title = "Jira (jiraq)", syntax = "jiraq:operation",
             category = { Category.API, Category.CLOUD }, headersClass = JiraqConstants.class, producerOnly = true)
public class JiraqEndpoint extends DefaultEndpoint implements EndpointServiceLocation {

    @UriPath(description = "The operation to perform")
    @Metadata(required = true)
    private final JiraqOperation operation;
    @UriParam
    private final JiraqConfiguration configuration;

    private URI siteUrl;
    private JiraqDeployment deployment;
    private int apiVersion;
    private JiraqClient client;
    // observability
    private JiraqConnection connection;

    public JiraqEndpoint(String uri, JiraqComponent component, JiraqOperation operation,
                         JiraqConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
    }

    /** Checks the options now, so a mistake fails at route start with a message that names the option. */
    void validate() {
        String baseUrl = configuration.getBaseUrl();
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException(
                    "Option 'baseUrl' is required: the Jira site URL, for example https://acme.atlassian.net");
        }
        URI uri;
        try {
            uri = URI.create(baseUrl.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Option 'baseUrl' is not a URL: " + e.getMessage(), e);
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())
                || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "Option 'baseUrl' must be an http(s) URL with a host, for example https://acme.atlassian.net");
        }
        if (uri.getRawQuery() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(
                    "Option 'baseUrl' must not carry a query or credentials; use the security options instead");
        }
        siteUrl = uri;
        deployment = configuration.getDeployment() != null
                ? configuration.getDeployment() : JiraqDeployment.inferFrom(uri);
        apiVersion = configuration.getApiVersion() != null ? configuration.getApiVersion() : deployment.defaultApiVersion();
        if (apiVersion != 2 && apiVersion != 3) {
            throw new IllegalArgumentException("Option 'apiVersion' must be 2 or 3, not " + apiVersion);
        }
        if (deployment == JiraqDeployment.datacenter && apiVersion == 3) {
            throw new IllegalArgumentException(
                    "Option 'apiVersion' 3 is not offered by Jira Data Center; use 2 or leave it unset");
        }
        if (configuration.getPageSize() < 1 || configuration.getMaxResults() < 1) {
            throw new IllegalArgumentException("Options 'pageSize' and 'maxResults' must be at least 1");
        }
        AuthStrategyFactory.create(configuration); // fails now, naming the missing credential option
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (client == null) {
            client = new JiraqClient(siteUrl, AuthStrategyFactory.create(configuration),
                    HttpClientFactory.create(getCamelContext(), Duration.ofMillis(configuration.getConnectTimeout()),
                            configuration.getProxyHost(), configuration.getProxyPort(),
                            configuration.getSslContextParameters()),
                    new RetryPolicy(configuration.getMaxRetries(), Duration.ofMillis(configuration.getRetryDelay()),
                            Duration.ofMillis(configuration.getMaxRetryDelay())),
                    Duration.ofMillis(configuration.getRequestTimeout()));
        }
        // observability
        getComponent().resolveMetrics();
        connection = getComponent().getConnections().acquire(client, deployment, apiVersion,
                AuthStrategyFactory.resolveMethod(configuration), getComponent().getMetrics());
        client.setListener(connection.listenerFor(operation.name()));
    }

    @Override
    protected void doStop() throws Exception {
        // observability
        if (connection != null) {
            client.setListener(JiraqClientListener.NONE);
            getComponent().getConnections().release(connection);
            connection = null;
        }
        super.doStop();
    }

    @Override
    public Producer createProducer() {
        return new JiraqProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("jiraq:" + operation + " is a producer operation; it cannot consume");
    }

    public JiraqOperation getOperation() {
        return operation;
    }

    public JiraqConfiguration getConfiguration() {
        return configuration;
    }

    public JiraqClient getClient() {
        return client;
    }

    @Override
    public JiraqComponent getComponent() {
        return (JiraqComponent) super.getComponent();
    }

    /** The Jira connection this endpoint uses while started: its health, recent activity and indicators. */
    public JiraqConnection getConnection() {
        return connection;
    }

    public JiraqDeployment getDeployment() {
        return deployment;
    }

    public int getApiVersion() {
        return apiVersion;
    }

    /** The REST root path of the platform API for this endpoint: {@code /rest/api/3} or {@code /rest/api/2}. */
    public String apiPath() {
        return "/rest/api/" + apiVersion;
    }

    /** Whether rich text travels as Atlassian Document Format (REST v3) rather than plain strings (v2). */
    public boolean usesAdf() {
        return apiVersion == 3;
    }

    @Override
    public String getServiceUrl() {
        return configuration.getBaseUrl();
    }

    @Override
    public String getServiceProtocol() {
        return "rest";
    }

    @Override
    public Map<String, String> getServiceMetadata() {
        return Map.of("deployment", String.valueOf(deployment), "authStrategy",
                String.valueOf(AuthStrategyFactory.resolveMethod(configuration)));
    }
}
