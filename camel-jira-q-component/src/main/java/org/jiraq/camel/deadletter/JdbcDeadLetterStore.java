package org.jiraq.camel.deadletter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.jiraq.camel.client.Json;
import org.jiraq.camel.store.JiraqStore;

/**
 * Dead letters in the component's database (table jiraq_dead_letter, migration V5): they survive restarts and are
 * shared by replicas on one PostgreSQL database, so any replica's replay delivers them.
 */
public final class JdbcDeadLetterStore implements DeadLetterStore {

    private static final String COLUMNS
            = "sink, failed_at, attempts, body, headers, status, reason, request_id, retryable, outcome_unknown";

    private final Supplier<JiraqStore> store;

    public JdbcDeadLetterStore(JiraqStore store) {
        this(() -> store);
    }

    /** Opens the store only when the first dead letter is written or read (the component's store opens on first use). */
    public JdbcDeadLetterStore(Supplier<JiraqStore> store) {
        this.store = store;
    }

    @Override
    public DeadLetter add(DeadLetter letter) throws IOException {
        return store.get().withConnection(c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO jiraq_dead_letter (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    new String[] { "id" })) {
                bind(insert, letter);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return letter.withId(keys.getLong(1));
                }
            }
        });
    }

    @Override
    public List<DeadLetter> oldest(String sink, int limit, boolean withUncertain) throws IOException {
        return store.get().withConnection(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT id, " + COLUMNS + " FROM jiraq_dead_letter"
                                                               + " WHERE sink = ? AND (? OR retryable OR NOT outcome_unknown)"
                                                               + " ORDER BY id LIMIT ?")) {
                select.setString(1, sink);
                select.setBoolean(2, withUncertain);
                select.setInt(3, limit);
                List<DeadLetter> letters = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        letters.add(read(rows));
                    }
                }
                return letters;
            }
        });
    }

    @Override
    public void update(DeadLetter letter) throws IOException {
        store.get().withConnection(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE jiraq_dead_letter SET sink = ?, failed_at = ?,"
                                                               + " attempts = ?, body = ?, headers = ?, status = ?,"
                                                               + " reason = ?, request_id = ?, retryable = ?,"
                                                               + " outcome_unknown = ? WHERE id = ?")) {
                bind(update, letter);
                update.setLong(11, letter.id());
                return update.executeUpdate();
            }
        });
    }

    @Override
    public void remove(long id) throws IOException {
        store.get().withConnection(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM jiraq_dead_letter WHERE id = ?")) {
                delete.setLong(1, id);
                return delete.executeUpdate();
            }
        });
    }

    @Override
    public int count(String sink) throws IOException {
        return store.get().withConnection(c -> {
            try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM jiraq_dead_letter WHERE sink = ?")) {
                count.setString(1, sink);
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    return row.getInt(1);
                }
            }
        });
    }

    /** Binds the ten columns of {@link #COLUMNS}, in order, from parameter 1. */
    private static void bind(PreparedStatement statement, DeadLetter letter) throws SQLException {
        FailureReason reason = letter.reason();
        statement.setString(1, letter.sink());
        statement.setObject(2, OffsetDateTime.ofInstant(letter.failedAt(), ZoneOffset.UTC));
        statement.setInt(3, letter.attempts());
        statement.setString(4, letter.body());
        statement.setString(5, new String(Json.write(letter.headers()), StandardCharsets.UTF_8));
        if (reason.status() == null) {
            statement.setNull(6, Types.INTEGER);
        } else {
            statement.setInt(6, reason.status());
        }
        statement.setString(7, reason.message());
        statement.setString(8, reason.requestId());
        statement.setBoolean(9, reason.retryable());
        statement.setBoolean(10, reason.outcomeUnknown());
    }

    private static DeadLetter read(ResultSet row) throws SQLException {
        Map<String, Object> headers = Json.toMap(Json.toNode(row.getString("headers")));
        int status = row.getInt("status");
        FailureReason reason = new FailureReason(row.wasNull() ? null : status, row.getString("reason"),
                row.getString("request_id"), row.getBoolean("retryable"), row.getBoolean("outcome_unknown"));
        return new DeadLetter(row.getLong("id"), row.getString("sink"),
                row.getObject("failed_at", OffsetDateTime.class).toInstant(), row.getInt("attempts"),
                row.getString("body"), headers, reason);
    }
}
