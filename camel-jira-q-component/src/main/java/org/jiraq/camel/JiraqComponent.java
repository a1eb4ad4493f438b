package org.jiraq.camel;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import javax.sql.DataSource;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.ClassResolver;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.PropertiesHelper;
import org.jiraq.camel.connection.JiraqConnections;
import org.jiraq.camel.deadletter.DeadLetterStore;
import org.jiraq.camel.deadletter.JdbcDeadLetterStore;
import org.jiraq.camel.health.JiraqConnectionHealthCheck;
import org.jiraq.camel.gdpr.ReportingSchedule;
import org.jiraq.camel.metrics.JiraqMetrics;
import org.jiraq.camel.operation.DurableKeys;
import org.jiraq.camel.spi.AccountRegistry;
import org.jiraq.camel.spi.GdprStore;
import org.jiraq.camel.spi.RateLimitStore;
import org.jiraq.camel.spi.TokenStore;
import org.jiraq.camel.store.ClusteredQuartz;
import org.jiraq.camel.store.JdbcGdprStore;
import org.jiraq.camel.store.JdbcIdempotencyKeys;
import org.jiraq.camel.store.JdbcRateLimitStore;
import org.jiraq.camel.store.JdbcTokenStore;
import org.jiraq.camel.store.JiraqStore;
import org.jiraq.camel.store.SecretCipher;
import org.jiraq.camel.webhook.InboxWorker;

/** The {@code jiraq:} component: Jira Cloud and Jira Data Center. */
@Component("jiraq")
public class JiraqComponent extends HealthCheckComponent {

    @Metadata(label = "advanced", description = "The shared configuration; endpoints start from a copy of it.")
    private JiraqConfiguration configuration = new JiraqConfiguration();

    // observability
    private JiraqConnections connections;
    private volatile JiraqMetrics metrics = JiraqMetrics.NOOP;
    // store
    /** The embedded H2 file of the default store (H2 adds .mv.db), relative to the working directory. */
    static final String DEFAULT_STORE_FILE = "./data/jiraq";
    @Metadata(label = "advanced")
    private DataSource storeDataSource;
    @Metadata(label = "advanced")
    private String storeUrl;
    @Metadata(label = "advanced", secret = true)
    private String storeUsername;
    @Metadata(label = "advanced", secret = true)
    private String storePassword;
    @Metadata(label = "security", secret = true)
    private String tokenStoreKey;
    @Metadata(label = "security", defaultValue = "false")
    private boolean tokenStoreThrowaway;
    @Metadata(label = "advanced", defaultValue = "true")
    private boolean shareRateLimits = true;
    private JiraqStore store;
    private TokenStore defaultTokenStore;
    private RateLimitStore rateLimitStore;

    // gdpr
    @Metadata(label = "advanced")
    private GdprStore gdprStore;

    // scale
    @Metadata(label = "advanced")
    private Boolean clusteredSchedules;

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

    // observability

    /** The Jira connections of the running endpoints, with their health checks and recent activity. */
    public synchronized JiraqConnections getConnections() {
        if (connections == null) {
            connections = new JiraqConnections(getCamelContext(), connection -> {
                JiraqConnectionHealthCheck check = new JiraqConnectionHealthCheck(connection);
                check.setEnabled(isHealthCheckProducerEnabled());
                return check;
            });
        }
        return connections;
    }

    /** The component's meters: Micrometer when the application has a MeterRegistry, else no-op. */
    public JiraqMetrics getMetrics() {
        return metrics;
    }

    /** Looks for a MeterRegistry until one is found: metrics support may start after the component. */
    void resolveMetrics() {
        if (metrics == JiraqMetrics.NOOP) {
            metrics = JiraqMetrics.lookup(getCamelContext());
        }
    }

    // store

    /**
     * The component's database, opened and migrated on first use (so apps that store nothing never create it) and
     * closed when the component stops. Every feature keeps its state here: add a Flyway script
     * db/jiraq/V[n]__[what].sql to the component's resources and use {@link JiraqStore#inTransaction}.
     */
    public synchronized JiraqStore getStore() {
        if (store == null) {
            store = storeDataSource != null ? JiraqStore.of(storeDataSource)
                    : storeUrl != null ? JiraqStore.url(storeUrl, storeUsername, storePassword)
                    : JiraqStore.embedded(Path.of(DEFAULT_STORE_FILE));
            ServiceHelper.startService(store);
        }
        return store;
    }

