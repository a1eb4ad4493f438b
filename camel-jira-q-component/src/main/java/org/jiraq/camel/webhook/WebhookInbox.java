package org.jiraq.camel.webhook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jiraq.camel.client.Json;
import org.jiraq.camel.store.JiraqStore;

import static org.jiraq.camel.store.JiraqStore.timestamp;

/**
 * One jiraq:webhook consumer's events in the store (table jiraq_webhook_inbox, migration V10). A row is both the
 * event's de-duplication entry and, until the route has processed it, the event itself, so an event is never
 * acknowledged without being kept, nor kept twice. Work on a row is fenced by its lease: only the process named in
 * {@code lease_owner} settles it, and a lease that ran out (its process died) is taken over by another.
 * <p>
 * Every time comes from the caller's clock; replicas' clocks must agree to well within the lease (NTP).
 */
public final class WebhookInbox {

    /** Where an event stands. */
    public enum State {
        /** Stored and acknowledged; a worker hands it to the route. */
        PENDING,
        /** Acknowledged after the route: the route runs while Jira waits for the answer. */
        IN_FLIGHT,
        /** The route processed it. */
        DONE,
        /** Given up on after the last redelivery; kept in the dead letters. */
        DEAD
    }

    /**
     * What storing an event did.
     *
     * @param stored     whether it was new and is now stored
     * @param state      its state now (for a duplicate: the earlier delivery's)
     * @param leaseOwner who works on it (for a duplicate), or null
     * @param leaseUntil until when, or null
     */
    public record Admission(boolean stored, State state, String leaseOwner, Instant leaseUntil) {
    }

    /** How full the inbox is: events waiting or being delivered, the oldest's arrival, events in flight. */
    public record Depth(long pending, Instant oldestReceivedAt, long inFlight) {
    }

    /**
     * An event to store: whether this process takes its lease at once (to work on it now) and in which state.
     *
     * @param headersJson the headers a pending event keeps, as JSON (null for another state)
     */
    public record NewEvent(InboxEvent event, State state, Instant leaseUntil, String headersJson) {

        /** Writes the headers as JSON here, on the caller's thread, rather than on the one that writes the rounds. */
        public NewEvent(InboxEvent event, State state, Instant leaseUntil) {
            this(event, state, leaseUntil, state == State.PENDING ? WebhookInbox.headersJson(event.headers()) : null);
        }
    }

    private static final String TABLE = "jiraq_webhook_inbox";
    private static final String EVENT_COLUMNS
            = "identifier, COALESCE(payload, large_payload) AS payload, headers, jira_retry, received_at, attempts";
    /** The longest payload kept inline (H2's longest VARCHAR); a longer one is kept as a large object. */
    static final int INLINE_PAYLOAD = 1_000_000;

    private final JiraqStore store;
    private final String inbox;
    private final String owner;

    /**
     * @param inbox the consumer's name, which keeps its events apart from another consumer's
     * @param owner this process: the holder of the leases it takes
     */
    public WebhookInbox(JiraqStore store, String inbox, String owner) {
        this.store = store;
        this.inbox = inbox;
        this.owner = owner;
    }

    public String name() {
        return inbox;
    }

    public String owner() {
        return owner;
    }

