package org.jiraq.camel.store;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;

import com.mchange.v2.c3p0.ComboPooledDataSource;
import org.apache.camel.support.service.ServiceSupport;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jiraq.camel.JiraqStoreException;
import org.jiraq.camel.OptionalDependency;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The component's one database, for all state that must survive a restart and be shared by replicas: OAuth 2.0
 * grants, webhook de-duplication, polling positions, the GDPR account registry, dead letters.
 * <p>
 * On start, Flyway creates and migrates the schema from the scripts in {@value #MIGRATIONS}, in every jar: each
 * feature adds its tables as one {@code V<n>__<what>.sql} there (the routes module its dead letters, as V5), in SQL
 * that runs on H2 (MODE=PostgreSQL) and PostgreSQL alike. The default is an embedded H2 file, so a single app needs no set-up; replicas share a PostgreSQL database instead.
 */
public final class JiraqStore extends ServiceSupport {

    /** Where every feature's migration scripts live. */
    public static final String MIGRATIONS = "classpath:db/jiraq";
    /** Flyway's history table, named apart so an application's own Flyway schema is never touched. */
    static final String HISTORY_TABLE = "jiraq_schema_history";
    /**
     * Leaves closing an H2 database to the store (see {@link #H2_SETTINGS}), and closes it without compacting: H2
     * 2.3's compaction at close fails now and then with an AssertionError in RandomAccessStore.moveChunkInside, which
     * it writes to a .trace.db; a store this small gains nothing from it.
     */
    static final String CLOSED_BY_THE_STORE = ";DB_CLOSE_ON_EXIT=FALSE;MAX_COMPACT_TIME=0";

    /**
     * H2 speaking PostgreSQL's dialect; row locks wait long enough for a token refresh held by another replica. The
     * store closes the database when it stops; H2's own closing at JVM exit would race the application's shutdown
     * and fill a .trace.db with errors from the work still running.
     */
    /** How H2 files are opened: H2's retry file system reopens a file an interrupted thread closed (see interruptSafe). */
    static final String INTERRUPT_SAFE = "jdbc:h2:retry:";
    static final String H2_SETTINGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=30000"
                                      + CLOSED_BY_THE_STORE;

    /** Enough for a refresh, a webhook burst, the Quartz threads and a poll at once; more callers wait. */
    static final int MAX_POOLED_CONNECTIONS = 16;
    static final int CHECKOUT_TIMEOUT_MILLIS = 5_000;
    /** How many identity values H2 hands out between writes of the next one to its file; its default is 32. */
    static final int IDENTITY_CACHE = 4096;
    private static final int IDENTITY_CACHE_DEFAULT = 32;

    private static final Logger LOG = LoggerFactory.getLogger(JiraqStore.class);

    private final Supplier<Pool> opener;
    private final Path keyFile;
    private final String location;
    private final boolean inMemory;
    private volatile DataSource dataSource;
    private volatile Runnable closer;
    private volatile boolean h2;
    /** Holds an in-memory database open while the store runs; H2 drops one whose last connection closes. */
    private volatile Connection keeper;

    /**
     * @param opener   opens the database on every start, with how to close it (only the store's own pools close)
     * @param keyFile  the generated key file beside an H2 file, or null
     * @param location where the data lives, for the log: never a credential
     * @param inMemory whether everything is lost when the store stops
     */
    private JiraqStore(Supplier<Pool> opener, Path keyFile, String location, boolean inMemory) {
        this.opener = opener;
        this.keyFile = keyFile;
        this.location = location;
        this.inMemory = inMemory;
    }

    /** An embedded H2 database in {@code file} (H2 adds {@code .mv.db}), its encryption key file beside it. */
    public static JiraqStore embedded(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return new JiraqStore(() -> h2Pool(INTERRUPT_SAFE + absolute + H2_SETTINGS, "", ""), keyFileBeside(absolute),
                "the embedded H2 file " + absolute + ".mv.db", false);
    }

    /**
     * A database given by JDBC URL. An H2 file URL gets H2's connection pool and a key file beside it; any other URL
     * (PostgreSQL for replicas) a small c3p0 pool over its driver; both must be on the classpath.
     */
    public static JiraqStore url(String jdbcUrl, String username, String password) {
        String shown = withoutParameters(jdbcUrl);
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            OptionalDependency.require("org.h2.Driver", "com.h2database:h2", "Option 'storeUrl' " + shown);
        }
        if (jdbcUrl.startsWith("jdbc:h2:mem:")) {
            // always a new database, so it gets the embedded store's settings unless the URL sets its own
            String url = jdbcUrl.toUpperCase(Locale.ROOT).contains("MODE=") ? jdbcUrl : jdbcUrl + H2_SETTINGS;
            return new JiraqStore(() -> h2Pool(url, nullToEmpty(username), nullToEmpty(password)), null,
                    "memory (" + shown + "): everything it keeps is lost when the application stops", true);
        }
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            String safe = interruptSafe(jdbcUrl);
            String url = safe.toUpperCase(Locale.ROOT).contains("DB_CLOSE_ON_EXIT") ? safe
                    : safe + CLOSED_BY_THE_STORE;
            return new JiraqStore(() -> h2Pool(url, nullToEmpty(username), nullToEmpty(password)),
                    h2File(jdbcUrl).map(JiraqStore::keyFileBeside).orElse(null), shown, false);
        }
        OptionalDependency.require("com.mchange.v2.c3p0.ComboPooledDataSource", "com.mchange:c3p0",
                "Option 'storeUrl' (pooled by the store; give a pooled storeDataSource instead to do without it)");
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            OptionalDependency.require("org.flywaydb.database.postgresql.PostgreSQLDatabaseType",
                    "org.flywaydb:flyway-database-postgresql", "The jiraq store on PostgreSQL");
        }
        return new JiraqStore(() -> c3p0Pool(jdbcUrl, username, password), null, shown, false);
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

    /** A database the application owns and pools; the store never closes it. */
    public static JiraqStore of(DataSource dataSource) {
        return new JiraqStore(() -> new Pool(dataSource, () -> {
        }), null, "the application's DataSource (storeDataSource)", false);
    }

    /**
     * An open database and how to close it; the closing is bound where the pool is made, so a store over the
     * application's DataSource never links H2 or c3p0 (both optional).
     */
    private record Pool(DataSource dataSource, Runnable close) {
    }

    /** Whether the database lives in memory only, so nothing survives a stop: a throwaway store for development. */
    public boolean isInMemory() {
        return inMemory;
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
            return inTransaction(connection, work);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /**
     * Runs {@code work} in one transaction on a connection the caller keeps (taken from {@link #getDataSource()}):
     * committed when it returns, rolled back when it throws. For a writer that commits many times a second: a
     * connection given back to H2's pool is rolled back, which empties its cache of parsed statements, so a kept one
     * parses its statements once.
     */
    public static <T> T inTransaction(Connection connection, SqlWork<T> work) throws SQLException, IOException {
        connection.setAutoCommit(false);
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (Throwable e) {
            connection.rollback();
            throw e;
        }
    }

    /** A database fault as the store reports it. */
    public static JiraqStoreException failure(SQLException e) {
        return new JiraqStoreException("The jiraq store failed: " + e.getMessage(), e);
    }

    /** Runs {@code work} on a connection in auto-commit mode, for single statements. */
    public <T> T withConnection(SqlWork<T> work) throws IOException {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    protected void doStart() throws SQLException {
        Pool pool = opener.get();
        dataSource = pool.dataSource();
        closer = pool.close();
        if (inMemory) {
            keeper = dataSource.getConnection();
        }
        Flyway.configure(JiraqStore.class.getClassLoader())
                .dataSource(dataSource)
                .locations(MIGRATIONS)
                .table(HISTORY_TABLE)
                // a database that already holds other tables gets ours beside them
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        try (Connection connection = dataSource.getConnection()) {
            h2 = "H2".equals(connection.getMetaData().getDatabaseProductName());
            if (h2) {
                writeThrough(connection);
                cacheIdentities(connection);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        LOG.info("The jiraq store (webhook inbox, idempotency keys, polling positions, OAuth 2.0 grants, GDPR registry) is {};"
                 + " set storeUrl to change it, for example storeUrl=jdbc:h2:mem:jiraq for a throwaway store while"
                 + " developing", location);
    }

    /**
     * H2 has no redo log: by default it writes committed changes to its file up to half a second later, so a process
     * killed in between loses them, although the caller was told they were committed (a webhook answered 2xx, a
     * rotated refresh token). Writing every commit through to the file keeps them across a kill; a setting of the
     * database file, so one change on the first start is enough. A user who may not change it is warned.
     */
    private static void writeThrough(Connection connection) {
        try (var statement = connection.createStatement()) {
            statement.execute("SET WRITE_DELAY 0");
        } catch (SQLException e) {
            LOG.warn("The H2 store writes commits to its file up to 500"
                    + " ms late, so a killed process may lose the last ones: SET WRITE_DELAY 0 failed ({})",
                    e.getMessage());
        }
    }

    /**
     * H2 writes an identity column's next value to its file every {@value #IDENTITY_CACHE_DEFAULT} values, with a
     * commit of its own (a file write) that also empties every connection's cache of parsed statements; the webhook
     * inbox takes an identity per event. A larger cache makes both rare. After a kill the column goes on past the
     * values it had cached: a gap, never a value used twice. A setting of the database file, so idempotent.
     */
    private static void cacheIdentities(Connection connection) {
        List<String> alters = new ArrayList<>();
        try (var statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT table_schema, table_name, column_name FROM"
                                                         + " information_schema.columns WHERE is_identity = 'YES'"
                                                         + " AND LOWER(table_name) LIKE 'jiraq\\_%' ESCAPE '\\'")) {
                while (rows.next()) {
                    alters.add("ALTER TABLE \"" + rows.getString(1) + "\".\"" + rows.getString(2) + "\" ALTER COLUMN \""
                               + rows.getString(3) + "\" SET CACHE " + IDENTITY_CACHE);
                }
            }
            for (String alter : alters) {
                statement.execute(alter);
            }
        } catch (SQLException e) {
            LOG.debug("Could not enlarge the identity caches of the H2 store; each commits every {} rows: {}",
                    IDENTITY_CACHE_DEFAULT, e.getMessage());
        }
    }

    @Override
    protected void doStop() {
        if (keeper != null) {
            try {
                keeper.close();
            } catch (SQLException e) {
                LOG.debug("Closing the in-memory store failed: {}", e.getMessage());
            }
            keeper = null;
        }
        if (closer != null) {
            closer.run();
            closer = null;
        }
    }

    /**
     * An H2 file URL opened through H2's retry-on-interrupt file system: a thread interrupted while H2 writes (Camel
     * interrupts a polling or delivery thread when it stops a route or the context) would otherwise close the file
     * channel and break the database for the whole JVM until it restarts. Other URLs stay as they are.
     */
    static String interruptSafe(String jdbcUrl) {
        String rest = jdbcUrl.substring("jdbc:h2:".length());
        if (!(rest.startsWith("file:") || rest.startsWith("./") || rest.startsWith("/") || rest.startsWith("~"))) {
            return jdbcUrl; // mem:, tcp:, ssl:, zip:, or a file system the application chose
        }
        int settings = rest.indexOf(';');
        return h2File(jdbcUrl).map(file -> INTERRUPT_SAFE + file.toAbsolutePath().normalize()
                                            + (settings < 0 ? "" : rest.substring(settings))).orElse(jdbcUrl);
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

    /** An instant as the stores write it to a TIMESTAMP WITH TIME ZONE column (UTC); null stays null. */
    public static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** A JDBC URL without its parameters, which may carry a password: for the log. */
    static String withoutParameters(String jdbcUrl) {
        int cut = jdbcUrl.length();
        for (char separator : new char[] {';', '?'}) {
            int at = jdbcUrl.indexOf(separator);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        return jdbcUrl.substring(0, cut);
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
