package org.jiraq.camel.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.jiraq.camel.JiraqStoreException;
import org.jiraq.camel.spi.RateLimitHold;
import org.jiraq.camel.spi.RateLimitStore;

/**
 * Shared rate-limit state in the jiraq database (tables jiraq_rate_budget and jiraq_rate_hold, migration V8). A booking
 * locks its budget's row for one short transaction, so concurrent replicas book one after another and their bookings
 * never overlap on the schedule.
 */
public final class JdbcRateLimitStore implements RateLimitStore {

    /** SQLSTATE of a unique-key violation: another replica created the row first. */
    private static final String DUPLICATE_KEY = "23505";

    private final JiraqStore store;

    public JdbcRateLimitStore(JiraqStore store) {
        this.store = store;
    }

    @Override
    public long book(String key, double ratePerSecond, double units, long nowMicros) throws IOException {
        if (!(ratePerSecond > 0) || units < 0) {
            throw new IllegalArgumentException("A booking needs a positive rate and units, not " + ratePerSecond
                                               + " and " + units);
        }
        long span = (long) Math.ceil(units / ratePerSecond * 1_000_000);
        for (int attempt = 0; ; attempt++) {
            Long start = store.inTransaction(c -> {
                Long next = nextFree(c, key);
                if (next == null) {
                    return null;
                }
                long begin = Math.max(next, nowMicros);
                try (PreparedStatement update = c.prepareStatement(
                        "UPDATE jiraq_rate_budget SET next_free_us = ? WHERE budget_key = ?")) {
                    update.setLong(1, begin + span);
                    update.setString(2, key);
                    update.executeUpdate();
                }
                return begin;
            });
            if (start != null) {
                return start;
            }
            if (attempt > 0) {
                throw new IOException("The budget row " + key + " could not be created");
            }
            create(key);
        }
    }

    private static Long nextFree(Connection c, String key) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT next_free_us FROM jiraq_rate_budget WHERE budget_key = ? FOR UPDATE")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : null;
            }
        }
    }

    private void create(String key) throws IOException {
        store.withConnection(c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO jiraq_rate_budget (budget_key, next_free_us) VALUES (?, 0)")) {
                insert.setString(1, key);
                insert.executeUpdate();
            } catch (SQLException e) {
                if (!DUPLICATE_KEY.equals(e.getSQLState())) {
                    throw e;
                }
            }
            return null;
        });
    }

    @Override
    public void hold(String site, String scope, long untilMicros, String reason) throws IOException {
        try {
            upsertHold(site, scope, untilMicros, reason);
        } catch (JiraqStoreException e) {
            if (!(e.getCause() instanceof SQLException sql && DUPLICATE_KEY.equals(sql.getSQLState()))) {
                throw e;
            }
            upsertHold(site, scope, untilMicros, reason); // another replica inserted the same hold at the same moment
        }
    }

    private void upsertHold(String site, String scope, long untilMicros, String reason) throws IOException {
        store.inTransaction(c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE jiraq_rate_hold SET until_us = ?, reason = ? WHERE site = ? AND scope = ? AND until_us < ?")) {
                update.setLong(1, untilMicros);
                update.setString(2, reason);
                update.setString(3, site);
                update.setString(4, scope);
                update.setLong(5, untilMicros);
                if (update.executeUpdate() > 0) {
                    return null;
                }
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO jiraq_rate_hold (site, scope, until_us, reason) SELECT ?, ?, ?, ? WHERE NOT EXISTS"
                    + " (SELECT 1 FROM jiraq_rate_hold WHERE site = ? AND scope = ?)")) {
                insert.setString(1, site);
                insert.setString(2, scope);
                insert.setLong(3, untilMicros);
                insert.setString(4, reason);
                insert.setString(5, site);
                insert.setString(6, scope);
                insert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<RateLimitHold> holds(String site, long nowMicros) throws IOException {
        return store.withConnection(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT scope, until_us, reason FROM jiraq_rate_hold WHERE site = ? AND until_us > ?")) {
                select.setString(1, site);
                select.setLong(2, nowMicros);
                List<RateLimitHold> holds = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        holds.add(new RateLimitHold(rows.getString(1), rows.getLong(2), rows.getString(3)));
                    }
                }
                return holds;
            }
        });
    }
}
