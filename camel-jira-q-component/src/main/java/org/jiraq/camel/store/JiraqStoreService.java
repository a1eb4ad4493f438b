package org.jiraq.camel.store;

import java.nio.file.Path;
import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;
import org.jiraq.camel.OptionalDependency;
import org.jiraq.camel.spi.GdprStore;
import org.jiraq.camel.spi.PollingPositionStore;
import org.jiraq.camel.spi.RateLimitStore;
import org.jiraq.camel.spi.TokenStore;

/**
 * The state of one component that must survive a restart and be shared by replicas, in one JDBC database: where it
 * is (the store options of the component), the database opened and migrated on first use (so an application that
 * stores nothing never creates it, nor needs H2 or Flyway), and the stores each feature keeps in it: OAuth 2.0 tokens,
 * polling positions, webhook de-duplication, the GDPR registry, dead letters. A new durable feature (a webhook inbox,
 * idempotency keys, a rate-limit budget shared by replicas) adds its migration script and its store here.
 */
public final class JiraqStoreService extends ServiceSupport {

    /** The embedded H2 file of the default store (H2 adds .mv.db), relative to the working directory. */
    public static final String DEFAULT_STORE_FILE = "./data/jiraq";

    private DataSource storeDataSource;
    private String storeUrl;
    private String storeUsername;
    private String storePassword;
    private String tokenStoreKey;
    private boolean tokenStoreThrowaway;
    private GdprStore gdprStore;
    private Boolean clusteredSchedules;
    private boolean shareRateLimits = true;
    private JiraqStore store;
    private TokenStore defaultTokenStore;
    private RateLimitStore rateLimitStore;

    /**
     * The component's database, opened and migrated on first use and closed when the component stops. Every feature
     * keeps its state here: add a Flyway script db/jiraq/V[n]__[what].sql and use {@link JiraqStore#inTransaction}.
     */
    public synchronized JiraqStore getStore() {
        if (store == null) {
            store = open();
            ServiceHelper.startService(store);
        }
        return store;
    }

    private JiraqStore open() {
        OptionalDependency.require("org.flywaydb.core.Flyway", "org.flywaydb:flyway-core",
                "The jiraq store (OAuth 2.0 tokens, polling positions, webhook de-duplication, the GDPR registry)");
        if (storeDataSource != null) {
            return JiraqStore.of(storeDataSource);
        }
        if (storeUrl != null) {
            return JiraqStore.url(storeUrl, storeUsername, storePassword);
        }
        OptionalDependency.require("org.h2.Driver", "com.h2database:h2",
                "The jiraq store's default, an embedded H2 file (or set storeUrl or storeDataSource),");
        return JiraqStore.embedded(Path.of(DEFAULT_STORE_FILE));
    }

    /** The database of the open store, for a feature that keeps its own tables there (dead letters). */
    public DataSource getDataSource() {
        return getStore().getDataSource();
    }

    /** The token store of an endpoint whose tokenStore option is not set. */
    public synchronized TokenStore defaultTokenStore() {
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

    /** Where the GDPR account registry and cycle state are kept: the gdprStore option, else the store's tables. */
    public synchronized GdprStore gdprStore() {
        if (gdprStore == null) {
            gdprStore = new JdbcGdprStore(getStore());
        }
        return gdprStore;
    }

    /**
     * Where replicas share Jira's rate-limit state: the store's tables when the store is a database replicas share (a
     * storeUrl or storeDataSource that is not H2) and shareRateLimits is on; else null, and each JVM paces alone.
     */
    public synchronized RateLimitStore sharedRateLimits() {
        if (!shareRateLimits || storeDataSource == null && (storeUrl == null || storeUrl.startsWith("jdbc:h2:"))) {
            return null; // an H2 store (the default embedded file) serves one process only; said without opening it
        }
        if (rateLimitStore == null && !getStore().isH2()) {
            rateLimitStore = new JdbcRateLimitStore(getStore());
        }
        return rateLimitStore;
    }

    /** The polling positions of jiraq:issues endpoints whose positionStore option is not set. */
    public PollingPositionStore pollingPositions() {
        return new JdbcPollingPositionStore(getDataSource());
    }

    /**
     * Puts the context's Quartz in clustered mode on the store when clusteredSchedules asks for it (by default: when
     * the store is a database other than H2). Quartz classes load only when Quartz is on the classpath.
     */
    public void configureSchedules(CamelContext context) {
        boolean quartz = OptionalDependency.hasQuartz();
        if (Boolean.TRUE.equals(clusteredSchedules) && !quartz) {
            OptionalDependency.requireQuartz("Option 'clusteredSchedules'");
        }
        if (quartz && isClusteringSchedules()) {
            ClusteredQuartz.configure(context, getStore());
        }
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

    /** Reopens the store of a restarted component (its endpoints keep their token stores on it). */
    @Override
    protected synchronized void doStart() {
        ServiceHelper.startService(store);
    }

    @Override
    protected synchronized void doStop() {
        ServiceHelper.stopService(store);
    }

    public DataSource getStoreDataSource() {
        return storeDataSource;
    }

    public void setStoreDataSource(DataSource storeDataSource) {
        this.storeDataSource = storeDataSource;
    }

    public String getStoreUrl() {
        return storeUrl;
    }

    public void setStoreUrl(String storeUrl) {
        this.storeUrl = storeUrl;
    }

    public String getStoreUsername() {
        return storeUsername;
    }

    public void setStoreUsername(String storeUsername) {
        this.storeUsername = storeUsername;
    }

    public String getStorePassword() {
        return storePassword;
    }

    public void setStorePassword(String storePassword) {
        this.storePassword = storePassword;
    }

    public String getTokenStoreKey() {
        return tokenStoreKey;
    }

    public void setTokenStoreKey(String tokenStoreKey) {
        this.tokenStoreKey = tokenStoreKey;
    }

    public boolean isTokenStoreThrowaway() {
        return tokenStoreThrowaway;
    }

    public void setTokenStoreThrowaway(boolean tokenStoreThrowaway) {
        this.tokenStoreThrowaway = tokenStoreThrowaway;
    }

    public GdprStore getGdprStore() {
        return gdprStore;
    }

    public void setGdprStore(GdprStore gdprStore) {
        this.gdprStore = gdprStore;
    }

    public boolean isShareRateLimits() {
        return shareRateLimits;
    }

    public void setShareRateLimits(boolean shareRateLimits) {
        this.shareRateLimits = shareRateLimits;
    }

    public Boolean getClusteredSchedules() {
        return clusteredSchedules;
    }

    public void setClusteredSchedules(Boolean clusteredSchedules) {
        this.clusteredSchedules = clusteredSchedules;
    }
}
