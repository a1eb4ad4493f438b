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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The component's one database, for all state that must survive a restart and be shared by replicas: OAuth 2.0
 * grants, webhook de-duplication, polling positions, the GDPR account registry, dead letters.
 * <p>
 * On start, Flyway creates and migrates the schema from the scripts in {@value #MIGRATIONS}: each feature adds its
 * tables as one {@code V<n>__<what>.sql} there, in SQL that runs on H2 (MODE=PostgreSQL) and PostgreSQL alike. The
 * default is an embedded H2 file, so a single app needs no set-up; replicas share a PostgreSQL database instead.
 */
public final class JiraqStore extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(JiraqStore.class);

    /** Where every feature's migration scripts live. */
    public static final String MIGRATIONS = "classpath:db/jiraq";
    /** Flyway's history table, named apart so an application's own Flyway schema is never touched. */
    static final String HISTORY_TABLE = "jiraq_schema_history";
    /** H2 speaking PostgreSQL's dialect; row locks wait long enough for a token refresh held by another replica. */
    static final String H2_SETTINGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=30000";

    /** Enough for a refresh, a webhook burst, the Quartz threads and a poll at once; more callers wait. */
    static final int MAX_POOLED_CONNECTIONS = 16;
    static final int CHECKOUT_TIMEOUT_MILLIS = 5_000;

    private final Supplier<DataSource> opener;
    private final boolean ownPool;
    private final Path keyFile;
    private volatile DataSource dataSource;
    private volatile boolean h2;

    /**
     * @param opener  opens the database on every start
     * @param ownPool whether what it opens is a pool of the store's own, to close on stop
     * @param keyFile the generated key file beside an H2 file, or null
     */
    private JiraqStore(Supplier<DataSource> opener, boolean ownPool, Path keyFile) {
        this.opener = opener;
        this.ownPool = ownPool;
        this.keyFile = keyFile;
    }

    /** An embedded H2 database in {@code file} (H2 adds {@code .mv.db}), its encryption key file beside it. */
    public static JiraqStore embedded(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return new JiraqStore(() -> JdbcConnectionPool.create("jdbc:h2:file:" + absolute + H2_SETTINGS, "", ""), true,
                keyFileBeside(absolute));
    }

    /**
     * A database given by JDBC URL. An H2 file URL gets H2's connection pool and a key file beside it; any other URL
     * (PostgreSQL for replicas) a small c3p0 pool over its driver, which must be on the classpath.
     */
    public static JiraqStore url(String jdbcUrl, String username, String password) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return new JiraqStore(
                    () -> JdbcConnectionPool.create(jdbcUrl, nullToEmpty(username), nullToEmpty(password)), true,
                    h2File(jdbcUrl).map(JiraqStore::keyFileBeside).orElse(null));
        }
        return new JiraqStore(() -> pooled(jdbcUrl, username, password), true, null);
    }

    /** c3p0 comes with Quartz; a connection per statement would cost a server process start each time. */
    private static DataSource pooled(String jdbcUrl, String username, String password) {
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
        return pool;
    }

    /** A database the application owns and pools; the store never closes it. */
    public static JiraqStore of(DataSource dataSource) {
        return new JiraqStore(() -> dataSource, false, null);
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
        dataSource = opener.get();
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
            }
        } catch (SQLException e) {
            throw new JiraqStoreException("The jiraq store failed: " + e.getMessage(), e);
        }
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

    @Override
    protected void doStop() {
        if (ownPool && dataSource instanceof JdbcConnectionPool h2) {
            h2.dispose();
        } else if (ownPool) {
            ((ComboPooledDataSource) dataSource).close();
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
