package org.jiraq.camel.gdpr;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jiraq.camel.spi.AccountAction;
import org.jiraq.camel.spi.AccountStatus;
import org.jiraq.camel.spi.GdprStore;
import org.jiraq.camel.spi.RegisteredAccount;
import org.jiraq.camel.spi.ReportingCycleState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The personal data reporting cycle: every registered account is reported once per cycle, in account-id order and
 * batches of {@value PersonalDataReporter#MAX_ACCOUNTS}, and every account Atlassian names is handed to the route
 * once. Each step is persisted in the {@link GdprStore} before the next, so {@link #run} resumes an interrupted cycle
 * where it stopped. A cycle starts when the previous one is due again: its start plus Atlassian's Cycle-Period, or
 * the configured period when Atlassian sent none.
 */
public final class ReportingCycle {

    /** How the route fared with one account. */
    public enum Delivery {
        /** The route completed without an exception: the erasure or refresh is confirmed. */
        HANDLED,
        /** The route failed: the account stays registered for the next cycle. */
        FAILED,
        /** The consumer is stopping and did not hand the account over: it stays pending in this cycle. */
        NOT_DELIVERED
    }

    /** Hands accounts to the route. */
    public interface Handler {

        /** Whether the cycle may go on; false once the consumer is stopping. */
        boolean canContinue();

        Delivery deliver(AccountAction action);

        /** Every registered account has been reported in this cycle. */
        default void cycleCompleted() {
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(ReportingCycle.class);

    private final GdprStore store;
    private final PersonalDataReporter reporter;
    private final Duration defaultPeriod;
    private final String owner;
    private final Duration lease;
    private final Clock clock;
    private volatile Instant leaseUntil;

    /**
     * @param lease how long this replica holds the cycle without renewing; a replica that died is taken over after
     *              this. It is renewed before each step and, while the route works on an account, by
     *              {@link #keepAlive()}.
     */
    public ReportingCycle(GdprStore store, PersonalDataReporter reporter, Duration defaultPeriod, String owner,
                          Duration lease, Clock clock) {
        this.store = store;
        this.reporter = reporter;
        this.defaultPeriod = defaultPeriod;
        this.owner = owner;
        this.lease = lease;
        this.clock = clock;
    }

    /**
     * Renews the lease of a cycle this replica is running, from another thread, so that an account the route takes
     * long over is not taken over by another replica meanwhile. Does nothing between cycles.
     */
    public void keepAlive() throws IOException {
        if (leaseUntil == null) {
            return;
        }
        Instant now = clock.instant();
        Instant until = now.plus(lease);
        if (store.acquireLease(owner, now, until)) {
            leaseUntil = until;
        }
    }

    /**
     * Runs or resumes the cycle when one is due and no other replica holds it. Returns when the cycle is complete,
     * when the handler stops taking accounts, or with the exception of a failed report (the cycle then resumes at
     * that batch next time).
     *
     * @return how many accounts were handed to the route
     */
    public int run(Handler handler) throws IOException {
        if (!renewLease(false)) {
            LOG.debug("The reporting cycle is held by another replica");
            return 0;
        }
        try {
            ReportingCycleState state = store.cycleState();
            if (!state.inProgress()) {
                if (state.nextDueAt() != null && clock.instant().isBefore(state.nextDueAt())) {
                    return 0;
                }
                String cycleId = UUID.randomUUID().toString();
                store.startCycle(owner, cycleId, clock.instant());
                state = store.cycleState();
                LOG.info("Personal data reporting cycle {} started for {} accounts", cycleId, store.size());
            }
            return continueCycle(state, handler);
        } finally {
            store.releaseLease(owner);
            leaseUntil = null;
        }
    }

    private int continueCycle(ReportingCycleState state, Handler handler) throws IOException {
        String cycleId = state.cycleId();
        Duration period = state.cyclePeriod();
        String cursor = state.cursor();
        int delivered = 0;
        while (true) {
            Progress progress = deliverPending(cycleId, handler);
            delivered += progress.delivered();
            if (!progress.drained() || !handler.canContinue()) {
                return delivered;
            }
            List<RegisteredAccount> batch = store.accountsAfter(cursor, PersonalDataReporter.MAX_ACCOUNTS);
            if (batch.isEmpty()) {
                Instant nextDueAt = state.startedAt().plus(period != null ? period : defaultPeriod);
                store.completeCycle(owner, cycleId, nextDueAt);
                handler.cycleCompleted();
                LOG.info("Personal data reporting cycle {} complete; the next is due at {}", cycleId, nextDueAt);
                return delivered;
            }
            renewLease(true);
            PersonalDataReporter.Answer answer = reporter.report(batch);
            period = answer.cyclePeriod() != null ? answer.cyclePeriod() : period;
            cursor = batch.get(batch.size() - 1).accountId();
            store.recordBatch(owner, cycleId, cursor, answer.actions(), answer.cyclePeriod());
        }
    }

    /** How far handing over the pending accounts went: the count handed over, and whether none is left pending. */
    private record Progress(int delivered, boolean drained) {
    }

    private Progress deliverPending(String cycleId, Handler handler) throws IOException {
        int delivered = 0;
        for (AccountAction action : store.pendingActions(cycleId)) {
            if (!handler.canContinue()) {
                return new Progress(delivered, false);
            }
            renewLease(true);
            switch (handler.deliver(action)) {
                case HANDLED -> {
                    if (action.status() == AccountStatus.closed) {
                        store.confirmErased(cycleId, action.accountId());
                    } else {
                        store.confirmRefreshed(cycleId, action.accountId(), clock.instant());
                    }
                }
                case FAILED -> store.markFailed(cycleId, action.accountId());
                case NOT_DELIVERED -> {
                    return new Progress(delivered, false);
                }
            }
            delivered++;
        }
        return new Progress(delivered, true);
    }

    /**
     * Takes the lease, or renews it once half of it has run out, so a long cycle keeps it with few writes.
     *
     * @param held whether this replica holds it already, so losing it is an error rather than an answer
     */
    private boolean renewLease(boolean held) throws IOException {
        Instant now = clock.instant();
        Instant current = leaseUntil;
        if (current != null && now.isBefore(current.minus(lease.dividedBy(2)))) {
            return true;
        }
        Instant until = now.plus(lease);
        if (store.acquireLease(owner, now, until)) {
            leaseUntil = until;
            return true;
        }
        if (held) {
            throw new IllegalStateException("Another replica took over the personal data reporting cycle");
        }
        return false;
    }
}
