package org.jiraq.camel.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.jiraq.camel.JiraqStoreException;
import org.jiraq.camel.spi.OAuth2Grant;
import org.jiraq.camel.spi.TokenStore;

import static org.jiraq.camel.store.JiraqStore.timestamp;

/**
 * OAuth 2.0 grants in the jiraq store (table {@code jiraq_oauth_grant}), tokens sealed by a {@link SecretCipher}.
 * <p>
 * A refresh holds the credential's row lock ({@code SELECT ... FOR UPDATE}) from reading the grant until the rotated
 * tokens are committed, so replicas sharing the database refresh one at a time and the next one reads the fresh
 * grant instead of reusing a dead refresh token. The write also checks and bumps a version column, so a database
 * that ignored the row lock would fail the second writer rather than lose a token. In this JVM, a lock per
 * credential keeps waiting threads off the database.
 */
public final class JdbcTokenStore implements TokenStore {

    private static final String COLUMNS
            = "access_token, expires_at, refresh_token, scopes, cloud_id, site_url, reconnect_required, version";

    private final JiraqStore store;
    private final SecretCipher cipher;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    public JdbcTokenStore(JiraqStore store, SecretCipher cipher) {
        this.store = store;
        this.cipher = cipher;
    }

    @Override
    public Optional<OAuth2Grant> load(String credentialId) {
        try {
            return store.withConnection(c -> {
                try (PreparedStatement select = c.prepareStatement(
                        "SELECT " + COLUMNS + " FROM jiraq_oauth_grant WHERE credential_id = ?")) {
                    select.setString(1, credentialId);
                    try (ResultSet row = select.executeQuery()) {
                        return Optional.ofNullable(row.next() ? read(credentialId, row) : null);
                    }
                }
            });
        } catch (IOException e) {
            throw new JiraqStoreException("Cannot read the grant of credentialId '" + credentialId + "'", e);
        }
    }

    @Override
    public OAuth2Grant update(String credentialId, GrantUpdate update) throws IOException {
        ReentrantLock lock = locks.computeIfAbsent(credentialId, id -> new ReentrantLock());
        lock.lock();
        try {
            store.withConnection(c -> insertRowUnlessPresent(c, credentialId));
            return store.inTransaction(c -> updateLocked(c, credentialId, update));
        } finally {
            lock.unlock();
        }
    }

    private OAuth2Grant updateLocked(Connection c, String credentialId, GrantUpdate update)
            throws SQLException, IOException {
        OAuth2Grant current;
        long version;
        try (PreparedStatement select = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM jiraq_oauth_grant WHERE credential_id = ? FOR UPDATE")) {
            select.setString(1, credentialId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                current = read(credentialId, row);
                version = row.getLong("version");
            }
        }
        OAuth2Grant next = update.apply(current);
        if (next == current) {
            return current;
        }
        try (PreparedStatement write = c.prepareStatement(
                "UPDATE jiraq_oauth_grant SET access_token = ?, expires_at = ?, refresh_token = ?, scopes = ?,"
                                                          + " cloud_id = ?, site_url = ?, reconnect_required = ?,"
                                                          + " version = version + 1, updated_at = ?"
                                                          + " WHERE credential_id = ? AND version = ?")) {
            write.setString(1, cipher.seal(next.accessToken(), context(credentialId, "access_token")));
            write.setObject(2, timestamp(next.expiresAt()));
            write.setString(3, cipher.seal(next.refreshToken(), context(credentialId, "refresh_token")));
            write.setString(4, next.scopes());
            write.setString(5, next.cloudId());
            write.setString(6, next.siteUrl());
            write.setBoolean(7, next.reconnectRequired());
            write.setObject(8, timestamp(Instant.now()));
            write.setString(9, credentialId);
            write.setLong(10, version);
            if (write.executeUpdate() != 1) {
                throw new JiraqStoreException("The grant of credentialId '" + credentialId + "' was changed by another"
                                              + " writer while locked; the database does not honour SELECT ... FOR"
                                              + " UPDATE");
            }
        }
        return next;
    }

