package org.jiraq.camel;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * An embedded H2 file database with the jiraq schema migrated, the way the jiraq store keeps one; each
 * {@link #open()} is a fresh connection pool on the same file, as after a restart.
 */
public final class TestDatabase {

    private final String url;

    public TestDatabase(Path directory) {
        this.url = "jdbc:h2:file:" + directory.resolve("jiraq").toAbsolutePath()
                   + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        Flyway.configure().dataSource(url, "", "").locations("classpath:db/jiraq").table("jiraq_schema_history")
                .load().migrate();
    }

    public JdbcConnectionPool open() {
        return JdbcConnectionPool.create(url, "", "");
    }

    public DataSource dataSource() {
        return open();
    }
}
