package org.jiraq.camel.store;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.logging.log4j.Level;
import org.jiraq.camel.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JiraqStoreTest {

    @TempDir
    Path dir;

    @Test
    void anEmbeddedStoreCreatesItsSchemaOnStartAndMigratesOnlyOnce() throws Exception {
        String migrations = "SELECT version FROM jiraq_schema_history WHERE success AND version IS NOT NULL ORDER BY installed_rank";
        JiraqStore store = JiraqStore.embedded(dir.resolve("jiraq"));
        store.start();
        List<String> migrated = query(store, migrations);
        store.stop();
        JiraqStore restarted = JiraqStore.embedded(dir.resolve("jiraq"));
        restarted.start();
        try {
            assertThat(restarted.keyFile()).contains(dir.resolve("jiraq.key").toAbsolutePath());
            // every feature's script ran once, on the first start only
            assertThat(migrated).startsWith("1").doesNotHaveDuplicates();
            assertThat(query(restarted, migrations)).isEqualTo(migrated);
            assertThat(query(restarted, "SELECT COUNT(*) FROM jiraq_oauth_grant")).containsExactly("0");
        } finally {
            restarted.stop();
        }
    }

    @Test
    void aJvmThatExitsWhileTheStoreIsBusyLeavesNoTraceFileOfErrors() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                StoreInUseAtExitMain.class.getName(), dir.toString()).inheritIO().start();

        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(dir.resolve("jiraq.mv.db")).exists();
        assertThat(dir.resolve("jiraq.trace.db")).as("H2 closing the database under the running store").doesNotExist();
    }

    @Test
    void anH2StoreIsClosedByTheStoreWithoutCompacting() throws Exception {
        JiraqStore embedded = JiraqStore.embedded(dir.resolve("jiraq"));
        JiraqStore byUrl = JiraqStore.url("jdbc:h2:file:" + dir.resolve("other") + ";MODE=PostgreSQL", null, null);
        for (JiraqStore store : List.of(embedded, byUrl)) {
            store.start();
            try {
                assertThat(query(store, "SELECT setting_value FROM information_schema.settings"
                                        + " WHERE setting_name = 'MAX_COMPACT_TIME'")).containsExactly("0");
            } finally {
                store.stop();
            }
        }
        for (String trace : List.of("jiraq.trace.db", "other.trace.db")) {
            Path file = dir.resolve(trace);
            assertThat(file).as(() -> trace + ": " + read(file)).doesNotExist();
        }
    }

    private static String read(Path file) {
        try {
            return java.nio.file.Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Test
    void theStoreSaysWhereItKeepsItsDataWhenItStarts() throws Exception {
        try (LogCapture log = LogCapture.start()) {
            JiraqStore file = JiraqStore.embedded(dir.resolve("jiraq"));
            file.start();
            file.stop();
            JiraqStore memory = JiraqStore.url("jdbc:h2:mem:where;PASSWORD=not-shown", null, null);
            memory.start();
            memory.stop();

            assertThat(log.linesAt(Level.INFO)).anySatisfy(line -> assertThat(line).contains(
                    "The jiraq store (webhook inbox, idempotency keys, polling positions, OAuth 2.0 grants, GDPR registry) is the"
                    + " embedded H2 file " + dir.resolve("jiraq").toAbsolutePath() + ".mv.db; set storeUrl to change"
                    + " it, for example storeUrl=jdbc:h2:mem:jiraq for a throwaway store while developing"));
            assertThat(log.linesAt(Level.INFO)).anySatisfy(line -> assertThat(line).contains(
                    "is memory (jdbc:h2:mem:where): everything it keeps is lost when the application stops"));
            assertThat(log.text()).doesNotContain("not-shown");
        }
    }

    @Test
    void anInMemoryStoreKeepsItsDataWhileItRunsAndNothingAfterAStop() throws Exception {
        JiraqStore store = JiraqStore.url("jdbc:h2:mem:" + UUID.randomUUID(), null, null);
        store.start();
        store.withConnection(c -> c.createStatement().executeUpdate(
                "INSERT INTO jiraq_oauth_state (state, credential_id, expires_at) VALUES ('s', 'c', NOW())"));
        List<String> whileRunning = query(store, "SELECT COUNT(*) FROM jiraq_oauth_state");
        store.stop();
        store.start();
        try {
            assertThat(store.isInMemory()).isTrue();
            assertThat(whileRunning).containsExactly("1");
            assertThat(query(store, "SELECT COUNT(*) FROM jiraq_oauth_state")).containsExactly("0");
        } finally {
            store.stop();
        }
    }

    @Test
    void aDatabaseThatAlreadyHoldsTablesGetsTheStoresBesideThem() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("app") + ";MODE=PostgreSQL";
        try (Connection c = DriverManager.getConnection(url, "", ""); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE orders (id INT PRIMARY KEY)");
        }

        JiraqStore store = JiraqStore.url(url, null, null);
        store.start();
        try {
            assertThat(query(store, "SELECT COUNT(*) FROM orders")).containsExactly("0");
            assertThat(query(store, "SELECT COUNT(*) FROM jiraq_oauth_state")).containsExactly("0");
        } finally {
            store.stop();
        }
    }

    @Test
    void aTransactionWhoseWorkFailsLeavesNothingBehind() throws Exception {
        JiraqStore store = JiraqStore.url("jdbc:h2:mem:tx;MODE=PostgreSQL;DB_CLOSE_DELAY=-1", null, null);
        store.start();
        try {
            assertThatThrownBy(() -> store.inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("INSERT INTO jiraq_oauth_grant (credential_id, updated_at) VALUES ('x', NOW())");
                }
                throw new IOException("token endpoint down");
            })).hasMessage("token endpoint down");

            assertThat(query(store, "SELECT COUNT(*) FROM jiraq_oauth_grant")).containsExactly("0");
        } finally {
            store.stop();
        }
    }

    @Test
    void onlyH2FileDatabasesHaveAKeyFileBesideThem() {
        assertThat(JiraqStore.h2File("jdbc:h2:file:./data/x;MODE=PostgreSQL")).contains(Path.of("./data/x"));
        assertThat(JiraqStore.h2File("jdbc:h2:./data/x")).contains(Path.of("./data/x"));
        assertThat(JiraqStore.h2File("jdbc:h2:mem:x")).isEmpty();
        assertThat(JiraqStore.h2File("jdbc:h2:tcp://db:9092/x")).isEmpty();
        assertThat(JiraqStore.url("jdbc:h2:mem:y", null, null).keyFile()).isEmpty();
        assertThat(JiraqStore.url("jdbc:postgresql://db/jiraq", "u", "p").keyFile()).isEmpty();
    }

    private static List<String> query(JiraqStore store, String sql) throws IOException {
        return store.withConnection(c -> {
            List<String> values = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        });
    }
}
