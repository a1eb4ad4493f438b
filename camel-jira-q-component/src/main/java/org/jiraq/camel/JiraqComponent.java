package org.jiraq.camel;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import javax.sql.DataSource;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.PropertiesHelper;
import org.jiraq.camel.auth.oauth2.OAuth2Auth;
import org.jiraq.camel.auth.oauth2.OAuth2Consent;
import org.jiraq.camel.connection.JiraqConnection;
import org.jiraq.camel.connection.JiraqConnections;
import org.jiraq.camel.deadletter.DeadLetterStore;
import org.jiraq.camel.deadletter.JdbcDeadLetterStore;
import org.jiraq.camel.gdpr.ReportingSchedule;
import org.jiraq.camel.health.JiraqProducerHealthChecks;
import org.jiraq.camel.metrics.JiraqMetrics;
import org.jiraq.camel.metrics.JiraqMetricsBinding;
import org.jiraq.camel.operation.DurableKeys;
import org.jiraq.camel.spi.AccountRegistry;
import org.jiraq.camel.spi.GdprStore;
import org.jiraq.camel.spi.TokenStore;
import org.jiraq.camel.store.JdbcIdempotencyKeys;
import org.jiraq.camel.store.JiraqStore;
import org.jiraq.camel.store.JiraqStoreService;
import org.jiraq.camel.webhook.InboxWorker;

/** The {@code jiraq:} component: Jira Cloud and Jira Data Center. */
@Component("jiraq")
public class JiraqComponent extends HealthCheckComponent {

    @Metadata(label = "advanced", description = "The shared configuration; endpoints start from a copy of it.")
    private JiraqConfiguration configuration = new JiraqConfiguration();

    private JiraqConnections connections;
    private JiraqMetricsBinding metrics;
    private JiraqProducerHealthChecks producerHealthChecks;
    private final Map<OAuth2Consent, JiraqConnection> consents = new IdentityHashMap<>();
    // the store options are the store service's; the setters below only make them component options
    private final JiraqStoreService storeService = new JiraqStoreService();

    // webhooks
    private final Set<InboxWorker> webhookInboxes = ConcurrentHashMap.newKeySet();
    private DeadLetterStore defaultDeadLetterStore;

