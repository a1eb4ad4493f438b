package org.jiraq.camel.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jiraq.camel.spi.AccountAction;
import org.jiraq.camel.spi.AccountStatus;
import org.jiraq.camel.spi.GdprStore;
import org.jiraq.camel.spi.RegisteredAccount;
import org.jiraq.camel.spi.ReportingCycleState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@link GdprStore} must do; each implementation's test extends this. */
public abstract class GdprStoreContract {

    protected static final Instant T0 = Instant.parse("2026-11-01T10:00:00.123Z");
    protected static final Instant LEASE_END = T0.plus(Duration.ofMinutes(2));

    private GdprStore store;

    protected abstract GdprStore createStore() throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        store = createStore();
    }

    @Test
    void recordsReplacesAndRemovesAccountsButNeverUnknown() throws Exception {
        store.record("b", T0);
        store.record("a", T0);
        store.record("b", T0.plusSeconds(5));
        store.record("unknown", T0);
        store.record(" ", T0);
        store.remove("a");

        assertThat(store.size()).isEqualTo(1);
        assertThat(store.updatedAt("b")).contains(T0.plusSeconds(5));
        assertThat(store.updatedAt("a")).isEmpty();
        assertThat(store.updatedAt("unknown")).isEmpty();
    }

    @Test
    void pagesAccountsInIdOrderAfterACursor() throws Exception {
        for (String id : List.of("d", "a", "c", "e", "b")) {
            store.record(id, T0);
        }

        assertThat(store.accountsAfter(null, 2)).extracting(RegisteredAccount::accountId).containsExactly("a", "b");
        assertThat(store.accountsAfter("b", 2)).extracting(RegisteredAccount::accountId).containsExactly("c", "d");
        assertThat(store.accountsAfter("d", 2)).containsExactly(new RegisteredAccount("e", T0));
        assertThat(store.accountsAfter("e", 2)).isEmpty();
    }

    @Test
    void leaseIsExclusiveUntilReleasedOrExpired() throws Exception {
        assertThat(store.acquireLease("one", T0, LEASE_END)).isTrue();
        assertThat(store.acquireLease("two", T0.plusSeconds(60), LEASE_END.plusSeconds(60))).isFalse();
        assertThat(store.acquireLease("one", T0.plusSeconds(60), LEASE_END.plusSeconds(60))).as("renewed").isTrue();
        assertThat(store.acquireLease("two", LEASE_END.plusSeconds(61), LEASE_END.plusSeconds(200)))
                .as("expired").isTrue();
        store.releaseLease("one");
        assertThat(store.acquireLease("one", LEASE_END.plusSeconds(62), LEASE_END.plusSeconds(300)))
                .as("released only by its holder").isFalse();
        store.releaseLease("two");
        assertThat(store.acquireLease("one", LEASE_END.plusSeconds(62), LEASE_END.plusSeconds(300))).isTrue();
    }

    @Test
    void cycleKeepsItsCursorActionsAndPeriodUntilComplete() throws Exception {
        store.record("a", T0);
        store.record("b", T0);
        store.record("c", T0);
        store.acquireLease("one", T0, LEASE_END);
        store.startCycle("one", "cycle-1", T0);
        store.recordBatch("one", "cycle-1", "c", List.of(new AccountAction("a", AccountStatus.closed),
                new AccountAction("b", AccountStatus.updated), new AccountAction("c", AccountStatus.closed)),
                Duration.ofDays(3));

        assertThat(store.cycleState()).isEqualTo(new ReportingCycleState("cycle-1", T0, "c", Duration.ofDays(3), null));
        assertThat(store.pendingActions("cycle-1")).containsExactly(new AccountAction("a", AccountStatus.closed),
                new AccountAction("b", AccountStatus.updated), new AccountAction("c", AccountStatus.closed));

        store.confirmErased("cycle-1", "a");
        store.confirmRefreshed("cycle-1", "b", T0.plusSeconds(9));
        store.markFailed("cycle-1", "c");

        assertThat(store.pendingActions("cycle-1")).isEmpty();
        assertThat(store.updatedAt("a")).as("erased").isEmpty();
        assertThat(store.updatedAt("b")).contains(T0.plusSeconds(9));
        assertThat(store.updatedAt("c")).as("kept after a failure").contains(T0);

        store.recordBatch("one", "cycle-1", "c", List.of(), null);
        assertThat(store.cycleState().cyclePeriod()).as("a batch without Cycle-Period keeps the last one")
                .isEqualTo(Duration.ofDays(3));
        store.completeCycle("one", "cycle-1", T0.plus(Duration.ofDays(3)));
        assertThat(store.cycleState()).isEqualTo(
                new ReportingCycleState(null, null, null, null, T0.plus(Duration.ofDays(3))));
    }

    @Test
    void onlyTheLeaseHolderMovesTheCycle() throws Exception {
        store.acquireLease("one", T0, LEASE_END);
        store.startCycle("one", "cycle-1", T0);
        store.acquireLease("two", LEASE_END.plusSeconds(1), LEASE_END.plusSeconds(100));

        assertThatThrownBy(() -> store.recordBatch("one", "cycle-1", "x", List.of(), null))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.completeCycle("one", "cycle-1", T0))
                .isInstanceOf(IllegalStateException.class);
        assertThat(store.cycleState().cursor()).isNull();
    }

    @Test
    void actionsOfAnotherCycleAreNotSettled() throws Exception {
        store.record("a", T0);
        store.acquireLease("one", T0, LEASE_END);
        store.startCycle("one", "cycle-1", T0);
        store.recordBatch("one", "cycle-1", "a", List.of(new AccountAction("a", AccountStatus.closed)), null);

        store.confirmErased("cycle-0", "a");

        assertThat(store.updatedAt("a")).contains(T0);
        assertThat(store.pendingActions("cycle-1")).hasSize(1);
        assertThat(store.pendingActions("cycle-0")).isEmpty();
    }
}
