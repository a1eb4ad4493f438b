package org.jiraq.camel.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.camel.support.service.ServiceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Camel interrupts a polling or delivery thread when it stops a route or the context. A thread interrupted while H2
 * writes closes H2's file channel; without the retry file system that broke the embedded store for the whole JVM
 * ("Writing to FileChannelImpl failed", then every later connection failed, a restarted route too).
 */
class StoreInterruptTest {

    @TempDir
    Path dir;

    @Test
    void aWriteOnAnInterruptedThreadLeavesTheEmbeddedStoreUsable() throws Exception {
        assertStoreSurvivesAnInterruptedWrite(JiraqStore.embedded(dir.resolve("jiraq")));
    }

    @Test
    void anH2FileGivenAsStoreUrlIsOpenedTheSameWay() throws Exception {
        assertStoreSurvivesAnInterruptedWrite(JiraqStore.url("jdbc:h2:file:" + dir.resolve("given"), "", ""));
        assertThat(JiraqStore.interruptSafe("jdbc:h2:mem:jiraq")).isEqualTo("jdbc:h2:mem:jiraq");
        assertThat(JiraqStore.interruptSafe("jdbc:h2:tcp://db/jiraq")).isEqualTo("jdbc:h2:tcp://db/jiraq");
        assertThat(JiraqStore.interruptSafe("jdbc:h2:file:/data/jiraq;MODE=PostgreSQL"))
                .isEqualTo("jdbc:h2:retry:/data/jiraq;MODE=PostgreSQL");
    }

    private static void assertStoreSurvivesAnInterruptedWrite(JiraqStore store) throws Exception {
        ServiceHelper.startService(store);
        try {
            execute(store, "CREATE TABLE probe (n INT)");
            AtomicReference<Throwable> interrupted = new AtomicReference<>();
            Thread writer = new Thread(() -> {
                Thread.currentThread().interrupt();
                try {
                    for (int i = 0; i < 50; i++) {
                        execute(store, "INSERT INTO probe VALUES (" + i + ")");
                    }
                } catch (Throwable e) {
                    interrupted.set(e);
                }
            });
            writer.start();
            writer.join();

            execute(store, "INSERT INTO probe VALUES (1000)");
            try (Connection connection = store.getDataSource().getConnection();
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM probe WHERE n = 1000")) {
                rows.next();
                assertThat(rows.getInt(1)).as("the store after an interrupted write (%s)", interrupted.get()).isOne();
            }
        } finally {
            ServiceHelper.stopService(store);
        }
    }

    private static void execute(JiraqStore store, String sql) throws Exception {
        try (Connection connection = store.getDataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
