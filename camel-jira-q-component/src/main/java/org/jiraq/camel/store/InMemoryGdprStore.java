package org.jiraq.camel.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import org.jiraq.camel.spi.AccountAction;
import org.jiraq.camel.spi.AccountRegistry;
import org.jiraq.camel.spi.AccountStatus;
import org.jiraq.camel.spi.GdprStore;
import org.jiraq.camel.spi.RegisteredAccount;
import org.jiraq.camel.spi.ReportingCycleState;

/**
 * A {@link GdprStore} in memory: for tests, and for applications that keep their own registry elsewhere and hand
 * the accounts over at start. Everything is lost with the JVM.
 */
public final class InMemoryGdprStore implements GdprStore {

    private enum Outcome {
        PENDING,
        DONE,
        FAILED
    }

    private record Action(AccountStatus status, Outcome outcome) {
    }

    private final NavigableMap<String, Instant> accounts = new TreeMap<>();
    private final NavigableMap<String, Action> actions = new TreeMap<>();
    private ReportingCycleState state = new ReportingCycleState(null, null, null, null, null);
    private String leaseOwner;
    private Instant leaseUntil;

    @Override
    public synchronized void record(String accountId, Instant updatedAt) {
        if (AccountRegistry.isRecordable(accountId)) {
            accounts.put(accountId, Objects.requireNonNull(updatedAt, "updatedAt"));
        }
    }

    @Override
    public synchronized Optional<Instant> updatedAt(String accountId) {
        return Optional.ofNullable(accounts.get(accountId));
    }

    @Override
    public synchronized void remove(String accountId) {
        accounts.remove(accountId);
    }

    @Override
    public synchronized long size() {
        return accounts.size();
    }

    @Override
    public synchronized List<RegisteredAccount> accountsAfter(String afterAccountId, int limit) {
        Map<String, Instant> tail = afterAccountId == null ? accounts : accounts.tailMap(afterAccountId, false);
        List<RegisteredAccount> page = new ArrayList<>(Math.min(limit, tail.size()));
        for (Map.Entry<String, Instant> account : tail.entrySet()) {
            if (page.size() == limit) {
                break;
            }
            page.add(new RegisteredAccount(account.getKey(), account.getValue()));
        }
        return page;
    }

    @Override
    public synchronized boolean acquireLease(String owner, Instant now, Instant until) {
        if (leaseOwner != null && !leaseOwner.equals(owner) && leaseUntil.isAfter(now)) {
            return false;
        }
        leaseOwner = owner;
        leaseUntil = until;
        return true;
    }

    @Override
    public synchronized void releaseLease(String owner) {
        if (owner.equals(leaseOwner)) {
            leaseOwner = null;
            leaseUntil = null;
        }
    }

    @Override
    public synchronized ReportingCycleState cycleState() {
        return state;
    }

    @Override
    public synchronized void startCycle(String owner, String cycleId, Instant startedAt) {
        checkLease(owner);
        actions.clear();
        state = new ReportingCycleState(cycleId, startedAt, null, null, state.nextDueAt());
    }

    @Override
    public synchronized void recordBatch(String owner, String cycleId, String lastAccountId, List<AccountAction> batch,
                                         Duration cyclePeriod) {
        checkCycle(owner, cycleId);
        batch.forEach(action -> actions.put(action.accountId(), new Action(action.status(), Outcome.PENDING)));
        state = new ReportingCycleState(cycleId, state.startedAt(), lastAccountId,
                cyclePeriod != null ? cyclePeriod : state.cyclePeriod(), state.nextDueAt());
    }

    @Override
    public synchronized List<AccountAction> pendingActions(String cycleId) {
        List<AccountAction> pending = new ArrayList<>();
        if (cycleId.equals(state.cycleId())) {
            actions.forEach((accountId, action) -> {
                if (action.outcome() == Outcome.PENDING) {
                    pending.add(new AccountAction(accountId, action.status()));
                }
            });
        }
        return pending;
    }

    @Override
    public synchronized void confirmErased(String cycleId, String accountId) {
        if (settle(cycleId, accountId, Outcome.DONE)) {
            accounts.remove(accountId);
        }
    }

    @Override
    public synchronized void confirmRefreshed(String cycleId, String accountId, Instant refreshedAt) {
        if (settle(cycleId, accountId, Outcome.DONE)) {
            accounts.computeIfPresent(accountId, (id, before) -> refreshedAt);
        }
    }

    @Override
    public synchronized void markFailed(String cycleId, String accountId) {
        settle(cycleId, accountId, Outcome.FAILED);
    }

    @Override
    public synchronized void completeCycle(String owner, String cycleId, Instant nextDueAt) {
        checkCycle(owner, cycleId);
        actions.clear();
        state = new ReportingCycleState(null, null, null, null, nextDueAt);
    }

    private boolean settle(String cycleId, String accountId, Outcome outcome) {
        Action action = actions.get(accountId);
        if (!cycleId.equals(state.cycleId()) || action == null) {
            return false;
        }
        actions.put(accountId, new Action(action.status(), outcome));
        return true;
    }

    private void checkCycle(String owner, String cycleId) {
        checkLease(owner);
        if (!cycleId.equals(state.cycleId())) {
            throw new IllegalStateException("Reporting cycle " + cycleId + " is no longer the current one");
        }
    }

    private void checkLease(String owner) {
        if (!owner.equals(leaseOwner)) {
            throw new IllegalStateException("The reporting cycle lease of " + owner + " was lost to " + leaseOwner);
        }
    }
}
