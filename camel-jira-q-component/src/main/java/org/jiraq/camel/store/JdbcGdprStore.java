package org.jiraq.camel.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jiraq.camel.spi.AccountAction;
import org.jiraq.camel.spi.AccountRegistry;
import org.jiraq.camel.spi.AccountStatus;
import org.jiraq.camel.spi.GdprStore;
import org.jiraq.camel.spi.RegisteredAccount;
import org.jiraq.camel.spi.ReportingCycleState;

import static org.jiraq.camel.store.JiraqStore.timestamp;

/**
 * The GDPR account registry and reporting cycle in the jiraq store (tables {@code jiraq_gdpr_account},
 * {@code jiraq_gdpr_cycle} and {@code jiraq_gdpr_action}). Every step of the cycle is one transaction, and the steps
 * that move it on update the cycle row only where this owner holds the lease, so two replicas never both do.
 */
public final class JdbcGdprStore implements GdprStore {

    private static final String PENDING = "PENDING";
    private static final String DONE = "DONE";
    private static final String FAILED = "FAILED";

    private final JiraqStore store;

    public JdbcGdprStore(JiraqStore store) {
        this.store = store;
    }

    @Override
    public void record(String accountId, Instant updatedAt) throws IOException {
        if (!AccountRegistry.isRecordable(accountId)) {
            return;
        }
        Objects.requireNonNull(updatedAt, "updatedAt");
        store.withConnection(c -> {
            if (setUpdatedAt(c, accountId, updatedAt) == 0) {
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO jiraq_gdpr_account (account_id, updated_at) VALUES (?, ?)")) {
                    insert.setString(1, accountId);
                    insert.setObject(2, timestamp(updatedAt));
                    insert.executeUpdate();
                } catch (SQLException e) {
                    if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                        throw e;
                    }
                    setUpdatedAt(c, accountId, updatedAt); // another writer inserted it first
                }
            }
            return null;
        });
    }

    @Override
    public Optional<Instant> updatedAt(String accountId) throws IOException {
        return store.withConnection(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT updated_at FROM jiraq_gdpr_account WHERE account_id = ?")) {
                select.setString(1, accountId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(instant(row, "updated_at")) : Optional.<Instant> empty();
                }
            }
        });
    }

    @Override
    public void remove(String accountId) throws IOException {
        store.withConnection(c -> deleteAccount(c, accountId));
    }

    @Override
    public long size() throws IOException {
        return store.withConnection(c -> {
            try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM jiraq_gdpr_account");
                 ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    @Override
    public List<RegisteredAccount> accountsAfter(String afterAccountId, int limit) throws IOException {
        return store.withConnection(c -> {
            try (PreparedStatement select = c.prepareStatement(afterAccountId == null
                    ? "SELECT account_id, updated_at FROM jiraq_gdpr_account ORDER BY account_id LIMIT ?"
                    : "SELECT account_id, updated_at FROM jiraq_gdpr_account WHERE account_id > ?"
                      + " ORDER BY account_id LIMIT ?")) {
                int p = 1;
                if (afterAccountId != null) {
                    select.setString(p++, afterAccountId);
                }
                select.setInt(p, limit);
                List<RegisteredAccount> page = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        page.add(new RegisteredAccount(row.getString("account_id"), instant(row, "updated_at")));
                    }
                }
                return page;
            }
        });
    }

    @Override
    public boolean acquireLease(String owner, Instant now, Instant until) throws IOException {
        return store.withConnection(c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE jiraq_gdpr_cycle SET lease_owner = ?, lease_until = ?"
                                                               + " WHERE id = 1 AND (lease_owner IS NULL OR lease_owner = ?"
                                                               + " OR lease_until <= ?)")) {
                update.setString(1, owner);
                update.setObject(2, timestamp(until));
                update.setString(3, owner);
                update.setObject(4, timestamp(now));
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void releaseLease(String owner) throws IOException {
        store.withConnection(c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE jiraq_gdpr_cycle SET lease_owner = NULL, lease_until = NULL WHERE id = 1 AND lease_owner = ?")) {
                update.setString(1, owner);
                return update.executeUpdate();
            }
        });
    }

    @Override
    public ReportingCycleState cycleState() throws IOException {
        return store.withConnection(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT cycle_id, started_at, last_reported, cycle_period_ms, next_due_at FROM jiraq_gdpr_cycle"
                                                               + " WHERE id = 1");
                 ResultSet row = select.executeQuery()) {
                row.next();
                long periodMillis = row.getLong("cycle_period_ms");
                Duration period = row.wasNull() ? null : Duration.ofMillis(periodMillis);
                return new ReportingCycleState(row.getString("cycle_id"), instant(row, "started_at"),
                        row.getString("last_reported"), period, instant(row, "next_due_at"));
            }
        });
    }

    @Override
    public void startCycle(String owner, String cycleId, Instant startedAt) throws IOException {
        store.inTransaction(c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE jiraq_gdpr_cycle SET cycle_id = ?, started_at = ?, last_reported = NULL,"
                                                               + " cycle_period_ms = NULL WHERE id = 1 AND lease_owner = ?");
                 PreparedStatement leftovers = c.prepareStatement("DELETE FROM jiraq_gdpr_action WHERE cycle_id <> ?")) {
                update.setString(1, cycleId);
                update.setObject(2, timestamp(startedAt));
                update.setString(3, owner);
                fenced(update.executeUpdate(), owner);
                leftovers.setString(1, cycleId);
                return leftovers.executeUpdate();
            }
        });
    }

    @Override
    public void recordBatch(String owner, String cycleId, String lastAccountId, List<AccountAction> actions,
                            Duration cyclePeriod) throws IOException {
        store.inTransaction(c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE jiraq_gdpr_cycle SET last_reported = ?, cycle_period_ms = COALESCE(?, cycle_period_ms)"
                                                               + " WHERE id = 1 AND lease_owner = ? AND cycle_id = ?");
                 PreparedStatement insert = c.prepareStatement(
                         "INSERT INTO jiraq_gdpr_action (cycle_id, account_id, status, outcome) VALUES (?, ?, ?, ?)")) {
                update.setString(1, lastAccountId);
                update.setObject(2, cyclePeriod == null ? null : cyclePeriod.toMillis(), Types.BIGINT);
                update.setString(3, owner);
                update.setString(4, cycleId);
                fenced(update.executeUpdate(), owner);
                for (AccountAction action : actions) {
                    insert.setString(1, cycleId);
                    insert.setString(2, action.accountId());
                    insert.setString(3, action.status().name());
                    insert.setString(4, PENDING);
                    insert.addBatch();
                }
                return actions.isEmpty() ? null : insert.executeBatch();
            }
        });
    }

    @Override
    public List<AccountAction> pendingActions(String cycleId) throws IOException {
        return store.withConnection(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT account_id, status FROM jiraq_gdpr_action WHERE cycle_id = ? AND outcome = ?"
                                                               + " ORDER BY account_id")) {
                select.setString(1, cycleId);
                select.setString(2, PENDING);
                List<AccountAction> pending = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        pending.add(new AccountAction(row.getString("account_id"),
                                AccountStatus.valueOf(row.getString("status"))));
                    }
                }
                return pending;
            }
        });
    }

    @Override
    public void confirmErased(String cycleId, String accountId) throws IOException {
        store.inTransaction(c -> settle(c, cycleId, accountId, DONE) ? deleteAccount(c, accountId) : null);
    }

    @Override
    public void confirmRefreshed(String cycleId, String accountId, Instant refreshedAt) throws IOException {
        store.inTransaction(c -> settle(c, cycleId, accountId, DONE) ? setUpdatedAt(c, accountId, refreshedAt) : null);
    }

    @Override
    public void markFailed(String cycleId, String accountId) throws IOException {
        store.inTransaction(c -> settle(c, cycleId, accountId, FAILED));
    }

    @Override
    public void completeCycle(String owner, String cycleId, Instant nextDueAt) throws IOException {
        store.inTransaction(c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE jiraq_gdpr_cycle SET cycle_id = NULL, started_at = NULL, last_reported = NULL,"
                                                               + " cycle_period_ms = NULL, next_due_at = ?"
                                                               + " WHERE id = 1 AND lease_owner = ? AND cycle_id = ?");
                 PreparedStatement delete = c.prepareStatement("DELETE FROM jiraq_gdpr_action WHERE cycle_id = ?")) {
                update.setObject(1, timestamp(nextDueAt));
                update.setString(2, owner);
                update.setString(3, cycleId);
                fenced(update.executeUpdate(), owner);
                delete.setString(1, cycleId);
                return delete.executeUpdate();
            }
        });
    }

    private static boolean settle(Connection c, String cycleId, String accountId, String outcome) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE jiraq_gdpr_action SET outcome = ? WHERE cycle_id = ? AND account_id = ?")) {
            update.setString(1, outcome);
            update.setString(2, cycleId);
            update.setString(3, accountId);
            return update.executeUpdate() == 1;
        }
    }

    private static int setUpdatedAt(Connection c, String accountId, Instant updatedAt) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE jiraq_gdpr_account SET updated_at = ? WHERE account_id = ?")) {
            update.setObject(1, timestamp(updatedAt));
            update.setString(2, accountId);
            return update.executeUpdate();
        }
    }

    private static int deleteAccount(Connection c, String accountId) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM jiraq_gdpr_account WHERE account_id = ?")) {
            delete.setString(1, accountId);
            return delete.executeUpdate();
        }
    }

    /** The cycle row was not updated: the lease went to another owner, or the cycle is no longer the current one. */
    private static void fenced(int updatedRows, String owner) {
        if (updatedRows != 1) {
            throw new IllegalStateException("The reporting cycle lease of " + owner
                                            + " was lost, or its cycle is no longer the current one");
        }
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
