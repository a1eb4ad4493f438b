package org.jiraq.camel;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.jiraq.camel.auth.oauth2.OAuth2Auth;
import org.jiraq.camel.client.JiraqClient;
import org.jiraq.camel.client.RetryPolicy;
import org.jiraq.camel.connection.JiraqConnection;
import org.jiraq.camel.connection.JiraqConnections;
import org.jiraq.camel.webhook.WebhookOptions;

/**
 * Call Jira Cloud and Jira Data Center: create, read, change, search, comment on and transition issues; create issues
 * in bulk, attach files, work with Service Management requests, or make any other REST call; receive Jira's webhooks
 * (jiraq:webhook) or poll for changed issues (jiraq:issues).
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "jiraq", title = "Jira (jiraq)", syntax = "jiraq:operation",
             category = { Category.API, Category.CLOUD }, headersClass = JiraqConstants.class)
public class JiraqEndpoint extends ScheduledPollEndpoint implements EndpointServiceLocation {

    @UriPath(description = "The operation to perform")
    @Metadata(required = true)
    private final JiraqOperation operation;
    @UriParam
    private final JiraqConfiguration configuration;

    private URI siteUrl;
    private JiraqDeployment deployment;
    private int apiVersion;
    private JiraqConnection connection;
    private JiraqClient client;

    public JiraqEndpoint(String uri, JiraqComponent component, JiraqOperation operation,
                         JiraqConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
    }

    /** Checks the options now, so a mistake fails at route start with a message that names the option. */
    void validate() {
        if (operation == JiraqOperation.webhook) {
            OptionalDependency.require("org.apache.camel.component.platform.http.PlatformHttpComponent",
                    "a platform-http engine such as org.apache.camel:camel-platform-http-main",
                    "jiraq:webhook, which Camel's platform-http serves,");
            // the consumer's own options (verification, events, registration) are checked when it is created
            WebhookOptions.validateInbox(configuration);
            if (configuration.getWebhookRegistration() == JiraqWebhookRegistration.none) {
                return; // Jira calls in; nothing calls Jira
            }
        }
        String baseUrl = configuration.getBaseUrl();
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException(
                    "Option 'baseUrl' is required: the Jira site URL, for example https://acme.atlassian.net");
        }
        URI uri;
        try {
            uri = configuration.siteUrl();
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
        int rest = uri.getRawPath() == null ? -1 : (uri.getRawPath() + "/").indexOf("/rest/");
        if (rest >= 0) {
            String site = baseUrl.trim().substring(0, baseUrl.trim().indexOf(uri.getRawPath()) + rest);
            throw new IllegalArgumentException(
                    "Option 'baseUrl' is the site URL, without the REST path: use " + site + " instead of "
                                               + baseUrl.trim() + " (the component adds /rest/api/3 or /rest/api/2"
                                               + " itself)");
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
        if (configuration.getQuotaPoints() < 0 || configuration.getQuotaWindow() < 1) {
            throw new IllegalArgumentException("Options 'quotaPoints' (0 or more) and 'quotaWindow' (seconds, 1 or more)"
                                               + " are out of range: " + configuration.getQuotaPoints() + " and "
                                               + configuration.getQuotaWindow());
        }
        if (configuration.getPrefetchPages() < 0) {
            throw new IllegalArgumentException("Option 'prefetchPages' must be 0 (no prefetch) or more, not "
                                               + configuration.getPrefetchPages());
        }
        JiraqConnections.validate(configuration, siteUrl, deployment); // fails now, naming the missing credential option
        if (configuration.getWebhookRegistration() == JiraqWebhookRegistration.dynamic
                && operation == JiraqOperation.webhook && deployment != JiraqDeployment.cloud) {
            throw new IllegalArgumentException(
                    "Option 'webhookRegistration' dynamic is for Jira Cloud apps; use admin on Data Center");
        }
    }

    /** Takes its share of the component's connection for its site and credentials, creating it if it is the first. */
    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (siteUrl != null) {
            connection = getComponent().getConnections().acquire(configuration, siteUrl, deployment, apiVersion);
            client = connection.clientFor(operation.name(), RetryPolicy.of(configuration),
                    Duration.ofMillis(configuration.getRequestTimeout()), configuration.getRateLimitPriority());
            connection.governor().useQuota(configuration.getQuotaPoints(),
                    Duration.ofSeconds(configuration.getQuotaWindow()));
            if (client.auth() instanceof OAuth2Auth oauth && checksScopes()) {
                oauth.warnIfScopesLacking(operation.name(), csmResource(), getEndpointUri(),
                        configuration.getCredentialId(), true);
            }
        }
    }

    /** Gives its share back: the last endpoint of a connection closes it (a removed route's endpoint too). */
    @Override
    protected void doStop() throws Exception {
        if (connection != null) {
            getComponent().getConnections().release(connection);
            connection = null;
            client = null;
        }
        super.doStop();
    }

    @Override
    public Producer createProducer() {
        return new JiraqProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        return switch (operation) {
            case webhook -> {
                WebhookOptions.validate(configuration);
                yield new JiraqWebhookConsumer(this, processor);
            }
            case issues -> {
                JiraqIssuesConsumer consumer = new JiraqIssuesConsumer(this, processor);
                configureConsumer(consumer);
                yield consumer;
            }
            case gdpr -> {
                JiraqGdprConsumer consumer = new JiraqGdprConsumer(this, processor);
                configureConsumer(consumer);
                yield consumer;
            }
            default -> throw new UnsupportedOperationException(
                    "jiraq:" + operation + " is a producer operation; consume with jiraq:webhook, jiraq:issues or"
                    + " jiraq:gdpr");
        };
    }

    /**
     * After an exchange: warns, once per credential, when its OAuth 2.0 grant's scopes (known once a token answer said
     * them) lack what this operation needs. Costs nothing more once judged.
     */
    void checkScopes(Exchange exchange) {
        if (client != null && client.auth() instanceof OAuth2Auth oauth && checksScopes()) {
            oauth.warnIfScopesLacking(operation.name(), csmResource(), getEndpointUri(),
                    exchange.getMessage().getHeader(JiraqConstants.CREDENTIAL_ID, String.class), false);
        }
    }

    /**
     * A call Jira refused with 401 or 403, explained by the scope the OAuth 2.0 grant lacks for this operation when
     * that is the reason; otherwise as it was.
     */
    JiraqHttpException explain(JiraqHttpException refused, Exchange exchange) {
        if (refused.getStatusCode() != 401 && refused.getStatusCode() != 403
                || client == null || !(client.auth() instanceof OAuth2Auth oauth)) {
            return refused;
        }
        return oauth.lackingScopes(operation.name(), csmResource(),
                exchange.getMessage().getHeader(JiraqConstants.CREDENTIAL_ID, String.class), true)
                .map(refused::withExplanation).orElse(refused);
    }

    private String csmResource() {
        return configuration.getCsmResource() == null ? null : configuration.getCsmResource().name();
    }

    /** Whether the scope table applies: a webhook needs its scopes only to register itself dynamically. */
    private boolean checksScopes() {
        return operation != JiraqOperation.webhook
               || configuration.getWebhookRegistration() == JiraqWebhookRegistration.dynamic;
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

    /**
     * The client for one exchange: its calls use the OAuth 2.0 grant the exchange names in header
     * CamelJiraqCredentialId, else the endpoint's credentialId, and the producer hears of their answers for the
     * exchange's rate-limit headers. Operations call Jira through this.
     */
    public JiraqClient getClient(Exchange exchange) {
        JiraqClient forExchange = client.forCredential(
                exchange.getMessage().getHeader(JiraqConstants.CREDENTIAL_ID, String.class));
        ExchangeRateLimit answers = ExchangeRateLimit.of(exchange);
        return answers == null ? forExchange : forExchange.alsoReportingTo(answers);
    }

    @Override
    public JiraqComponent getComponent() {
        return (JiraqComponent) super.getComponent();
    }

    /**
     * The Jira connection this endpoint uses while started (its health, recent activity and indicators); null for a
     * webhook endpoint that never calls Jira.
     */
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
        return siteUrl != null ? siteUrl.toString() : configuration.getBaseUrl();
    }

    @Override
    public String getServiceProtocol() {
        return "rest";
    }

    @Override
    public Map<String, String> getServiceMetadata() {
        if (siteUrl == null) {
            return Map.of(); // a webhook that registers nothing has no Jira connection
        }
        return Map.of("deployment", String.valueOf(deployment), "authStrategy",
                String.valueOf(configuration.resolveAuthStrategy()));
    }
}
