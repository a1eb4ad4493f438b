package org.jiraq.camel.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.camel.support.service.ServiceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcIdempotentRepositoryTest {

    @TempDir
    Path directory;

    private JiraqStore open() {
        JiraqStore store = JiraqStore.url("jdbc:h2:file:" + directory.resolve("jiraq") + JiraqStore.H2_SETTINGS, null, null);
        ServiceHelper.startService(store);
        return store;
    }

    @Test
    void identifierIsRememberedAcrossRestartsUntilRemoved() {
        JiraqStore first = open();
        JdbcIdempotentRepository before = new JdbcIdempotentRepository(first.getDataSource(), "events", Duration.ofDays(7));
        assertThat(before.add("7000000001")).isTrue();
        assertThat(before.add("7000000001")).isFalse();
        first.stop();

        JiraqStore second = open();
        JdbcIdempotentRepository after = new JdbcIdempotentRepository(second.getDataSource(), "events", Duration.ofDays(7));
        assertThat(after.contains("7000000001")).isTrue();
        assertThat(after.add("7000000001")).isFalse();
        assertThat(new JdbcIdempotentRepository(second.getDataSource(), "other consumer", Duration.ofDays(7))
                .add("7000000001")).isTrue();
        assertThat(after.remove("7000000001")).isTrue();
        assertThat(after.add("7000000001")).isTrue();
        second.stop();
    }

    @Test
    void concurrentDeliveriesOfOneIdentifierLetExactlyOneThrough() throws Exception {
        JiraqStore store = open();
        JdbcIdempotentRepository repository = new JdbcIdempotentRepository(store.getDataSource(), "events",
                Duration.ofDays(7));
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
        store.stop();

        assertThat(added).containsOnlyOnce(true);
    }
}