    /**
     * Where replicas share Jira's rate-limit state: the store's tables when the store is a database replicas share (a
     * storeUrl or storeDataSource that is not H2) and shareRateLimits is on; else null, and each JVM paces alone.
     */
    public synchronized RateLimitStore sharedRateLimitStore() {
        if (!shareRateLimits || storeUrl == null && storeDataSource == null) {
            return null; // the default embedded H2 file serves one process only
        }
        if (rateLimitStore == null && !getStore().isH2()) {
            rateLimitStore = new JdbcRateLimitStore(getStore());
        }
        return rateLimitStore;
    }

    public boolean isShareRateLimits() {
        return shareRateLimits;
    }

    /**
     * Whether replicas whose store is a shared database (PostgreSQL) share each site and credential's rate-limit
     * state through it: burst budgets, the points quota, issue write windows and quota lock-outs. Off, each JVM paces
     * its own calls.
     */
    public void setShareRateLimits(boolean shareRateLimits) {
        this.shareRateLimits = shareRateLimits;
    }

    /** The token store an endpoint with this configuration uses: its tokenStore option, else the component's. */
    public synchronized TokenStore tokenStoreFor(JiraqConfiguration endpointConfiguration) {
        if (endpointConfiguration.getTokenStore() != null) {
            return endpointConfiguration.getTokenStore();
        }
        if (defaultTokenStore == null) {
            defaultTokenStore = new JdbcTokenStore(getStore(), tokenCipher(getStore()));
        }
        return defaultTokenStore;
    }

    /** The key that seals stored tokens: configured, else the key file beside an H2 file, else only when throwaway. */
    private SecretCipher tokenCipher(JiraqStore jiraqStore) {
        if (tokenStoreKey != null) {
            return SecretCipher.fromBase64Key(tokenStoreKey, "tokenStoreKey");
        }
        if (jiraqStore.keyFile().isPresent()) {
            return SecretCipher.fromKeyFile(jiraqStore.keyFile().get());
        }
        if (tokenStoreThrowaway || jiraqStore.isInMemory()) {
            return SecretCipher.throwaway(); // an in-memory store loses the tokens on stop anyway
        }
        throw new IllegalArgumentException(
                "Option 'tokenStoreKey' is required to keep OAuth 2.0 tokens in this store (storeUrl or storeDataSource):"
                                           + " 32 random bytes in base64, for example from: openssl rand -base64 32."
                                           + " Or set tokenStoreThrowaway=true for a store whose tokens may be lost on"
                                           + " restart");
    }

    /** Reopens the store of a restarted component (its endpoints keep their token stores on it); finds the meters. */
    @Override
    protected synchronized void doStart() throws Exception {
        super.doStart();
        ServiceHelper.startService(store);
        resolveMetrics(); // observability
    }

    // scale

    /**
     * Configures Quartz while the context initialises, before any endpoint's schedule starts a scheduler. Quartz is
     * optional: without it no schedule can run, so there is nothing to cluster unless clusteredSchedules asks for it.
     */
    @Override
    protected void doInit() throws Exception {
        super.doInit();
        if (isClusteringSchedules()) {
            if (quartzAvailable()) {
                ClusteredQuartz.configure(getCamelContext(), getStore());
            } else if (Boolean.TRUE.equals(clusteredSchedules)) {
                throw new IllegalArgumentException("Option 'clusteredSchedules' needs Quartz, which is not on the class"
                                                   + " path: add org.apache.camel:camel-quartz to the application");
            }
        }
    }

    /** Both camel-quartz and the Quartz library it needs (Camel Quarkus' BOM keeps the one without the other). */
    private boolean quartzAvailable() {
        ClassResolver classes = getCamelContext().getClassResolver();
        return classes.resolveClass("org.quartz.Scheduler") != null
               && classes.resolveClass("org.apache.camel.component.quartz.QuartzComponent") != null;
    }