    /**
     * Stores new events in one transaction (the caller's); an event whose key is there already, or earlier in the
     * same list, is not stored again, and its admission says where the first one stands.
     */
    public List<Admission> admit(Connection c, List<NewEvent> events, Instant now) throws SQLException {
        Map<String, Admission> existing = existing(c, events);
        List<Admission> admissions = new ArrayList<>(events.size());
        Set<String> inThisRound = new HashSet<>();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + TABLE + " (inbox, identifier, state, event,"
                                                           + " payload, large_payload, headers, jira_retry, received_at,"
                                                           + " attempts, next_attempt_at, lease_owner, lease_until)"
                                                           + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)")) {
            for (NewEvent entry : events) {
                InboxEvent event = entry.event();
                Admission earlier = existing.get(event.key());
                if (earlier != null) {
                    admissions.add(earlier);
                    continue;
                }
                if (!inThisRound.add(event.key())) {
                    admissions.add(new Admission(false, entry.state(), owner, entry.leaseUntil()));
                    continue;
                }
                insert.setString(1, inbox);
                insert.setString(2, event.key());
                insert.setString(3, entry.state().name());
                insert.setString(4, event.event().name());
                boolean keep = entry.state() == State.PENDING;
                setPayload(insert, 5, keep ? event.payload() : null);
                insert.setString(7, entry.headersJson());
                insert.setObject(8, event.event().retry(), Types.INTEGER);
                insert.setObject(9, timestamp(event.receivedAt()));
                insert.setObject(10, timestamp(now));
                insert.setString(11, entry.leaseUntil() == null ? null : owner);
                insert.setObject(12, timestamp(entry.leaseUntil()));
                insert.addBatch();
                admissions.add(new Admission(true, entry.state(), owner, entry.leaseUntil()));
            }
            if (!inThisRound.isEmpty()) {
                insert.executeBatch();
            }
        }
        return admissions;
    }

    /** Stores one event in a transaction of its own. */
    public Admission admit(NewEvent event, Instant now) throws IOException {
        return store.inTransaction(c -> admit(c, List.of(event), now)).get(0);
    }

    /** The events of the list the inbox has already; one index seek each (H2 scans for an IN list of keys). */
    private Map<String, Admission> existing(Connection c, List<NewEvent> events) throws SQLException {
        Map<String, Admission> found = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT state, lease_owner, lease_until FROM " + TABLE
                                                           + " WHERE inbox = ? AND identifier = ?")) {
            for (NewEvent event : events) {
                select.setString(1, inbox);
                select.setString(2, event.event().key());
                try (ResultSet row = select.executeQuery()) {
                    if (row.next()) {
                        found.put(event.event().key(), new Admission(false, State.valueOf(row.getString(1)),
                                row.getString(2), instant(row, 3)));
                    }
                }
            }
        }
        return found;
    }

    /** Where the event with this key stands, if the inbox has it. */
    public Optional<Admission> find(String key) throws IOException {
        return store.withConnection(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT state, lease_owner, lease_until FROM " + TABLE
                                                               + " WHERE inbox = ? AND identifier = ?")) {
                select.setString(1, inbox);
                select.setString(2, key);
                try (ResultSet row = select.executeQuery()) {
                    return row.next()
                            ? Optional.of(new Admission(false, State.valueOf(row.getString(1)), row.getString(2),
                                    instant(row, 3)))
                            : Optional.<Admission> empty();
                }
            }
        });
    }

    /**
     * Takes over an event no live process works on (its lease ran out, or it has none) and puts it in {@code state}
     * under this process's lease; false when another process holds it or it is settled.
     */
    public boolean takeOver(String key, State state, Instant now, Instant leaseUntil) throws IOException {
        return store.withConnection(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE " + TABLE + " SET state = ?, lease_owner = ?,"
                                                               + " lease_until = ? WHERE inbox = ? AND identifier = ?"
                                                               + " AND state IN ('PENDING', 'IN_FLIGHT')"
                                                               + " AND (lease_until IS NULL OR lease_until < ?)")) {
                update.setString(1, state.name());
                update.setString(2, owner);
                update.setObject(3, timestamp(leaseUntil));
                update.setString(4, inbox);
                update.setString(5, key);
                update.setObject(6, timestamp(now));
                return update.executeUpdate() == 1;
            }
        });
    }

    /**
     * Leases up to {@code limit} stored events that are due (their next attempt has come) and that no live process
     * holds, oldest first, skipping {@code held} (this process has them already); returns them.
     */
    public List<InboxEvent> claimDue(int limit, Set<String> held, Instant now, Instant leaseUntil) throws IOException {
        return store.inTransaction(c -> {
            List<String> candidates = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT identifier FROM " + TABLE + " WHERE inbox = ?"
                                                               + " AND state = 'PENDING' AND next_attempt_at <= ?"
                                                               + " AND (lease_until IS NULL OR lease_until < ?)"
                                                               + " ORDER BY id LIMIT ?")) {
                select.setString(1, inbox);
                select.setObject(2, timestamp(now));
                select.setObject(3, timestamp(now));
                select.setInt(4, limit + held.size());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next() && candidates.size() < limit) {
                        if (!held.contains(rows.getString(1))) {
                            candidates.add(rows.getString(1));
                        }
                    }
                }
            }
            List<String> claimed = new ArrayList<>();
            try (PreparedStatement update = c.prepareStatement("UPDATE " + TABLE + " SET lease_owner = ?, lease_until = ?"
                                                               + " WHERE inbox = ? AND identifier = ? AND state = 'PENDING'"
                                                               + " AND (lease_until IS NULL OR lease_until < ?)")) {
                for (String key : candidates) {
                    update.setString(1, owner);
                    update.setObject(2, timestamp(leaseUntil));
                    update.setString(3, inbox);
                    update.setString(4, key);
                    update.setObject(5, timestamp(now));
                    if (update.executeUpdate() == 1) {
                        claimed.add(key);
                    }
                }
            }
            return read(c, claimed);
        });
    }

    private List<InboxEvent> read(Connection c, List<String> keys) throws SQLException, IOException {
        List<InboxEvent> events = new ArrayList<>(keys.size());
        try (PreparedStatement select = c.prepareStatement("SELECT " + EVENT_COLUMNS + " FROM " + TABLE
                                                           + " WHERE inbox = ? AND identifier = ?")) {
            for (String key : keys) {
                select.setString(1, inbox);
                select.setString(2, key);
                try (ResultSet row = select.executeQuery()) {
                    if (row.next()) {
                        events.add(InboxEvent.stored(key, row.getString("payload"), headers(row.getString("headers")),
                                row.getObject("jira_retry", Integer.class), instant(row, 5), row.getInt("attempts")));
                    }
                }
            }
        }
        return events;
    }

    /** Extends this process's leases on the given events (those it still works on); returns how many it held. */
    public int renewLeases(Set<String> keys, Instant leaseUntil) throws IOException {
        if (keys.isEmpty()) {
            return 0;
        }
        return store.inTransaction(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE " + TABLE + " SET lease_until = ? WHERE inbox = ?"
                                                               + " AND identifier = ? AND lease_owner = ?"
                                                               + " AND state IN ('PENDING', 'IN_FLIGHT')")) {
                for (String key : keys) {
                    update.setObject(1, timestamp(leaseUntil));
                    update.setString(2, inbox);
                    update.setString(3, key);
                    update.setString(4, owner);
                    update.addBatch();
                }
                return sum(update.executeBatch());
            }
        });
    }

    /**
     * Marks events this process holds as processed, in the caller's transaction; the payload goes, the key stays for
     * de-duplication. Answers per event whether this process still held it (false: its lease ran out and another
     * process may have delivered it too).
     */
    public List<Boolean> markDone(Connection c, List<String> keys, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE " + TABLE + " SET state = 'DONE', payload = NULL,"
                                                           + " large_payload = NULL, headers = NULL, last_error = NULL, lease_owner = NULL,"
                                                           + " lease_until = NULL, settled_at = ? WHERE inbox = ?"
                                                           + " AND identifier = ? AND lease_owner = ?")) {
            for (String key : keys) {
                update.setObject(1, timestamp(now));
                update.setString(2, inbox);
                update.setString(3, key);
                update.setString(4, owner);
                update.addBatch();
            }
            int[] counts = update.executeBatch();
            List<Boolean> held = new ArrayList<>(counts.length);
            for (int count : counts) {
                held.add(count != 0);
            }
            return held;
        }
    }

    /** Marks one event processed in a transaction of its own; false when this process no longer held it. */
    public boolean markDone(String key, Instant now) throws IOException {
        return store.inTransaction(c -> markDone(c, List.of(key), now)).get(0);
    }

    /**
     * After a failed delivery: the event waits until {@code nextAttemptAt}, its lease released so any process may
     * take it then. False when this process no longer held it.
     */
    public boolean retryLater(String key, int attempts, Instant nextAttemptAt, String error) throws IOException {
        return onHeld("UPDATE " + TABLE + " SET attempts = ?, next_attempt_at = ?, last_error = ?, lease_owner = NULL,"
                      + " lease_until = NULL", key, attempts, timestamp(nextAttemptAt), truncate(error));
    }

    /** Gives up on an event this process holds: it is settled as dead (its dead letter is kept elsewhere). */
    public boolean markDead(String key, int attempts, String error, Instant now) throws IOException {
        return onHeld("UPDATE " + TABLE + " SET state = 'DEAD', attempts = ?, last_error = ?, payload = NULL,"
                      + " large_payload = NULL, headers = NULL, lease_owner = NULL, lease_until = NULL, settled_at = ?", key, attempts,
                truncate(error), timestamp(now));
    }

    /**
     * Forgets an event this process held in flight whose route failed, so that Jira's retry (same key) is taken as
     * new.
     */
    public void forget(String key) throws IOException {
        onHeld("DELETE FROM " + TABLE, key);
    }

    /**
     * Runs {@code statement} (an UPDATE or DELETE without its WHERE clause) on one event this process holds, binding
     * {@code values} first; false when it no longer held it.
     */
    private boolean onHeld(String statement, String key, Object... values) throws IOException {
        return store.withConnection(c -> {
            try (PreparedStatement update = c.prepareStatement(statement
                                                               + " WHERE inbox = ? AND identifier = ? AND lease_owner = ?")) {
                int parameter = 1;
                for (Object value : values) {
                    update.setObject(parameter++, value);
                }
                update.setString(parameter++, inbox);
                update.setString(parameter++, key);
                update.setString(parameter, owner);
                return update.executeUpdate() == 1;
            }
        });
    }

    /** Lets go of the stored events this process holds but has not started, so any process may take them at once. */
    public int releaseLeases(Set<String> keys) throws IOException {
        if (keys.isEmpty()) {
            return 0;
        }
        return store.inTransaction(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE " + TABLE + " SET lease_owner = NULL,"
                                                               + " lease_until = NULL WHERE inbox = ? AND identifier = ?"
                                                               + " AND lease_owner = ? AND state = 'PENDING'")) {
                for (String key : keys) {
                    update.setString(1, inbox);
                    update.setString(2, key);
                    update.setString(3, owner);
                    update.addBatch();
                }
                return sum(update.executeBatch());
            }
        });
    }

    /**
     * Puts an event back in the inbox for the workers (a replayed dead letter): a dead one is stored again with no
     * attempts, a missing one added. Returns false when the inbox has it pending, in flight or done already.
     */
    public boolean requeue(InboxEvent event, Instant now) throws IOException {
        return store.inTransaction(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE " + TABLE + " SET state = 'PENDING', payload = ?,"
                                                               + " large_payload = ?, headers = ?, attempts = 0,"
                                                               + " next_attempt_at = ?,"
                                                               + " last_error = NULL, settled_at = NULL,"
                                                               + " lease_owner = NULL, lease_until = NULL"
                                                               + " WHERE inbox = ? AND identifier = ? AND state = 'DEAD'")) {
                setPayload(update, 1, event.payload());
                update.setString(3, headersJson(event.headers()));
                update.setObject(4, timestamp(now));
                update.setString(5, inbox);
                update.setString(6, event.key());
                if (update.executeUpdate() == 1) {
                    return true;
                }
            }
            return admit(c, List.of(new NewEvent(event, State.PENDING, null)), now).get(0).stored();
        });
    }

    /**
     * The events waiting or being delivered (all processes'), the oldest's arrival, and those in flight. One query per
     * state, so each reads only its part of the (inbox, state) index, not the settled keys kept beside.
     */
    public Depth depth() throws IOException {
        return store.withConnection(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*), MIN(received_at) FROM " + TABLE
                                                               + " WHERE inbox = ? AND state = ?")) {
                long[] counts = new long[2];
                Instant oldest = null;
                State[] open = { State.PENDING, State.IN_FLIGHT };
                for (int i = 0; i < open.length; i++) {
                    select.setString(1, inbox);
                    select.setString(2, open[i].name());
                    try (ResultSet row = select.executeQuery()) {
                        row.next();
                        counts[i] = row.getLong(1);
                        Instant received = instant(row, 2);
                        oldest = oldest == null || received != null && received.isBefore(oldest) ? received : oldest;
                    }
                }
                return new Depth(counts[0], oldest, counts[1]);
            }
        });
    }

    /** Deletes the keys of events settled before {@code before}; a delivery with one of them is then new again. */
    public int prune(Instant before) throws IOException {
        return store.withConnection(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + TABLE + " WHERE inbox = ? AND state = ?"
                                                               + " AND settled_at < ?")) {
                int deleted = 0;
                for (State settled : new State[] { State.DONE, State.DEAD }) {
                    delete.setString(1, inbox);
                    delete.setString(2, settled.name());
                    delete.setObject(3, timestamp(before));
                    deleted += delete.executeUpdate();
                }
                return deleted;
            }
        });
    }

    /** Binds a payload to the parameters {@code at} (inline) and {@code at + 1} (large object), one of them null. */
    private static void setPayload(PreparedStatement statement, int at, String payload) throws SQLException {
        boolean inline = payload == null || payload.length() <= INLINE_PAYLOAD;
        statement.setString(at, inline ? payload : null);
        statement.setString(at + 1, inline ? null : payload);
    }

    private static int sum(int[] counts) {
        int total = 0;
        for (int count : counts) {
            total += Math.max(count, 0);
        }
        return total;
    }

    private static String headersJson(Map<String, Object> headers) {
        return new String(Json.write(headers), StandardCharsets.UTF_8);
    }

    private static Map<String, Object> headers(String json) {
        return json == null ? Collections.emptyMap() : Json.toMap(Json.toNode(json));
    }

    /** Room for the reason of a failure; the full one goes to the dead letter and the log. */
    private static String truncate(String error) {
        return error == null || error.length() <= 4000 ? error : error.substring(0, 4000);
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
