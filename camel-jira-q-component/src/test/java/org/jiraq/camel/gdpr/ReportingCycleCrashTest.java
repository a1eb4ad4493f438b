package org.jiraq.camel.gdpr;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.jiraq.camel.ChildJvm;
import org.jiraq.camel.CrashApp;
import org.jiraq.camel.WebhookApp;
import org.jiraq.camel.store.JdbcGdprStore;
import org.jiraq.camel.store.JiraqStore;
import org.jiraq.camel.store.SharedDatabase;
import org.jiraq.simulator.JiraSimulator;
import org.jiraq.simulator.PersonalDataReporting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 of the application in the middle of a personal data reporting cycle (its route at one of 200 accounts
 * Atlassian answered closed, in the second of three reporting batches): the cycle resumes where it stopped, after a
 * restart on the same H2 file or on the other replica of a shared PostgreSQL, and every account is reported once and
 * handed to the route to completion once: none skipped, none repeated.
 */
class ReportingCycleCrashTest {

    private static final Duration START = Duration.ofMinutes(2);
    private static final int ACCOUNTS = 200;
    private static final String KILLED_AT = account(120);

    @TempDir
    Path dir;
    private final PersonalDataReporting reporting = new PersonalDataReporting();
    private final List<ChildJvm> children = new ArrayList<>();
    private JiraSimulator sim;

    @AfterEach
    void stop() throws Exception {
        for (ChildJvm child : children) {
            child.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    private static String account(int n) {
        return String.format("account-%03d", n);
    }

    /** The registry holds 200 accounts, and Atlassian says every one of them was closed. */
    private String seed(SharedDatabase database) throws Exception {
        sim = JiraSimulator.builder().feature(reporting).start();
        String url = database.createDatabase(dir);
        JiraqStore store = JiraqStore.url(url, null, null);
        store.start();
        try {
            JdbcGdprStore registry = new JdbcGdprStore(store);
            for (int i = 0; i < ACCOUNTS; i++) {
                registry.record(account(i), Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MILLIS));
            }
        } finally {
            store.stop();
        }
        reporting.closed(IntStream.range(0, ACCOUNTS).mapToObj(ReportingCycleCrashTest::account).toArray(String[]::new));
        return url;
    }

    private ChildJvm start(String name, String store, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("route=gdpr", "jira=" + sim.baseUrl(), "store=" + store,
                "port=" + WebhookApp.freePort(), "lease=2000"));
        args.addAll(List.of(options));
        ChildJvm child = ChildJvm.start(name, CrashApp.class, List.of(), args.toArray(String[]::new));
        children.add(child);
        child.awaitLine("STARTED"::equals, START);
        return child;
    }

    private void assertEveryAccountReportedAndHandledOnce(ChildJvm... processes) {
        Map<String, Long> handled = List.of(processes).stream().flatMap(p -> p.linesStartingWith("DONE ").stream())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        Map<String, Long> reported = reporting.reportedAccountIds().stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        System.out.printf("GDPR cycle killed at %s: %d accounts handled to completion (%d more than once),"
                          + " %d reported (%d more than once)%n", KILLED_AT, handled.size(),
                handled.values().stream().filter(n -> n > 1).count(), reported.size(),
                reported.values().stream().filter(n -> n > 1).count());
        assertThat(handled).hasSize(ACCOUNTS).allSatisfy((account, times) -> assertThat(times).as(account).isOne());
        assertThat(reported).hasSize(ACCOUNTS).allSatisfy((account, times) -> assertThat(times).as(account).isOne());
    }

    @Test
    void aCycleKilledMidwayResumesAfterARestartOnTheSameFileWithNoAccountSkippedOrRepeated() throws Exception {
        String store = seed(SharedDatabase.H2);
        ChildJvm first = start("app", store, "block=" + KILLED_AT);
        first.awaitLine(("HANDLING " + KILLED_AT)::equals, START);
        Thread.sleep(1_500);
        first.kill();

        ChildJvm restarted = start("app-restarted", store);
        restarted.awaitLine(("DONE " + account(ACCOUNTS - 1))::equals, START);
        Thread.sleep(1_000);

        assertThat(first.linesStartingWith("DONE ")).hasSize(120);
        assertEveryAccountReportedAndHandledOnce(first, restarted);
    }

    @Test
    void theOtherReplicaTakesOverACycleWhoseReplicaWasKilledAndNeverWhileItLives() throws Exception {
        String store = seed(SharedDatabase.POSTGRESQL);
        ChildJvm first = start("replica-1", store, "block=" + KILLED_AT);
        first.awaitLine(line -> line.startsWith("HANDLING "), START);
        ChildJvm second = start("replica-2", store);
        first.awaitLine(("HANDLING " + KILLED_AT)::equals, START);
        // three leases long the first replica lives at one account, renewing its lease: the second waits
        Thread.sleep(6_000);
        assertThat(second.linesStartingWith("HANDLING ")).isEmpty();
        first.kill();

        second.awaitLine(("DONE " + account(ACCOUNTS - 1))::equals, START);
        Thread.sleep(1_000);

        assertThat(second.linesStartingWith("HANDLING ")).first().isEqualTo(KILLED_AT);
        assertEveryAccountReportedAndHandledOnce(first, second);
    }
}
