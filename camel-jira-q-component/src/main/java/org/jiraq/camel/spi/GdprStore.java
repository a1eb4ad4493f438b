package org.jiraq.camel.spi;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The account registry together with the persisted progress of the reporting cycle, so that a cycle interrupted by
 * a crash resumes where it stopped: no account skipped, none reported twice. The methods that move the cycle on are
 * fenced by a lease: only the holder may change it, so replicas sharing a store run each cycle once.
 */
public interface GdprStore extends AccountRegistry {

    /** Up to {@code limit} registered accounts in account-id order, after {@code afterAccountId} (null: the first). */
    List<RegisteredAccount> accountsAfter(String afterAccountId, int limit) throws IOException;

    /**
     * Takes the lease on the cycle for {@code owner} until {@code until}, or renews it. False while another owner
     * holds a lease that has not expired at {@code now}.
     */
    boolean acquireLease(String owner, Instant now, Instant until) throws IOException;

    /** Gives the lease up, if {@code owner} holds it, so another replica or a restart can go on at once. */
    void releaseLease(String owner) throws IOException;

    ReportingCycleState cycleState() throws IOException;

    /** Begins a cycle: no account reported yet. */
    void startCycle(String owner, String cycleId, Instant startedAt) throws IOException;

    /**
     * Records one answered report in one step: the cursor moves to {@code lastAccountId}, the accounts Atlassian
     * named become pending actions, and the cycle period it sent (or null) is kept.
     */
    void recordBatch(String owner, String cycleId, String lastAccountId, List<AccountAction> actions,
                     Duration cyclePeriod) throws IOException;

    /** The actions of the cycle not yet handled, in account-id order. */
    List<AccountAction> pendingActions(String cycleId) throws IOException;

    /** The route erased the account's data: it leaves the registry and its action is done, in one step. */
    void confirmErased(String cycleId, String accountId) throws IOException;

    /** The route refreshed the account's data at {@code refreshedAt}: its updatedAt moves there, the action is done. */
    void confirmRefreshed(String cycleId, String accountId, Instant refreshedAt) throws IOException;

    /** The route failed on the account: it stays registered, to be reported and handled again next cycle. */
    void markFailed(String cycleId, String accountId) throws IOException;

    /** Ends the cycle, forgetting its actions, and sets when the next one is due. */
    void completeCycle(String owner, String cycleId, Instant nextDueAt) throws IOException;
}
