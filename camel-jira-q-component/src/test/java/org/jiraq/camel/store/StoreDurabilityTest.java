package org.jiraq.camel.store;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
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

    @Test
    void identitiesHandedOutBeforeAKillAreNeverHandedOutAgain() throws Exception {
        String url = SharedDatabase.H2.createDatabase(dir);
        List<String> committed;
        try (ChildJvm writer = ChildJvm.start("inbox-writer", StoreWriterMain.class, List.of(), url, "inbox")) {
            writer.awaitLine(line -> line.startsWith("COMMITTED event-100 "), Duration.ofMinutes(2));
            writer.kill();
            committed = writer.linesStartingWith("COMMITTED ");
        }
        long highest = committed.stream().mapToLong(line -> Long.parseLong(line.substring(line.lastIndexOf(' ') + 1)))
                .max().orElseThrow();

        JiraqStore store = JiraqStore.url(url, null, null);
        store.start();
        try {
            // H2 caches identity values (the store enlarges the cache so it writes them rarely): a kill leaves a gap
            assertThat(storeInboxRow(store, "after-the-kill")).isGreaterThan(highest);
            long cache = store.withConnection(c -> {
                try (Statement s = c.createStatement(); ResultSet row = s.executeQuery("SELECT identity_cache FROM"
                                                                                      + " information_schema.columns"
                                                                                      + " WHERE LOWER(table_name) ="
                                                                                      + " 'jiraq_webhook_inbox' AND"
                                                                                      + " LOWER(column_name) = 'id'")) {
                    row.next();
                    return row.getLong(1);
                }
            });
            assertThat(cache).isEqualTo(JiraqStore.IDENTITY_CACHE);
        } finally {
            store.stop();
        }
    }

    /** Stores a settled inbox row in a transaction of its own; returns its identity. */
    static long storeInboxRow(JiraqStore store, String identifier) throws IOException {
        return store.inTransaction(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO jiraq_webhook_inbox (inbox, identifier,"
                                                               + " state, event, received_at, next_attempt_at) VALUES"
                                                               + " ('test', ?, 'DONE', 'jira:issue_created',"
                                                               + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
                    new String[] { "id" })) {
                insert.setString(1, identifier);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }
}
