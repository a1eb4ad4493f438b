package org.jiraq.camel.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import javax.sql.DataSource;

import org.apache.camel.RuntimeCamelException;
import org.jiraq.camel.spi.PollingPosition;
import org.jiraq.camel.spi.PollingPositionStore;

/**
 * jiraq:issues positions in the jiraq database (tables jiraq_poll_position and jiraq_poll_seen, migration V3). Each
 * delivered change is recorded in one transaction, position and pair together, so a restart resumes exactly after
 * the last exchange that completed.
 */
public final class JdbcPollingPositionStore implements PollingPositionStore {

    private final DataSource dataSource;

    public JdbcPollingPositionStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public PollingPosition load(String key) {
        try (Connection c = dataSource.getConnection()) {
            Instant latest = null;
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT latest_updated FROM jiraq_poll_position WHERE position_key = ?")) {
                select.setString(1, key);
                try (ResultSet row = select.executeQuery()) {
                    if (row.next()) {
                        latest = row.getObject(1, OffsetDateTime.class).toInstant();
                    }
                }
            }
            Set<PollingPosition.Change> seen = new HashSet<>();
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT issue_id, updated_at FROM jiraq_poll_seen WHERE position_key = ?")) {
                select.setString(1, key);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        seen.add(new PollingPosition.Change(rows.getString(1),
                                rows.getObject(2, OffsetDateTime.class).toInstant()));
                    }
                }
            }
            return new PollingPosition(latest, seen);
        } catch (SQLException e) {
            throw failure("read", key, e);
        }
    }

    @Override
    public void delivered(String key, String issueId, Instant updated) {
        OffsetDateTime at = OffsetDateTime.ofInstant(updated, ZoneOffset.UTC);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO jiraq_poll_seen (position_key, issue_id, updated_at) SELECT ?, ?, ? WHERE NOT EXISTS"
                                                                   + " (SELECT 1 FROM jiraq_poll_seen WHERE position_key = ? AND issue_id = ? AND updated_at = ?)")) {
                    bind(insert, 1, key, issueId, at);
                    bind(insert, 4, key, issueId, at);
                    insert.executeUpdate();
                }
                try (PreparedStatement update = c.prepareStatement(
                        "UPDATE jiraq_poll_position SET latest_updated = ? WHERE position_key = ? AND latest_updated < ?")) {
                    update.setObject(1, at);
                    update.setString(2, key);
                    update.setObject(3, at);
                    update.executeUpdate();
                }
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO jiraq_poll_position (position_key, latest_updated) SELECT ?, ? WHERE NOT EXISTS"
                                                                   + " (SELECT 1 FROM jiraq_poll_position WHERE position_key = ?)")) {
                    insert.setString(1, key);
                    insert.setObject(2, at);
                    insert.setString(3, key);
                    insert.executeUpdate();
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure("record a change of", key, e);
        }
    }

    @Override
    public void forgetBefore(String key, Instant cutoff) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement delete = c.prepareStatement(
                     "DELETE FROM jiraq_poll_seen WHERE position_key = ? AND updated_at < ?")) {
            delete.setString(1, key);
            delete.setObject(2, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
            delete.executeUpdate();
        } catch (SQLException e) {
            throw failure("prune", key, e);
        }
    }

    /**
     * Holds the key's row in jiraq_poll_lock for the poll; a replica that finds it held skips its poll (SKIP LOCKED)
     * rather than wait, since the holder delivers the same changes. The lock dies with the connection, so a replica
     * that is killed mid-poll frees it at once.
     */
    @Override
    public int pollAlone(String key, Callable<Integer> poll) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            insertLockRowUnlessPresent(c, key);
            c.setAutoCommit(false);
            try {
                try (PreparedStatement lock = c.prepareStatement(
                        "SELECT position_key FROM jiraq_poll_lock WHERE position_key = ? FOR UPDATE SKIP LOCKED")) {
                    lock.setString(1, key);
                    try (ResultSet row = lock.executeQuery()) {
                        if (!row.next()) {
                            return 0;
                        }
                    }
                }
                return poll.call();
            } finally {
                c.rollback(); // nothing was written on this connection; ends the transaction and frees the lock
            }
        } catch (SQLException e) {
            throw failure("lock", key, e);
        }
    }

    private static void insertLockRowUnlessPresent(Connection c, String key) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO jiraq_poll_lock (position_key) SELECT ? WHERE NOT EXISTS"
                                                           + " (SELECT 1 FROM jiraq_poll_lock WHERE position_key = ?)")) {
            insert.setString(1, key);
            insert.setString(2, key);
            insert.executeUpdate();
        } catch (SQLException e) {
            if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                throw e; // not the unique violation of a replica inserting the same row
            }
        }
    }

    private static void bind(PreparedStatement statement, int first, String key, String issueId, OffsetDateTime at)
            throws SQLException {
        statement.setString(first, key);
        statement.setString(first + 1, issueId);
        statement.setObject(first + 2, at);
    }

    private static RuntimeCamelException failure(String what, String key, SQLException e) {
        return new RuntimeCamelException("Cannot " + what + " polling position '" + key + "' in the jiraq database: "
                                         + e.getMessage(), e);
    }
}
