package org.jiraq.camel.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.jiraq.camel.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the H2 store said it committed survives a kill -9 of its process: H2 has no redo log and by default writes
 * commits to its file up to half a second late, so without writing through the last commits (a webhook answered 2xx,
 * a rotated refresh token) would be gone.
 */
class StoreDurabilityTest {

    @TempDir
    Path dir;

    @Test
    void everyCommitTheStoreReportedSurvivesAKillOfItsProcess() throws Exception {
        String url = SharedDatabase.H2.createDatabase(dir);
        List<String> committed;
        try (ChildJvm writer = ChildJvm.start("store-writer", StoreWriterMain.class, List.of(), url)) {
            writer.awaitLine(line -> line.equals("COMMITTED account-300"), Duration.ofMinutes(2));
            writer.kill();
            committed = writer.linesStartingWith("COMMITTED ");
        }

        JiraqStore store = JiraqStore.url(url, null, null);
        store.start();
        try {
            JdbcGdprStore accounts = new JdbcGdprStore(store);
            assertThat(committed).hasSizeGreaterThan(300).allSatisfy(account -> assertThat(accounts.updatedAt(account))
                    .as(account + " was reported committed").isPresent());
        } finally {
            store.stop();
        }
    }
}
