package org.jiraq.camel.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;

import static org.jiraq.camel.store.JiraqStore.timestamp;

/**
 * createIssue's idempotency keys in the store (table jiraq_idempotency_key, migration V11): which keys are being
 * created, by whom (a lease, so a dead process's key is taken over), which were created and as which issue, and which
 * were left uncertain (a create that may have gone through). Every time comes from the caller's clock.
 */
public final class JdbcIdempotencyKeys {

    /** Where a key stands. */
    public enum State {
        /** A create is under way, or one whose outcome is unknown was left (see {@link Key#uncertainSince()}). */
        IN_FLIGHT,
        /** The issue was created (or found): {@link Key#issue()}. */
        DONE
    }

    /** The issue made for a key, as Jira's create answered it. */
    public record Issue(String id, String key, String self) {
    }

    /**
     * A key's row.
     *
     * @param claimedAt      when the first process took the key: an issue made for it was made after
     * @param uncertainSince when a create that may have gone through was sent, or null
     * @param precedingKey   the highest issue key its first holder knew in the project before it sent, or null
     */
    public record Key(State state, String leaseOwner, Instant leaseUntil, Instant claimedAt, Instant uncertainSince,
                      String precedingKey, Issue issue) {
    }

    private static final String TABLE = "jiraq_idempotency_key";
    private static final String UNIQUE_VIOLATION = "23505";

    private final JiraqStore store;

    public JdbcIdempotencyKeys(JiraqStore store) {
        this.store = store;
    }

    /**
     * Takes a key no one has: true when it is now this owner's, in flight; false when the key exists.
     *
     * @param precedingKey the highest issue key the owner knows in the project before it sends the create, or null
     */
    public boolean claim(String scope, String key, String precedingKey, String owner, Instant now, Instant leaseUntil)
            throws IOException {
        return store.withConnection(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + TABLE + " (scope, idem_key, state,"
                                                               + " lease_owner, lease_until, claimed_at, preceding_key)"
                                                               + " VALUES (?, ?, 'IN_FLIGHT', ?, ?, ?, ?)")) {
                insert.setString(1, scope);
                insert.setString(2, key);
                insert.setString(3, owner);
                insert.setObject(4, timestamp(leaseUntil));
                insert.setObject(5, timestamp(now));
                insert.setString(6, precedingKey);
                insert.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    return false;
                }
                throw e;
            }
        });
    }

    public Optional<Key> find(String scope, String key) throws IOException {
        return store.withConnection(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT state, lease_owner, lease_until, claimed_at,"
                                                               + " uncertain_since, preceding_key, issue_id, issue_key,"
                                                               + " issue_self"
                                                               + " FROM " + TABLE + " WHERE scope = ? AND idem_key = ?")) {
                select.setString(1, scope);
                select.setString(2, key);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.<Key> empty();
                    }
                    State state = State.valueOf(row.getString(1));
                    Issue issue = state == State.DONE ? new Issue(row.getString(7), row.getString(8), row.getString(9))
                            : null;
                    return Optional.of(new Key(state, row.getString(2), instant(row, 3), instant(row, 4),
                            instant(row, 5), row.getString(6), issue));
                }
            }
        });
    }

    /** Takes over a key in flight whose lease ran out or was released; false when someone holds it or it is done. */
    public boolean takeOver(String scope, String key, String owner, Instant now, Instant leaseUntil) throws IOException {
        return store.withConnection(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE " + TABLE + " SET lease_owner = ?, lease_until = ?"
                                                               + " WHERE scope = ? AND idem_key = ? AND state = 'IN_FLIGHT'"
                                                               + " AND (lease_until IS NULL OR lease_until < ?)")) {
                update.setString(1, owner);
                update.setObject(2, timestamp(leaseUntil));
                update.setString(3, scope);
                update.setString(4, key);
                update.setObject(5, timestamp(now));
                return update.executeUpdate() == 1;
            }
        });
    }

    /** Extends this owner's leases on the given keys of one scope. */
    public void renew(String scope, Set<String> keys, String owner, Instant leaseUntil) throws IOException {
        if (keys.isEmpty()) {
            return;
        }
        store.inTransaction(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE " + TABLE + " SET lease_until = ? WHERE scope = ?"
                                                               + " AND idem_key = ? AND lease_owner = ?"
                                                               + " AND state = 'IN_FLIGHT'")) {
                for (String key : keys) {
                    update.setObject(1, timestamp(leaseUntil));
                    update.setString(2, scope);
                    update.setString(3, key);
                    update.setString(4, owner);
                    update.addBatch();
                }
                return update.executeBatch();
            }
        });
    }

    /** Records the issue made for a key this owner holds; false when it no longer held it. */
    public boolean done(String scope, String key, String owner, Issue issue, Instant now) throws IOException {
        return store.withConnection(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE " + TABLE + " SET state = 'DONE', issue_id = ?,"
                                                               + " issue_key = ?, issue_self = ?, lease_owner = NULL,"
                                                               + " lease_until = NULL, uncertain_since = NULL,"
                                                               + " settled_at = ? WHERE scope = ? AND idem_key = ?"
                                                               + " AND lease_owner = ?")) {
                update.setString(1, issue.id());
                update.setString(2, issue.key());
                update.setString(3, issue.self());
                update.setObject(4, timestamp(now));
                update.setString(5, scope);
                update.setString(6, key);
                update.setString(7, owner);
                return update.executeUpdate() == 1;
            }
        });
    }

    /**
     * Lets go of a key this owner holds after a failed create: when {@code uncertainSince} is null nothing was
     * created and the key is forgotten; else a create that may have gone through was sent then, and the key stays
     * in flight for whoever takes it next, who looks for the issue first.
     */
    public void release(String scope, String key, String owner, Instant uncertainSince) throws IOException {
        store.withConnection(c -> {
            try (PreparedStatement statement = uncertainSince == null
                    ? c.prepareStatement("DELETE FROM " + TABLE + " WHERE scope = ? AND idem_key = ? AND lease_owner = ?")
                    : c.prepareStatement("UPDATE " + TABLE + " SET lease_owner = NULL, lease_until = NULL,"
                                         + " uncertain_since = COALESCE(uncertain_since, ?)"
                                         + " WHERE scope = ? AND idem_key = ? AND lease_owner = ?")) {
                int p = 1;
                if (uncertainSince != null) {
                    statement.setObject(p++, timestamp(uncertainSince));
                }
                statement.setString(p++, scope);
                statement.setString(p++, key);
                statement.setString(p, owner);
                return statement.executeUpdate();
            }
        });
    }

    /** Deletes the keys settled before {@code before}: the same key may then make a new issue. */
    public int prune(Instant before) throws IOException {
        return store.withConnection(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + TABLE + " WHERE state = 'DONE'"
                                                               + " AND settled_at < ?")) {
                delete.setObject(1, timestamp(before));
                return delete.executeUpdate();
            }
        });
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