    // faults: durable idempotency keys
    @Metadata(label = "producer,advanced", defaultValue = "7d", javaType = "java.time.Duration")
    private long idempotencyKeyRetention = Duration.ofDays(7).toMillis();
    private DurableKeys durableKeys;
    private ScheduledExecutorService durableKeysRenewal;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        JiraqOperation operation = parseOperation(remaining);
        JiraqConfiguration endpointConfiguration = configuration.copy();
        // request, serviceDeskRequest: the query.*, httpHeader.* and cookie.* options become maps
        extractPrefixed(parameters, "query.", endpointConfiguration::setQueryParameters);
        extractPrefixed(parameters, "httpHeader.", endpointConfiguration::setHttpHeaders);
        extractPrefixed(parameters, "cookie.", endpointConfiguration::setCookies);
        JiraqEndpoint endpoint = new JiraqEndpoint(uri, this, operation, endpointConfiguration);
        if (operation == JiraqOperation.gdpr) { // gdpr
            ReportingSchedule.applyDefaults(parameters);
        }
        setProperties(endpoint, parameters);
        endpoint.validate();
        return endpoint;
    }

    private static void extractPrefixed(Map<String, Object> parameters, String prefix,
                                        Consumer<Map<String, Object>> setter) {
        Map<String, Object> values = PropertiesHelper.extractProperties(parameters, prefix);
        if (!values.isEmpty()) {
            setter.accept(values);
        }
    }

    private static JiraqOperation parseOperation(String remaining) {
        try {
            return JiraqOperation.valueOf(remaining);
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException(
                    "Unknown jiraq operation '" + remaining + "'; expected one of "
                                               + java.util.Arrays.toString(JiraqOperation.values()));
        }
    }

    /** The Jira connections of the running endpoints: one per site and credential, with their recent activity. */
    public synchronized JiraqConnections getConnections() {
        if (connections == null) {
            connections = new JiraqConnections(getCamelContext(), getMetrics(), this::tokenStoreFor,
                    storeService::sharedRateLimits);
        }
        return connections;
    }

    /** The component's meters: Micrometer once the application has bound a MeterRegistry, else nothing. */
    public synchronized JiraqMetrics getMetrics() {
        if (metrics == null) {
            metrics = JiraqMetricsBinding.of(getCamelContext());
        }
        return metrics;
    }

    /** The connections' readiness checks in Camel's producers repository, each while a producer of it runs. */
    synchronized JiraqProducerHealthChecks getProducerHealthChecks() {
        if (producerHealthChecks == null) {
            producerHealthChecks = new JiraqProducerHealthChecks(getCamelContext(), this::isHealthCheckProducerEnabled);
        }
        return producerHealthChecks;
    }

    /**
     * Starts the OAuth 2.0 consent flow with {@code config} (the component's, or an endpoint's), for the connect
     * processors: it stores grants through the connection (and its one token manager) that endpoints with these
     * options use. Pair with {@link #stopConsent(OAuth2Consent)}.
     */
    public synchronized OAuth2Consent startConsent(JiraqConfiguration config) throws Exception {
        URI siteUrl = config.siteUrl();
        JiraqDeployment deployment = config.getDeployment() != null ? config.getDeployment()
                : JiraqDeployment.inferFrom(siteUrl);
        JiraqConnection connection = getConnections().acquire(config, siteUrl, deployment,
                config.getApiVersion() != null ? config.getApiVersion() : deployment.defaultApiVersion());
        if (!(connection.auth() instanceof OAuth2Auth oauth)) {
            getConnections().release(connection);
            throw new IllegalArgumentException("The OAuth 2.0 connect flow needs authStrategy=oauth2, not "
                                               + connection.authStrategy());
        }
        OAuth2Consent consent = oauth.consent();
        consents.put(consent, connection);
        return consent;
    }

    public synchronized void stopConsent(OAuth2Consent consent) {
        JiraqConnection connection = consents.remove(consent);
        if (connection != null) {
            getConnections().release(connection);
        }
    }

    // store

    /** The component's store service: its database, opened on first use, and the stores each feature keeps there. */
    public JiraqStoreService getStoreService() {
        return storeService;
    }

    /**
     * The component's database, opened and migrated on first use (so apps that store nothing never create it) and
     * closed when the component stops.
     */
    public JiraqStore getStore() {
        return storeService.getStore();
    }

    public boolean isShareRateLimits() {
        return storeService.isShareRateLimits();
    }

    /**
     * Whether replicas whose store is a shared database (PostgreSQL) share each site and credential's rate-limit
     * state through it: burst budgets, the points quota, issue write windows and quota lock-outs. Off, each JVM paces
     * its own calls.
     */
    @Metadata(label = "advanced", defaultValue = "true")
    public void setShareRateLimits(boolean shareRateLimits) {
        storeService.setShareRateLimits(shareRateLimits);
    }

    /** The token store an endpoint with this configuration uses: its tokenStore option, else the component's. */
    public TokenStore tokenStoreFor(JiraqConfiguration endpointConfiguration) {
        if (endpointConfiguration.getTokenStore() != null) {
            return endpointConfiguration.getTokenStore();
        }
        return storeService.defaultTokenStore();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        ServiceHelper.startService(storeService);
    }

    /** Configures Quartz while the context initialises, before any endpoint's schedule starts a scheduler. */
    @Override
    protected void doInit() throws Exception {
        super.doInit();
        storeService.configureSchedules(getCamelContext());
    }

    @Override
    protected void doStop() throws Exception {
        synchronized (this) {
            if (connections != null) {
                connections.closeAll();
            }
            if (durableKeysRenewal != null) {
                getCamelContext().getExecutorServiceManager().shutdown(durableKeysRenewal);
                durableKeysRenewal = null;
                durableKeys = null;
            }
        }
        ServiceHelper.stopService(storeService);
        super.doStop();
    }

    public Boolean getClusteredSchedules() {
        return storeService.getClusteredSchedules();
    }

    /**
     * Whether the component's schedules (the GDPR reporting cycle, the webhook refresh, polling with
     * scheduler=quartz) run on Quartz clustered over the store's database, so each fires once across all replicas
     * sharing that database, and a replica that dies has its jobs finished by another. Replicas must then share the
     * CamelContext name (camel.main.name). Default: on when storeUrl or storeDataSource names a database other than
     * H2 (PostgreSQL), off for the embedded H2 file. An application that configures the quartz component itself
     * keeps its own configuration.
     */
    @Metadata(label = "advanced")
    public void setClusteredSchedules(Boolean clusteredSchedules) {
        storeService.setClusteredSchedules(clusteredSchedules);
    }

    public DataSource getStoreDataSource() {
        return storeService.getStoreDataSource();
    }

    /**
     * The database of the component's store (OAuth 2.0 tokens, webhook de-duplication, polling positions, the GDPR
     * account registry), pooled by the application. Default: an embedded H2 file ./data/jiraq. Use a shared
     * PostgreSQL database when several replicas run.
     */
    @Metadata(label = "advanced")
    public void setStoreDataSource(DataSource storeDataSource) {
        storeService.setStoreDataSource(storeDataSource);
    }

    public String getStoreUrl() {
        return storeService.getStoreUrl();
    }

    /**
     * The JDBC URL of the component's store, when no storeDataSource is given: jdbc:postgresql://host/db for
     * replicas (the driver must be on the classpath), or an H2 URL. Default: an embedded H2 file ./data/jiraq.
     */
    @Metadata(label = "advanced")
    public void setStoreUrl(String storeUrl) {
        storeService.setStoreUrl(storeUrl);
    }

    public String getStoreUsername() {
        return storeService.getStoreUsername();
    }

    /** The database user for storeUrl. */
    @Metadata(label = "advanced", secret = true)
    public void setStoreUsername(String storeUsername) {
        storeService.setStoreUsername(storeUsername);
    }

    public String getStorePassword() {
        return storeService.getStorePassword();
    }

    /** The database password for storeUrl. */
    @Metadata(label = "advanced", secret = true)
    public void setStorePassword(String storePassword) {
        storeService.setStorePassword(storePassword);
    }

    public String getTokenStoreKey() {
        return storeService.getTokenStoreKey();
    }

    /**
     * The AES-256 key that seals OAuth 2.0 tokens in the store: 32 random bytes in base64 (openssl rand -base64 32).
     * Required with storeUrl or storeDataSource; with an H2 file store a key file is generated beside the database
     * when this is not set. Replicas sharing a store need the same key.
     */
    @Metadata(label = "security", secret = true)
    public void setTokenStoreKey(String tokenStoreKey) {
        storeService.setTokenStoreKey(tokenStoreKey);
    }

    public boolean isTokenStoreThrowaway() {
        return storeService.isTokenStoreThrowaway();
    }

    /**
     * Allows a store with no tokenStoreKey (and no H2 key file) to keep OAuth 2.0 tokens, sealed under a random key
     * that dies with the JVM: after a restart every grant must be connected again. For tests and demos.
     */
    @Metadata(label = "security", defaultValue = "false")
    public void setTokenStoreThrowaway(boolean tokenStoreThrowaway) {
        storeService.setTokenStoreThrowaway(tokenStoreThrowaway);
    }

    // webhooks

    /**
     * Where webhook events the route kept failing on are kept: the {@link DeadLetterStore} the application bound as
     * {@value DeadLetterStore#REGISTRY_NAME} (the route templates' dead letters too), else the table jiraq_dead_letter
     * in the component's store.
     */
    public synchronized DeadLetterStore getDeadLetterStore() {
        DeadLetterStore bound = getCamelContext().getRegistry()
                .lookupByNameAndType(DeadLetterStore.REGISTRY_NAME, DeadLetterStore.class);
        if (bound != null) {
            return bound;
        }
        if (defaultDeadLetterStore == null) {
            defaultDeadLetterStore = new JdbcDeadLetterStore(this::getStore);
        }
        return defaultDeadLetterStore;
    }

    /**
     * createIssue's idempotency keys in the store, started on first use: their leases are renewed on a thread of the
     * component until it stops.
     */
    public synchronized DurableKeys getDurableKeys() {
        if (durableKeys == null) {
            durableKeys = new DurableKeys(new JdbcIdempotencyKeys(getStore()),
                    getCamelContext().getName() + "/" + getCamelContext().getUuidGenerator().generateUuid(),
                    Duration.ofMillis(configuration.getLeaseDuration()), Duration.ofMillis(idempotencyKeyRetention),
                    Clock.systemUTC());
            durableKeysRenewal = getCamelContext().getExecutorServiceManager()
                    .newSingleThreadScheduledExecutor(this, "JiraqIdempotencyKeys");
            durableKeys.start(durableKeysRenewal);
        }
        return durableKeys;
    }

    public long getIdempotencyKeyRetention() {
        return idempotencyKeyRetention;
    }

    /**
     * How long createIssue keeps an idempotency key it was given (CamelJiraqIdempotencyKey) and the issue it made, in
     * the component's store: within it the same key never makes a second issue, across exchanges, redeliveries,
     * dead-letter replays, restarts and replicas. Keep it longer than anything may be replayed after (7 days by
     * default, as webhook delivery identifiers).
     */
    public void setIdempotencyKeyRetention(long idempotencyKeyRetention) {
        this.idempotencyKeyRetention = idempotencyKeyRetention;
    }

    /** The inboxes of the running jiraq:webhook consumers, for the console. */
    public Collection<InboxWorker> getWebhookInboxes() {
        return List.copyOf(webhookInboxes);
    }

    void addWebhookInbox(InboxWorker inbox) {
        webhookInboxes.add(inbox);
    }

    void removeWebhookInbox(InboxWorker inbox) {
        webhookInboxes.remove(inbox);
    }

    // gdpr

    /** The accounts whose personal data the application holds; jiraq:gdpr reports them to Atlassian. */
    public AccountRegistry getAccountRegistry() {
        return getGdprStore();
    }

    public GdprStore getGdprStore() {
        return storeService.gdprStore();
    }

    /**
     * Where the account registry and the progress of the personal data reporting cycle are kept. Default: tables in
     * the component's store (storeDataSource, storeUrl or the embedded H2 file).
     */
    @Metadata(label = "advanced")
    public void setGdprStore(GdprStore gdprStore) {
        storeService.setGdprStore(gdprStore);
    }

    public JiraqConfiguration getConfiguration() {
        return configuration;
    }

    /** The shared configuration; endpoints start from a copy of it. */
    public void setConfiguration(JiraqConfiguration configuration) {
        this.configuration = configuration;
    }
}
