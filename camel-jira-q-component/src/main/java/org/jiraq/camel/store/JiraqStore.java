package org.jiraq.camel.store;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;

import com.mchange.v2.c3p0.ComboPooledDataSource;
import org.apache.camel.support.service.ServiceSupport;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jiraq.camel.JiraqStoreException;
import org.jiraq.camel.OptionalDependency;

/**
 * The component's one database, for all state that must survive a restart and be shared by replicas: OAuth 2.0
 * grants, webhook de-duplication, polling positions, the GDPR account registry, dead letters.
 * <p>
 * On start, Flyway creates and migrates the schema from the scripts in {@value #MIGRATIONS}, in every jar: each
 * feature adds its tables as one {@code V<n>__<what>.sql} there (the routes module its dead letters, as V5), in SQL
 * that runs on H2 (MODE=PostgreSQL) and PostgreSQL alike. The
 * default is an embedded H2 file, so a single app needs no set-up; replicas share a PostgreSQL database instead.
 */
public final class JiraqStore extends ServiceSupport {

    /** Where every feature's migration scripts live. */
    public static final String MIGRATIONS = "classpath:db/jiraq";
    /** Flyway's history table, named apart so an application's own Flyway schema is never touched. */
    static final String HISTORY_TABLE = "jiraq_schema_history";
    /** H2 speaking PostgreSQL's dialect; row locks wait long enough for a token refresh held by another replica. */
    static final String H2_SETTINGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=30000";

    /** Enough for a refresh, a webhook burst, the Quartz threads and a poll at once; more callers wait. */
    static final int MAX_POOLED_CONNECTIONS = 16;
    static final int CHECKOUT_TIMEOUT_MILLIS = 5_000;

    private final Supplier<Pool> opener;
    private final Path keyFile;
    private volatile DataSource dataSource;
    private volatile Runnable closer;
    private volatile boolean h2;

    /**
     * @param opener  opens the database on every start
     * @param keyFile the generated key file beside an H2 file, or null
     */
    private JiraqStore(Supplier<Pool> opener, Path keyFile) {
        this.opener = opener;
        this.keyFile = keyFile;
    }

    /** An embedded H2 database in {@code file} (H2 adds {@code .mv.db}), its encryption key file beside it. */
    public static JiraqStore embedded(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return new JiraqStore(() -> h2Pool("jdbc:h2:file:" + absolute + H2_SETTINGS, "", ""), keyFileBeside(absolute));
    }

