package org.jiraq.camel.store;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import org.apache.camel.support.service.ServiceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** createIssue's idempotency keys on H2 and on a real PostgreSQL: one holder at a time, made issues kept, pruned. */
class JdbcIdempotencyKeysTest {

    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final String SITE = "https://acme.atlassian.net";
    private static final JdbcIdempotencyKeys.Issue ISSUE
            = new JdbcIdempotencyKeys.Issue("10001", "DEMO-1", "https://acme.atlassian.net/rest/api/3/issue/10001");

    @TempDir
    Path dir;
    private JiraqStore store;

    @AfterEach
    void close() {
        ServiceHelper.stopService(store);
    }

    private JdbcIdempotencyKeys keys(SharedDatabase database) {
        store = JiraqStore.url(database.createDatabase(dir), null, null);
        store.start();
        return new JdbcIdempotencyKeys(store);
    }

    @ParameterizedTest
    @EnumSource(SharedDatabase.class)
    void aKeyHasOneHolderAndOnceMadeAnswersWithItsIssue(SharedDatabase database) throws Exception {
        JdbcIdempotencyKeys keys = keys(database);

        assertThat(keys.claim(SITE, "order-1", null, "node-a", T0, T0.plus(LEASE))).isTrue();
        assertThat(keys.claim(SITE, "order-1", null, "node-b", T0, T0.plus(LEASE))).isFalse();
        assertThat(keys.claim("https://other.atlassian.net", "order-1", null, "node-b", T0, T0.plus(LEASE)))
                .as("another site's key of the same name").isTrue();
        assertThat(keys.takeOver(SITE, "order-1", "node-b", T0.plusSeconds(1), T0.plus(LEASE))).isFalse();
        assertThat(keys.done(SITE, "order-1", "node-b", ISSUE, T0)).as("not its holder").isFalse();
        assertThat(keys.done(SITE, "order-1", "node-a", ISSUE, T0)).isTrue();

        assertThat(keys.find(SITE, "order-1")).get().satisfies(key -> {
            assertThat(key.state()).isEqualTo(JdbcIdempotencyKeys.State.DONE);
            assertThat(key.issue()).isEqualTo(ISSUE);
        });
        assertThat(keys.takeOver(SITE, "order-1", "node-b", T0.plus(LEASE.multipliedBy(2)), T0)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(SharedDatabase.class)
    void aDeadHoldersKeyIsTakenOverOnceItsLeaseRanOutAndARenewedOneNever(SharedDatabase database) throws Exception {
        JdbcIdempotencyKeys keys = keys(database);
        keys.claim(SITE, "dead", "DEMO-41", "node-a", T0, T0.plus(LEASE));
        keys.claim(SITE, "alive", null, "node-a", T0, T0.plus(LEASE));
        keys.renew(SITE, Set.of("alive"), "node-a", T0.plus(LEASE.multipliedBy(3)));

        Instant later = T0.plus(LEASE).plusSeconds(1);
        assertThat(keys.takeOver(SITE, "dead", "node-b", later, later.plus(LEASE))).isTrue();
        assertThat(keys.takeOver(SITE, "alive", "node-b", later, later.plus(LEASE))).isFalse();
        assertThat(keys.find(SITE, "dead")).get().satisfies(key -> {
            assertThat(key.leaseOwner()).isEqualTo("node-b");
            assertThat(key.claimedAt()).as("whatever the dead holder sent, it sent after this").isEqualTo(T0);
            assertThat(key.precedingKey()).as("and its issue comes after this key").isEqualTo("DEMO-41");
        });
    }

    @ParameterizedTest
    @EnumSource(SharedDatabase.class)
    void aFailedCreateFreesItsKeyUnlessItMayHaveGoneThrough(SharedDatabase database) throws Exception {
        JdbcIdempotencyKeys keys = keys(database);
        keys.claim(SITE, "refused", null, "node-a", T0, T0.plus(LEASE));
        keys.claim(SITE, "lost-answer", null, "node-a", T0, T0.plus(LEASE));

        keys.release(SITE, "refused", "node-a", null);
        keys.release(SITE, "lost-answer", "node-a", T0.plusSeconds(2));

        assertThat(keys.find(SITE, "refused")).isEmpty();
        assertThat(keys.find(SITE, "lost-answer")).get().satisfies(key -> {
            assertThat(key.state()).isEqualTo(JdbcIdempotencyKeys.State.IN_FLIGHT);
            assertThat(key.leaseOwner()).isNull();
            assertThat(key.uncertainSince()).isEqualTo(T0.plusSeconds(2));
        });
        assertThat(keys.takeOver(SITE, "lost-answer", "node-b", T0.plusSeconds(3), T0.plus(LEASE))).isTrue();
    }

    @ParameterizedTest
    @EnumSource(SharedDatabase.class)
    void madeKeysAreForgottenAfterTheRetention(SharedDatabase database) throws Exception {
        JdbcIdempotencyKeys keys = keys(database);
        keys.claim(SITE, "old", null, "node-a", T0, T0.plus(LEASE));
        keys.done(SITE, "old", "node-a", ISSUE, T0);
        keys.claim(SITE, "in-flight", null, "node-a", T0, T0.plus(LEASE));

        assertThat(keys.prune(T0.plusSeconds(1))).isOne();
        assertThat(keys.find(SITE, "old")).isEmpty();
        assertThat(keys.find(SITE, "in-flight")).isPresent();
    }
}
