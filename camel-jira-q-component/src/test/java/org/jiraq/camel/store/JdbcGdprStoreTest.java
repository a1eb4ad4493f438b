package org.jiraq.camel.store;

import java.nio.file.Path;
import java.util.List;

import org.jiraq.camel.spi.AccountAction;
import org.jiraq.camel.spi.AccountStatus;
import org.jiraq.camel.spi.GdprStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The JDBC GDPR store on an H2 file, opened by two store instances as two replicas share one database. */
class JdbcGdprStoreTest extends GdprStoreContract {

    @TempDir
    Path dir;
    private JiraqStore database;
    private JiraqStore otherReplicasDatabase;

    @Override
    protected GdprStore createStore() {
        String url = "jdbc:h2:file:" + dir.resolve("jiraq") + JiraqStore.H2_SETTINGS;
        database = JiraqStore.url(url, null, null);
        otherReplicasDatabase = JiraqStore.url(url, null, null);
        database.start();
        otherReplicasDatabase.start();
        return new JdbcGdprStore(database);
    }

    @AfterEach
    void close() {
        otherReplicasDatabase.stop();
        database.stop();
    }

    @Test
    void replicasSeeOneLeaseOneCycleAndOneRegistry() throws Exception {
        GdprStore store = new JdbcGdprStore(database);
        GdprStore otherReplica = new JdbcGdprStore(otherReplicasDatabase);
        store.record("a", T0);

        assertThat(store.acquireLease("one", T0, LEASE_END)).isTrue();
        assertThat(otherReplica.acquireLease("two", T0, LEASE_END)).isFalse();
        store.startCycle("one", "cycle-1", T0);
        store.recordBatch("one", "cycle-1", "a", List.of(new AccountAction("a", AccountStatus.closed)), null);
        otherReplica.confirmErased("cycle-1", "a");

        assertThat(otherReplica.cycleState().cursor()).isEqualTo("a");
        assertThat(store.updatedAt("a")).isEmpty();
        assertThat(store.pendingActions("cycle-1")).isEmpty();
    }
}