    /** Explicitly, or automatically when the application pointed the store at a database other than H2. */
    private boolean isClusteringSchedules() {
        if (clusteredSchedules != null) {
            return clusteredSchedules;
        }
        if (storeUrl != null) {
            return !storeUrl.startsWith("jdbc:h2:"); // known without opening the store, which opens on first use
        }
        return storeDataSource != null && !getStore().isH2();
    }

    public Boolean getClusteredSchedules() {
        return clusteredSchedules;
    }

    /**
     * Whether the component's schedules (the GDPR reporting cycle, the webhook refresh, polling with
     * scheduler=quartz) run on Quartz clustered over the store's database, so each fires once across all replicas
     * sharing that database, and a replica that dies has its jobs finished by another. Replicas must then share the
     * CamelContext name (camel.main.name). Default: on when storeUrl or storeDataSource names a database other than
     * H2 (PostgreSQL), off for the embedded H2 file. An application that configures the quartz component itself
     * keeps its own configuration.
     */
    public void setClusteredSchedules(Boolean clusteredSchedules) {
        this.clusteredSchedules = clusteredSchedules;
    }

    @Override
    protected synchronized void doStop() throws Exception {
        if (durableKeysRenewal != null) {
            getCamelContext().getExecutorServiceManager().shutdown(durableKeysRenewal);
            durableKeysRenewal = null;
            durableKeys = null;
        }
        ServiceHelper.stopService(store);
        super.doStop();
    }

    public DataSource getStoreDataSource() {
        return storeDataSource;
    }

    /**
     * The database of the component's store (OAuth 2.0 tokens, webhook de-duplication, polling positions, the GDPR
     * account registry), pooled by the application. Default: an embedded H2 file ./data/jiraq. Use a shared
     * PostgreSQL database when several replicas run.
     */
    public void setStoreDataSource(DataSource storeDataSource) {
        this.storeDataSource = storeDataSource;
    }

    public String getStoreUrl() {
        return storeUrl;
    }

    /**
     * The JDBC URL of the component's store, when no storeDataSource is given: jdbc:postgresql://host/db for
     * replicas (the driver must be on the classpath), or an H2 URL. Default: an embedded H2 file ./data/jiraq.
     */
    public void setStoreUrl(String storeUrl) {
        this.storeUrl = storeUrl;
    }

    public String getStoreUsername() {
        return storeUsername;
    }

    /** The database user for storeUrl. */
    public void setStoreUsername(String storeUsername) {
        this.storeUsername = storeUsername;
    }

    public String getStorePassword() {
        return storePassword;
    }

    /** The database password for storeUrl. */
    public void setStorePassword(String storePassword) {
        this.storePassword = storePassword;
    }

    public String getTokenStoreKey() {
        return tokenStoreKey;
    }

    /**
     * The AES-256 key that seals OAuth 2.0 tokens in the store: 32 random bytes in base64 (openssl rand -base64 32).
     * Required with storeUrl or storeDataSource; with an H2 file store a key file is generated beside the database
     * when this is not set. Replicas sharing a store need the same key.
     */
    public void setTokenStoreKey(String tokenStoreKey) {
        this.tokenStoreKey = tokenStoreKey;
    }

    public boolean isTokenStoreThrowaway() {
        return tokenStoreThrowaway;
    }

    /**
     * Allows a store with no tokenStoreKey (and no H2 key file) to keep OAuth 2.0 tokens, sealed under a random key
     * that dies with the JVM: after a restart every grant must be connected again. For tests and demos.
     */
    public void setTokenStoreThrowaway(boolean tokenStoreThrowaway) {
        this.tokenStoreThrowaway = tokenStoreThrowaway;
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

    public synchronized GdprStore getGdprStore() {
        if (gdprStore == null) {
            gdprStore = new JdbcGdprStore(getStore());
        }
        return gdprStore;
    }

    /**
     * Where the account registry and the progress of the personal data reporting cycle are kept. Default: tables in
     * the component's store (storeDataSource, storeUrl or the embedded H2 file).
     */
    public void setGdprStore(GdprStore gdprStore) {
        this.gdprStore = gdprStore;
    }

    public JiraqConfiguration getConfiguration() {
        return configuration;
    }

    /** The shared configuration; endpoints start from a copy of it. */
    public void setConfiguration(JiraqConfiguration configuration) {
        this.configuration = configuration;
    }
}
