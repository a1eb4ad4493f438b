package org.jiraq.camel.deadletter;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.apache.camel.support.service.ServiceHelper;
import org.jiraq.camel.store.JiraqStore;
import org.jiraq.camel.store.SharedDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every dead-letter store keeps, orders, updates and forgets letters alike: in memory, on H2 and on PostgreSQL. */
class DeadLetterStoresTest {

    enum Kind { IN_MEMORY, H2, POSTGRESQL }

    @TempDir
    Path dir;
    private JiraqStore database;

    @AfterEach
    void close() {
        ServiceHelper.stopService(database);
    }

    private DeadLetterStore store(Kind kind) {
        if (kind == Kind.IN_MEMORY) {
            return new InMemoryDeadLetterStore();
        }
        SharedDatabase shared = kind == Kind.H2 ? SharedDatabase.H2 : SharedDatabase.POSTGRESQL;
        database = JiraqStore.url(shared.createDatabase(dir), null, null);
        ServiceHelper.startService(database);
        return new JdbcDeadLetterStore(database);
    }

    private static DeadLetter letter(String sink, String body, FailureReason reason) {
        return new DeadLetter(0, sink, Instant.now().truncatedTo(ChronoUnit.MILLIS), 1, body,
                Map.of("CamelJiraqProjectKey", "DEMO", "CamelJiraqOutcomeUnknownSince", 1_790_000_000_000L,
                        "CamelJiraqFields", Map.of("labels", List.of("a", "b"))),
                reason);
    }

    private static final FailureReason BAD_REQUEST
            = new FailureReason(400, "Jira answered 400 Bad Request to POST /rest/api/3/issue: summary: required",
                    "req-1", false, false);
    private static final FailureReason LOST_COMMENT
            = new FailureReason(null, "No answer from Jira to POST /rest/api/3/issue/DEMO-1/comment", null, false, true);

    @ParameterizedTest
    @EnumSource(Kind.class)
    void keepsDeadLettersInOrderWithTheirMessageAndReason(Kind kind) throws IOException {
        DeadLetterStore store = store(kind);
        DeadLetter first = store.add(letter("tickets", "{\"fields\":{}}", BAD_REQUEST));
        store.add(letter("comments", "seen", LOST_COMMENT));
        DeadLetter second = store.add(letter("tickets", null, BAD_REQUEST));

        List<DeadLetter> tickets = store.oldest("tickets", 10, false);

        assertThat(tickets).extracting(DeadLetter::id).containsExactly(first.id(), second.id());
        assertThat(tickets.get(0)).isEqualTo(first);
        assertThat(tickets.get(0).headers()).containsEntry("CamelJiraqFields", Map.of("labels", List.of("a", "b")));
        assertThat(((Number) tickets.get(0).headers().get("CamelJiraqOutcomeUnknownSince")).longValue())
                .isEqualTo(1_790_000_000_000L);
        assertThat(tickets.get(1).body()).isNull();
        assertThat(store.count("tickets")).isEqualTo(2);
        assertThat(store.oldest("tickets", 1, false)).extracting(DeadLetter::id).containsExactly(first.id());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void leavesWritesThatNeedReviewOutUnlessAskedFor(Kind kind) throws IOException {
        DeadLetterStore store = store(kind);
        DeadLetter lost = store.add(letter("comments", "seen", LOST_COMMENT));

        assertThat(store.oldest("comments", 10, false)).isEmpty();
        assertThat(store.oldest("comments", 10, true)).containsExactly(lost);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void updatesAndForgetsDeadLetters(Kind kind) throws IOException {
        DeadLetterStore store = store(kind);
        DeadLetter kept = store.add(letter("tickets", "body", BAD_REQUEST));
        DeadLetter again = new DeadLetter(kept.id(), "tickets", kept.failedAt().plusSeconds(60), 2, "body",
                Map.of("CamelJiraqProjectKey", "OPS"), new FailureReason(503, "busy", "req-2", true, false));

        store.update(again);
        assertThat(store.oldest("tickets", 10, false)).containsExactly(again);
        store.remove(kept.id());

        assertThat(store.count("tickets")).isZero();
    }
}