    /** The row to lock must exist first; a new credential gets an empty one (an insert that loses a race is fine). */
    private static Void insertRowUnlessPresent(Connection c, String credentialId) throws SQLException {
        try (PreparedStatement exists = c.prepareStatement(
                "SELECT 1 FROM jiraq_oauth_grant WHERE credential_id = ?")) {
            exists.setString(1, credentialId);
            try (ResultSet row = exists.executeQuery()) {
                if (row.next()) {
                    return null;
                }
            }
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO jiraq_oauth_grant (credential_id, updated_at) VALUES (?, ?)")) {
            insert.setString(1, credentialId);
            insert.setObject(2, timestamp(Instant.now()));
            insert.executeUpdate();
        } catch (SQLException e) {
            if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                throw e; // not the unique violation of a concurrent insert
            }
        }
        return null;
    }

    /** The grant in the current row; null for the empty row of a credential that has none yet. */
    private OAuth2Grant read(String credentialId, ResultSet row) throws SQLException {
        String accessToken = row.getString("access_token");
        String refreshToken = row.getString("refresh_token");
        boolean reconnectRequired = row.getBoolean("reconnect_required");
        if (accessToken == null && refreshToken == null && !reconnectRequired) {
            return null;
        }
        OffsetDateTime expiresAt = row.getObject("expires_at", OffsetDateTime.class);
        return new OAuth2Grant(
                cipher.open(accessToken, context(credentialId, "access_token")),
                expiresAt == null ? null : expiresAt.toInstant(),
                cipher.open(refreshToken, context(credentialId, "refresh_token")),
                row.getString("scopes"), row.getString("cloud_id"), row.getString("site_url"), reconnectRequired);
    }

    @Override
    public void saveState(String state, String credentialId, Instant expiresAt) {
        try {
            store.inTransaction(c -> {
                try (PreparedStatement purge = c.prepareStatement("DELETE FROM jiraq_oauth_state WHERE expires_at < ?");
                     PreparedStatement insert = c.prepareStatement(
                             "INSERT INTO jiraq_oauth_state (state, credential_id, expires_at) VALUES (?, ?, ?)")) {
                    purge.setObject(1, timestamp(Instant.now()));
                    purge.executeUpdate();
                    insert.setString(1, state);
                    insert.setString(2, credentialId);
                    insert.setObject(3, timestamp(expiresAt));
                    return insert.executeUpdate();
                }
            });
        } catch (IOException e) {
            throw new JiraqStoreException("Cannot save a consent state", e);
        }
    }

    @Override
    public Optional<String> takeState(String state) {
        try {
            return store.inTransaction(c -> {
                String credentialId;
                OffsetDateTime expiresAt;
                try (PreparedStatement select = c.prepareStatement(
                        "SELECT credential_id, expires_at FROM jiraq_oauth_state WHERE state = ?")) {
                    select.setString(1, state);
                    try (ResultSet row = select.executeQuery()) {
                        if (!row.next()) {
                            return Optional.<String> empty();
                        }
                        credentialId = row.getString("credential_id");
                        expiresAt = row.getObject("expires_at", OffsetDateTime.class);
                    }
                }
                try (PreparedStatement delete = c.prepareStatement("DELETE FROM jiraq_oauth_state WHERE state = ?")) {
                    delete.setString(1, state);
                    // only the caller whose delete removed the row may use it, however many raced for it
                    boolean taken = delete.executeUpdate() == 1;
                    return taken && expiresAt.toInstant().isAfter(Instant.now())
                            ? Optional.of(credentialId) : Optional.<String> empty();
                }
            });
        } catch (IOException e) {
            throw new JiraqStoreException("Cannot read a consent state", e);
        }
    }

    /** The associated data a sealed token is bound to: its credential and column. */
    private static String context(String credentialId, String column) {
        return "jiraq_oauth_grant/" + credentialId + "/" + column;
    }
}
