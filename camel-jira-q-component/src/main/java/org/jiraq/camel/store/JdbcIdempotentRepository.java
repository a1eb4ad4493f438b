package org.jiraq.camel.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * Camel's idempotent repository on the jiraq database (table jiraq_webhook_delivery, migration V3), without
 * camel-sql and Spring: a key is added by inserting it, and the primary key refuses a second insert, so two
 * replicas receiving the same Jira delivery let exactly one through. Keys older than the retention are deleted, at
 * most once an hour.
 */
public final class JdbcIdempotentRepository extends ServiceSupport implements IdempotentRepository {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final Duration PRUNE_EVERY = Duration.ofHours(1);

    private final DataSource dataSource;
    private final String processorName;
    private final Duration retention;
    private volatile Instant nextPrune = Instant.EPOCH;

    /**
     * @param processorName keeps the keys of one consumer apart from another's
     * @param retention     how long a key is remembered
     */
    public JdbcIdempotentRepository(DataSource dataSource, String processorName, Duration retention) {
        this.dataSource = dataSource;
        this.processorName = processorName;
        this.retention = retention;
    }

    @Override
    public boolean add(String key) {
        pruneWhenDue();
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO jiraq_webhook_delivery (processor_name, message_id, created_at) VALUES (?, ?, ?)")) {
            insert.setString(1, processorName);
            insert.setString(2, key);
            insert.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw failure("add", e);
        }
    }

    @Override
    public boolean contains(String key) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement(
                     "SELECT 1 FROM jiraq_webhook_delivery WHERE processor_name = ? AND message_id = ?")) {
            select.setString(1, processorName);
            select.setString(2, key);
            try (var row = select.executeQuery()) {
                return row.next();
            }
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    @Override
    public boolean remove(String key) {
        return delete("DELETE FROM jiraq_webhook_delivery WHERE processor_name = ? AND message_id = ?", key) > 0;
    }

    /** Keys are kept from the moment they are added; nothing is left to confirm. */
    @Override
    public boolean confirm(String key) {
        return true;
    }

    @Override
    public void clear() {
        delete("DELETE FROM jiraq_webhook_delivery WHERE processor_name = ?", null);
    }

    private void pruneWhenDue() {
        Instant now = Instant.now();
        if (now.isBefore(nextPrune)) {
            return;
        }
        nextPrune = now.plus(PRUNE_EVERY);
        try (Connection c = dataSource.getConnection();
             PreparedStatement delete = c.prepareStatement(
                     "DELETE FROM jiraq_webhook_delivery WHERE processor_name = ? AND created_at < ?")) {
            delete.setString(1, processorName);
            delete.setObject(2, OffsetDateTime.ofInstant(now.minus(retention), ZoneOffset.UTC));
            delete.executeUpdate();
        } catch (SQLException e) {
            throw failure("prune", e);
        }
    }

    private int delete(String sql, String key) {
        try (Connection c = dataSource.getConnection(); PreparedStatement delete = c.prepareStatement(sql)) {
            delete.setString(1, processorName);
            if (key != null) {
                delete.setString(2, key);
            }
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw failure("delete", e);
        }
    }

    private RuntimeCamelException failure(String what, SQLException e) {
        return new RuntimeCamelException("Cannot " + what + " webhook identifiers of '" + processorName
                                         + "' in the jiraq database: " + e.getMessage(), e);
    }

    @Override
    protected void doStart() {
        // the schema is migrated by whoever owns the database
    }

    @Override
    protected void doStop() {
        // connections are borrowed per call; nothing to release
    }
}
