package org.jiraq.camel.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.jiraq.camel.JiraqStoreException;
import org.jiraq.camel.spi.TokenStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JDBC token store on an H2 file shared by two store instances, as two replicas share one database. */
class JdbcTokenStoreTest extends TokenStoreContract {

    static final String KEY = Base64.getEncoder().encodeToString(new byte[32]).replace('A', 'k');

    @TempDir
    Path dir;
    JiraqStore database;
    JiraqStore otherReplicasDatabase;
    JdbcTokenStore store;
    JdbcTokenStore otherReplica;

    @BeforeEach
    void open() {
        String url = "jdbc:h2:file:" + dir.resolve("jiraq") + JiraqStore.H2_SETTINGS;
        database = JiraqStore.url(url, null, null);
        otherReplicasDatabase = JiraqStore.url(url, null, null);
        database.start();
        otherReplicasDatabase.start();
        store = new JdbcTokenStore(database, SecretCipher.fromBase64Key(KEY, "tokenStoreKey"));
        otherReplica = new JdbcTokenStore(otherReplicasDatabase, SecretCipher.fromBase64Key(KEY, "tokenStoreKey"));
    }

    @AfterEach
    void close() {
        otherReplicasDatabase.stop();
        database.stop();
    }

    @Override
    protected TokenStore store() {
        return store;
    }

    @Override
    protected TokenStore secondStore() {
        return otherReplica;
    }

    @Test
    void theRawRowsHoldNoTokenInClearText() throws Exception {
        store.save("alice", GRANT);

        List<String> cells = rawCells("SELECT * FROM jiraq_oauth_grant");
        assertThat(cells).isNotEmpty().noneMatch(cell -> cell.contains(GRANT.accessToken()))
                .noneMatch(cell -> cell.contains(GRANT.refreshToken()));
        assertThat(cells).contains("alice", GRANT.cloudId()).anyMatch(cell -> cell.startsWith("v1:"));
    }

    @Test
    void aSealedTokenCopiedToAnotherCredentialDoesNotOpen() throws Exception {
        store.save("alice", GRANT);
        store.save("mallory", GRANT.withTokens("mine", GRANT.expiresAt(), "mine", null));
        try (Connection c = database.getDataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE jiraq_oauth_grant SET refresh_token ="
                            + " (SELECT refresh_token FROM jiraq_oauth_grant WHERE credential_id = 'alice')"
                            + " WHERE credential_id = 'mallory'");
        }

        assertThatThrownBy(() -> store.load("mallory")).isInstanceOf(JiraqStoreException.class)
                .hasMessageContaining("mallory").hasMessageContaining("cannot be decrypted");
        assertThat(store.load("alice")).contains(GRANT);
    }

    @Test
    void anotherKeyCannotReadTheTokens() throws Exception {
        store.save("alice", GRANT);
        JdbcTokenStore wrongKey = new JdbcTokenStore(database, SecretCipher.throwaway());

        assertThatThrownBy(() -> wrongKey.load("alice")).isInstanceOf(JiraqStoreException.class)
                .hasMessageContaining("tokenStoreKey");
    }

    @Test
    void aCredentialThatNeverConnectedStaysAbsentAfterAFailedFirstUpdate() {
        assertThatThrownBy(() -> store.update("ghost", current -> {
            throw new IllegalStateException("not connected");
        })).hasMessage("not connected");

        assertThat(store.load("ghost")).isEmpty();
    }

    private List<String> rawCells(String sql) throws Exception {
        List<String> cells = new ArrayList<>();
        try (Connection c = database.getDataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery(sql)) {
            ResultSetMetaData meta = rows.getMetaData();
            while (rows.next()) {
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    cells.add(String.valueOf(rows.getObject(i)));
                }
            }
        }
        return cells;
    }
}
