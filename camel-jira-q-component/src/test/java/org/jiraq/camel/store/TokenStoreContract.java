package org.jiraq.camel.store;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jiraq.camel.spi.OAuth2Grant;
import org.jiraq.camel.spi.TokenStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@link TokenStore} must do; each implementation's test runs these against it. */
public abstract class TokenStoreContract {

    protected static final OAuth2Grant GRANT = new OAuth2Grant("access-1", Instant.parse("2030-01-01T10:00:00Z"),
            "refresh-1", "read:jira-work offline_access", "cloud-1", "https://acme.atlassian.net", false);

    /** The store under test; {@link #secondStore()} must share its state as another replica would. */
    protected abstract TokenStore store();

    /** Another view of the same grants (another replica), or the same store where there is no other. */
    protected TokenStore secondStore() {
        return store();
    }

    @Test
    void keepsAGrantPerCredential() throws IOException {
        store().save("alice", GRANT);
        store().save("bob", GRANT.withSite("cloud-2", "https://beta.atlassian.net"));

        assertThat(store().load("alice")).contains(GRANT);
        assertThat(store().load("bob")).get().extracting(OAuth2Grant::cloudId).isEqualTo("cloud-2");
        assertThat(store().load("carol")).isEmpty();
    }

    @Test
    void anUpdateSeesNothingForANewCredentialAndItsResultIsStored() throws IOException {
        List<OAuth2Grant> seen = new ArrayList<>();

        OAuth2Grant stored = store().update("new", current -> {
            seen.add(current);
            return GRANT;
        });

        assertThat(seen).containsExactly((OAuth2Grant) null);
        assertThat(stored).isEqualTo(GRANT);
        assertThat(store().load("new")).contains(GRANT);
    }

    @Test
    void anUpdateThatFailsChangesNothing() throws IOException {
        store().save("alice", GRANT);

        assertThatThrownBy(() -> store().update("alice", current -> {
            throw new IOException("token endpoint unreachable");
        })).hasMessage("token endpoint unreachable");

        assertThat(store().load("alice")).contains(GRANT);
    }

    @Test
    void aRejectedGrantIsRememberedWithoutItsTokens() throws IOException {
        store().save("alice", GRANT.rejected());

        OAuth2Grant loaded = store().load("alice").orElseThrow();
        assertThat(loaded.reconnectRequired()).isTrue();
        assertThat(loaded.accessToken()).isNull();
        assertThat(loaded.refreshToken()).isNull();
    }

    /** Every update reads the previous one's result: none is lost, whichever store instance runs it. */
    @Test
    void updatesOfOneCredentialRunOneAtATime() throws Exception {
        store().save("counter", GRANT.withTokens("a", GRANT.expiresAt(), "0", null));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<OAuth2Grant>> increments = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                TokenStore replica = i % 2 == 0 ? store() : secondStore();
                increments.add(() -> replica.update("counter", current -> {
                    int next = Integer.parseInt(current.refreshToken()) + 1;
                    Thread.yield(); // widen the window a lost update would need
                    return current.withTokens("a", current.expiresAt(), String.valueOf(next), null);
                }));
            }
            for (Future<OAuth2Grant> done : pool.invokeAll(increments)) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(store().load("counter").orElseThrow().refreshToken()).isEqualTo("40");
    }

    @Test
    void aConsentStateIsTakenOnceAndOnlyBeforeItExpires() {
        store().saveState("fresh", "alice", Instant.now().plusSeconds(600));
        store().saveState("stale", "bob", Instant.now().minusSeconds(1));

        assertThat(secondStore().takeState("fresh")).contains("alice");
        assertThat(store().takeState("fresh")).isEmpty();
        assertThat(store().takeState("stale")).isEmpty();
        assertThat(store().takeState("never-issued")).isEmpty();
    }
}
