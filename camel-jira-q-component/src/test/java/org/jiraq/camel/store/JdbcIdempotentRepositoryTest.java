package org.jiraq.camel.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.h2.jdbcx.JdbcConnectionPool;
import org.jiraq.camel.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcIdempotentRepositoryTest {

    @TempDir
    Path directory;

    @Test
    void identifierIsRememberedAcrossRestartsUntilRemoved() {
        TestDatabase database = new TestDatabase(directory);
        JdbcConnectionPool first = database.open();
        JdbcIdempotentRepository before = new JdbcIdempotentRepository(first, "events", Duration.ofDays(7));
        assertThat(before.add("7000000001")).isTrue();
        assertThat(before.add("7000000001")).isFalse();
        first.dispose();

        JdbcConnectionPool second = database.open();
        JdbcIdempotentRepository after = new JdbcIdempotentRepository(second, "events", Duration.ofDays(7));
        assertThat(after.contains("7000000001")).isTrue();
        assertThat(after.add("7000000001")).isFalse();
        assertThat(new JdbcIdempotentRepository(second, "other consumer", Duration.ofDays(7)).add("7000000001")).isTrue();
        assertThat(after.remove("7000000001")).isTrue();
        assertThat(after.add("7000000001")).isTrue();
        second.dispose();
    }

    @Test
    void concurrentDeliveriesOfOneIdentifierLetExactlyOneThrough() throws Exception {
        JdbcConnectionPool pool = new TestDatabase(directory).open();
        JdbcIdempotentRepository repository = new JdbcIdempotentRepository(pool, "events", Duration.ofDays(7));
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Callable<Boolean>> tasks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            tasks.add(() -> repository.add("7000000042"));
        }
        List<Boolean> added = new ArrayList<>();
        for (Future<Boolean> result : threads.invokeAll(tasks)) {
            added.add(result.get());
        }
        threads.shutdown();
        pool.dispose();

        assertThat(added).containsOnlyOnce(true);
    }
}