    /**
     * A database given by JDBC URL. An H2 file URL gets H2's connection pool and a key file beside it; any other URL
     * (PostgreSQL for replicas) a small c3p0 pool over its driver; both must be on the classpath.
     */
    public static JiraqStore url(String jdbcUrl, String username, String password) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            OptionalDependency.require("org.h2.Driver", "com.h2database:h2", "Option 'storeUrl' " + jdbcUrl);
            return new JiraqStore(() -> h2Pool(jdbcUrl, nullToEmpty(username), nullToEmpty(password)),
                    h2File(jdbcUrl).map(JiraqStore::keyFileBeside).orElse(null));
        }
        OptionalDependency.require("com.mchange.v2.c3p0.ComboPooledDataSource", "com.mchange:c3p0",
                "Option 'storeUrl' (pooled by the store; give a pooled storeDataSource instead to do without it)");
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            OptionalDependency.require("org.flywaydb.database.postgresql.PostgreSQLDatabaseType",
                    "org.flywaydb:flyway-database-postgresql", "The jiraq store on PostgreSQL");
        }
        return new JiraqStore(() -> c3p0Pool(jdbcUrl, username, password), null);
    }

    /** A database the application owns and pools; the store never closes it. */
    public static JiraqStore of(DataSource dataSource) {
        return new JiraqStore(() -> new Pool(dataSource, () -> {
        }), null);
    }

    private static Pool h2Pool(String jdbcUrl, String username, String password) {
        JdbcConnectionPool pool = JdbcConnectionPool.create(jdbcUrl, username, password);
        return new Pool(pool, pool::dispose);
    }

    /** A connection per statement would cost PostgreSQL a server process start each time. */
    private static Pool c3p0Pool(String jdbcUrl, String username, String password) {
        ComboPooledDataSource pool = new ComboPooledDataSource();
        pool.setJdbcUrl(jdbcUrl);
        pool.setUser(username);
        pool.setPassword(password);
        pool.setMinPoolSize(1);
        pool.setMaxPoolSize(MAX_POOLED_CONNECTIONS);
        // while the database is down, callers fail within seconds instead of waiting for ever; once it is back,
        // connections broken by the outage are found and replaced before use
        pool.setCheckoutTimeout(CHECKOUT_TIMEOUT_MILLIS);
        pool.setAcquireRetryAttempts(2);
        pool.setAcquireRetryDelay(250);
        pool.setTestConnectionOnCheckout(true);
        return new Pool(pool, pool::close);
    }

    /** An open database and how to close it; only the store's own pools close. */
    private record Pool(DataSource dataSource, Runnable close) {
    }

    /** The open database; null while the store is stopped. */
    public DataSource getDataSource() {
        return dataSource;
    }

    /** Whether the open database is H2 (embedded, one JVM) rather than a server replicas can share. */
    public boolean isH2() {
        return h2;
    }

    /** The file that keeps a generated encryption key beside an embedded H2 database; empty for other databases. */
    public Optional<Path> keyFile() {
        return Optional.ofNullable(keyFile);
    }

    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. Database faults
     * surface as {@link JiraqStoreException}; what the work itself throws passes through unchanged.
     */
    public <T> T inTransaction(SqlWork<T> work) throws IOException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (Throwable e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new JiraqStoreException("The jiraq store failed: " + e.getMessage(), e);
        }
    }

    /** Runs {@code work} on a connection in auto-commit mode, for single statements. */
    public <T> T withConnection(SqlWork<T> work) throws IOException {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new JiraqStoreException("The jiraq store failed: " + e.getMessage(), e);
        }
    }

    @Override
    protected void doStart() {
        Pool pool = opener.get();
        dataSource = pool.dataSource();
        closer = pool.close();
        Flyway.configure(JiraqStore.class.getClassLoader())
                .dataSource(dataSource)
                .locations(MIGRATIONS)
                .table(HISTORY_TABLE)
                // modules add their own scripts to db/jiraq (the routes module its dead letters): a module added later
                // gets its tables though newer ones exist, and a database migrated with a module this application does
                // not have is still valid
                .outOfOrder(true)
                .ignoreMigrationPatterns("*:missing", "*:future")
                // a database that already holds other tables gets ours beside them
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        try (Connection connection = dataSource.getConnection()) {
            h2 = "H2".equals(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new JiraqStoreException("The jiraq store failed: " + e.getMessage(), e);
        }
    }

    @Override
    protected void doStop() {
        if (closer != null) {
            closer.run();
        }
    }

    /** The file path of an H2 file URL ({@code jdbc:h2:file:./data/x;...} or {@code jdbc:h2:./data/x}); empty otherwise. */
    static Optional<Path> h2File(String jdbcUrl) {
        String rest = jdbcUrl.substring("jdbc:h2:".length());
        int settings = rest.indexOf(';');
        String location = settings < 0 ? rest : rest.substring(0, settings);
        if (location.startsWith("file:")) {
            location = location.substring("file:".length());
        } else if (location.startsWith("mem:") || location.startsWith("tcp:") || location.startsWith("ssl:")
                || location.startsWith("zip:") || location.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Path.of(location.replaceFirst("^~", System.getProperty("user.home"))));
    }

    private static Path keyFileBeside(Path databaseFile) {
        return databaseFile.resolveSibling(databaseFile.getFileName() + ".key");
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    /** Work done on a connection of the store. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException, IOException;
    }
}
