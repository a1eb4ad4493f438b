package org.jiraq.camel.webhook;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.camel.support.service.ServiceHelper;
import org.flywaydb.core.Flyway;
import org.jiraq.camel.store.JiraqStore;
import org.jiraq.camel.store.SharedDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox table on H2 and on a real PostgreSQL: each delivery identifier stored once, leases that keep a live
 * process's events from others and hand a dead one's over, failed deliveries waiting for their next attempt, dead
 * events put back by a replay, and old keys pruned.
 */
class WebhookInboxTest {

    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private static final Duration LEASE = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    private JiraqStore store;

    @AfterEach
    void close() {
        ServiceHelper.stopService(store);
    }

    private WebhookInbox open(SharedDatabase database, String owner) {
        if (store == null) {
            store = JiraqStore.url(database.createDatabase(dir), null, null);
            store.start();
        }
        return new WebhookInbox(store, "webhook /jira/events", owner);
    }

    private static InboxEvent event(String key) {
        byte[] payload = ("{\"webhookEvent\":\"jira:issue_created\",\"issue\":{\"key\":\"DEMO-" + key + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
        return InboxEvent.received(key, WebhookEvent.parse(payload, key, null), payload,
                Map.of("User-Agent", "Atlassian Webhook HTTP Client"), T0);
    }

    private static WebhookInbox.NewEvent pending(String key, Instant leaseUntil) {
        return new WebhookInbox.NewEvent(event(key), WebhookInbox.State.PENDING, leaseUntil);
    }

    @ParameterizedTest
    @EnumSource(SharedDatabase.class)
    void eachDeliveryIsStoredOnceAndADuplicateSaysWhereTheFirstStands(SharedDatabase database) throws Exception {
        WebhookInbox inbox = open(database, "node-a");

        List<WebhookInbox.Admission> round = store.inTransaction(c -> inbox.admit(c,
                List.of(pending("1", T0.plus(LEASE)), pending("2", null), pending("1", null)), T0));
        WebhookInbox.Admission again = inbox.admit(pending("2", null), T0);

        assertThat(round).extracting(WebhookInbox.Admission::stored).containsExactly(true, true, false);
        assertThat(again.stored()).isFalse();
        assertThat(again.state()).isEqualTo(WebhookInbox.State.PENDING);
        assertThat(inbox.find("1")).get().satisfies(a -> {
            assertThat(a.leaseOwner()).isEqualTo("node-a");
            assertThat(a.leaseUntil()).isEqualTo(T0.plus(LEASE));
        });
        assertThat(inbox.depth().pending()).isEqualTo(2);
        assertThat(inbox.depth().oldestReceivedAt()).isEqualTo(T0);
    }

    @ParameterizedTest
    @EnumSource(SharedDatabase.class)
    void aLiveLeaseKeepsAnEventFromOthersAndAnExpiredOneIsTakenOver(SharedDatabase database) throws Exception {
        WebhookInbox crashed = open(database, "node-a");
        WebhookInbox survivor = open(database, "node-b");
        crashed.admit(pending("7", T0.plus(LEASE)), T0);

        assertThat(survivor.claimDue(10, Set.of(), T0.plusSeconds(1), T0.plusSeconds(1).plus(LEASE))).isEmpty();
        Instant later = T0.plus(LEASE).plusSeconds(1);
        List<InboxEvent> taken = survivor.claimDue(10, Set.of(), later, later.plus(LEASE));

        assertThat(taken).singleElement().satisfies(e -> {
            assertThat(e.key()).isEqualTo("7");
            assertThat(e.event().issueKey()).isEqualTo("DEMO-7");
            assertThat(e.headers()).containsEntry("User-Agent", "Atlassian Webhook HTTP Client");
            assertThat(e.receivedAt()).isEqualTo(T0);
        });
        assertThat(crashed.markDone("7", later)).as("the old holder is fenced off").isFalse();
        assertThat(survivor.markDone("7", later)).isTrue();
        assertThat(survivor.find("7")).get().extracting(WebhookInbox.Admission::state)
                .isEqualTo(WebhookInbox.State.DONE);
        assertThat(survivor.claimDue(10, Set.of(), later.plus(LEASE.multipliedBy(3)), later.plus(LEASE.multipliedBy(4))))
                .isEmpty();
    }

    @ParameterizedTest
    @EnumSource(SharedDatabase.class)
    void aLeaseThatIsRenewedIsNeverTakenOver(SharedDatabase database) throws Exception {
        WebhookInbox working = open(database, "node-a");
        WebhookInbox other = open(database, "node-b");
        working.admit(pending("8", T0.plus(LEASE)), T0);

        Instant renewedAt = T0.plus(LEASE.dividedBy(2));
        assertThat(working.renewLeases(Set.of("8"), renewedAt.plus(LEASE))).isOne();

        Instant pastFirstLease = T0.plus(LEASE).plusSeconds(1);
        assertThat(other.claimDue(10, Set.of(), pastFirstLease, pastFirstLease.plus(LEASE))).isEmpty();
        assertThat(other.takeOver("8", WebhookInbox.State.IN_FLIGHT, pastFirstLease, pastFirstLease.plus(LEASE))).isFalse();
    }

    @ParameterizedTest
    @EnumSource(SharedDatabase.class)
    void aFailedDeliveryWaitsForItsNextAttemptWithItsLeaseReleased(SharedDatabase database) throws Exception {
        WebhookInbox inbox = open(database, "node-a");
        WebhookInbox other = open(database, "node-b");
        inbox.admit(pending("9", T0.plus(LEASE)), T0);

        assertThat(inbox.retryLater("9", 1, T0.plusSeconds(10), "downstream is down")).isTrue();

        assertThat(other.claimDue(10, Set.of(), T0.plusSeconds(5), T0.plusSeconds(5).plus(LEASE))).isEmpty();
        assertThat(other.claimDue(10, Set.of(), T0.plusSeconds(11), T0.plusSeconds(11).plus(LEASE)))
                .singleElement().satisfies(e -> assertThat(e.attempts()).isOne());
    }

    @ParameterizedTest
    @EnumSource(SharedDatabase.class)
    void aDeadEventIsPutBackByAReplayAndADoneOneIsNot(SharedDatabase database) throws Exception {
        WebhookInbox inbox = open(database, "node-a");
        inbox.admit(pending("10", T0.plus(LEASE)), T0);
        inbox.admit(pending("11", T0.plus(LEASE)), T0);
        assertThat(inbox.markDead("10", 3, "still failing", T0)).isTrue();
        assertThat(inbox.markDone("11", T0)).isTrue();

        assertThat(inbox.requeue(event("10"), T0.plusSeconds(1))).isTrue();
        assertThat(inbox.requeue(event("11"), T0.plusSeconds(1))).isFalse();
        assertThat(inbox.requeue(event("12"), T0.plusSeconds(1))).as("pruned or never seen: stored").isTrue();

        List<InboxEvent> due = inbox.claimDue(10, Set.of(), T0.plusSeconds(2), T0.plusSeconds(2).plus(LEASE));
        assertThat(due).extracting(InboxEvent::key).containsExactlyInAnyOrder("10", "12");
        assertThat(due).allSatisfy(e -> assertThat(e.attempts()).isZero());
    }

    @ParameterizedTest
    @EnumSource(SharedDatabase.class)
    void settledKeysArePrunedAfterTheRetentionAndPendingOnesNever(SharedDatabase database) throws Exception {
        WebhookInbox inbox = open(database, "node-a");
        inbox.admit(pending("20", T0.plus(LEASE)), T0);
        inbox.admit(pending("21", null), T0);
        inbox.markDone("20", T0);

        assertThat(inbox.prune(T0.plusSeconds(1))).isOne();

        assertThat(inbox.find("20")).isEmpty();
        assertThat(inbox.find("21")).isPresent();
        assertThat(inbox.admit(pending("20", null), T0.plusSeconds(2)).stored()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(SharedDatabase.class)
    void identifiersTheEarlierDeDuplicationTableKeptStayDelivered(SharedDatabase database) throws Exception {
        String url = database.createDatabase(dir);
        Flyway.configure().dataSource(url, null, null).locations(JiraqStore.MIGRATIONS).table("jiraq_schema_history")
                .target("7").load().migrate();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("INSERT INTO jiraq_webhook_delivery (processor_name, message_id, created_at)"
                      + " VALUES ('webhook /jira/events', '4242', CURRENT_TIMESTAMP)");
        }
        store = JiraqStore.url(url, null, null);
        store.start();
        WebhookInbox inbox = new WebhookInbox(store, "webhook /jira/events", "node-a");

        assertThat(inbox.admit(pending("4242", null), T0).stored()).isFalse();
        assertThat(inbox.find("4242")).get().extracting(WebhookInbox.Admission::state)
                .isEqualTo(WebhookInbox.State.DONE);
    }
}
