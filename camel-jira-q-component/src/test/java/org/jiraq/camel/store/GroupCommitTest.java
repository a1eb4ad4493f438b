package org.jiraq.camel.store;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class GroupCommitTest {

    @TempDir
    Path dir;

    private JiraqStore store;
    private GroupCommit<String, Integer> writes;

    @BeforeEach
    void startStore() throws Exception {
        store = JiraqStore.embedded(dir.resolve("jiraq"));
        store.start();
        store.withConnection(c -> {
            try (Statement s = c.createStatement()) {
                return s.execute("CREATE TABLE written (item VARCHAR(64) PRIMARY KEY)");
            }
        });
        writes = new GroupCommit<>(store, (c, items) -> {
            List<Integer> counts = new ArrayList<>();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO written (item) VALUES (?)")) {
                for (String item : items) {
                    insert.setString(1, item);
                    counts.add(insert.executeUpdate());
                }
            }
            return counts;
        }, 64);
    }

    @AfterEach
    void stopStore() throws Exception {
        writes.stop(10_000);
        store.stop();
    }

    @Test
    void aRoundWithABadItemFailsOnlyThatItemAndLaterRoundsAreWrittenOnAFreshConnection() throws Exception {
        // queued before the writer starts, so the three are one round; the second breaks the primary key
        CompletableFuture<Integer> first = writes.submit("a");
        CompletableFuture<Integer> again = writes.submit("a");
        CompletableFuture<Integer> other = writes.submit("b");
        ExecutorService thread = Executors.newSingleThreadExecutor();
        writes.start(thread);

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(other.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(again).failsWithin(10, TimeUnit.SECONDS);
        // the writer dropped the connection of the failed round and goes on
        assertThat(writes.submit("c").get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(writes.submit("d").get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(items()).containsExactly("a", "b", "c", "d");
    }

    @Test
    void whatIsQueuedWhenTheWriterStopsIsCommittedFirst() throws Exception {
        writes.start(Executors.newSingleThreadExecutor());
        List<CompletableFuture<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            results.add(writes.submit("item-" + i));
        }
        writes.stop(10_000);

        assertThat(results).allSatisfy(result -> assertThat(result).isCompletedWithValue(1));
        assertThat(items()).hasSize(500);
    }

    private List<String> items() throws Exception {
        return store.withConnection(c -> {
            List<String> items = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery("SELECT item FROM written ORDER BY item")) {
                while (rows.next()) {
                    items.add(rows.getString(1));
                }
            }
            return items;
        });
    }
}
