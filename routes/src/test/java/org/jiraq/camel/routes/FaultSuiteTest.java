package org.jiraq.camel.routes;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.jiraq.camel.JiraqConfiguration;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.JiraqWebhookAckMode;
import org.jiraq.camel.deadletter.DeadLetterHeaders;
import org.jiraq.camel.store.SharedDatabase;
import org.jiraq.simulator.JiraSimulator;
import org.jiraq.simulator.limits.SimulatorFaults;
import org.jiraq.simulator.limits.SimulatorRateLimits;
import org.jiraq.simulator.model.Comment;
import org.jiraq.simulator.model.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 10,000 operations (3,000 creates, 3,000 updates, 2,000 comments, 2,000 reads) from 16 threads through resilient
 * sinks, while the simulator injects 5xx bursts, 429 storms, connection resets, answers slower than the client's
 * timeout and lost create answers, enforces a burst limit on issue edits, and lets its search index lag
 * {@value #SEARCH_LAG_SECONDS} s behind every change (as Jira Cloud's does, at worst), so no lookup of a lost create
 * can rely on search. Then, counting in the simulator: no
 * issue lost, none duplicated, every exchange either done or in the dead letter with its reason; after a replay of the
 * dead letters with the faults gone, every create has exactly one issue. Contract checking is off here: validating
 * some 15,000 exchanges against the OpenAPI documents would take most of the run, and the other tests check the same
 * requests and answers.
 */
class FaultSuiteTest extends SinkTestSupport {

    private static final int CREATES = 3_000;
    private static final int UPDATES = 3_000;
    private static final int COMMENTS = 2_000;
    private static final int READS = 2_000;
    private static final int TARGET_ISSUES = 100;
    private static final int THREADS = 16;
    private static final int SEARCH_LAG_SECONDS = 30;
    private static final List<String> SINKS = List.of("creates", "updates", "comments", "reads");

    private final SimulatorFaults faults = SimulatorFaults.seeded(2026)
            .serverErrorBursts(0.003, 5)
            .rateLimitStorms(0.001, 20, Duration.ZERO)
            .connectionResets(0.003)
            .slowAnswers(0.002, Duration.ofMillis(1_500))
            .lostAnswers("POST", "/rest/api/3/issue", 0.03);
    private final SimulatorRateLimits limits = SimulatorRateLimits.create()
            .perEndpoint("PUT", "/rest/api/3/issue/{issueIdOrKey}", 150)
            .perIssueWrites(20, Duration.ofSeconds(2));

    /** What one operation is and how it ended. */
    private record Outcome(String sink, String id, boolean done, String reason, boolean existingIssue) {
    }

    @Override
    protected JiraSimulator.Builder simulator() {
        return super.simulator().checkContract(false).requestJournalLimit(1_000).feature(limits).feature(faults);
    }

    @Override
    protected void configure(JiraqConfiguration config) {
        super.configure(config);
        // a timeout well above the simulator's worst queueing on a busy 2-core machine, so only slow answers time out
        config.setRequestTimeout(1_000);
        config.setMaxRetries(4);
        config.setRetryDelay(10);
        config.setMaxRetryDelay(1_500);
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                Map<String, String> targets = Map.of("creates", "jiraq:createIssue", "updates", "jiraq:updateIssue",
                        "comments", "jiraq:addComment", "reads", "jiraq:getIssue");
                for (String sink : SINKS) {
                    templatedRoute(JiraqRouteTemplates.RESILIENT_SINK).routeId(sink)
                            .parameter("source", "direct:" + sink)
                            .parameter("target", targets.get(sink))
                            .parameter("maximumRedeliveries", "6")
                            .parameter("redeliveryDelay", "10")
                            .parameter("maximumRedeliveryDelay", "200");
                    templatedRoute(JiraqRouteTemplates.DEAD_LETTER_REPLAY).routeId(sink + "-replay")
                            .parameter("sink", sink)
                            .parameter("trigger", "direct:replay-" + sink)
                            .parameter("batchSize", "1000");
                }
            }
        };
    }

    @Test
    void tenThousandOperationsUnderFaultsLoseNothingAndDuplicateNothing() throws Exception {
        List<String> targets = sim.state().seedIssues("OPS", TARGET_ISSUES).stream().map(Issue::key).toList();
        sim.state().searchLag(Duration.ofSeconds(SEARCH_LAG_SECONDS));
        long start = System.nanoTime();

        List<Outcome> outcomes = runAll(targets);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        Map<String, List<Issue>> issuesByKey = sim.state().issues().stream()
                .filter(issue -> issue.property("jiraq.idempotency") != null)
                .collect(Collectors.groupingBy(issue -> issue.property("jiraq.idempotency").path("key").asText()));
        List<Outcome> creates = outcomes.stream().filter(o -> o.sink().equals("creates")).toList();
        long done = outcomes.stream().filter(Outcome::done).count();
        long deadLettered = outcomes.stream().filter(o -> !o.done() && o.reason() != null && !o.reason().isBlank()).count();
        long lost = creates.stream().filter(o -> o.done() && !issuesByKey.containsKey(o.id())).count();
        long duplicated = issuesByKey.values().stream().filter(issues -> issues.size() > 1).count();
        long recovered = creates.stream().filter(Outcome::existingIssue).count();
        Map<String, Long> commentCounts = commentCounts();
        long commentsLost = outcomes.stream()
                .filter(o -> o.sink().equals("comments") && o.done() && !commentCounts.containsKey(o.id())).count();
        long commentsDuplicated = commentCounts.values().stream().filter(n -> n > 1).count();
        int storedDeadLetters = SINKS.stream().mapToInt(deadLetters::count).sum();

        System.out.printf("%nFault suite (issues 5, 18): %d operations (%d creates, %d updates, %d comments, %d reads),"
                          + " %d threads, search lag %d s, %.1f s%n", outcomes.size(), CREATES, UPDATES, COMMENTS, READS,
                THREADS, SEARCH_LAG_SECONDS, took.toMillis() / 1000.0);
        System.out.printf("  injected: %d requests seen, %d 5xx, %d 429 (storms) + %d 429 (limits), %d resets,"
                          + " %d slow answers, %d lost create answers%n", faults.requests(),
                faults.count(SimulatorFaults.Kind.SERVER_ERROR), faults.count(SimulatorFaults.Kind.RATE_LIMITED),
                limits.rateLimited(), faults.count(SimulatorFaults.Kind.RESET),
                faults.count(SimulatorFaults.Kind.SLOW_ANSWER), faults.count(SimulatorFaults.Kind.LOST_ANSWER));
        System.out.printf("  outcome: %d done, %d in the dead letter with a reason (%s), %d neither%n", done,
                deadLettered, reasons(outcomes), outcomes.size() - done - deadLettered);
        System.out.printf("  creates: %d issues for %d keys, %d found again after a lost answer, %d lost,"
                          + " %d keys duplicated; comments: %d lost, %d duplicated%n", issuesByKey.values().stream()
                        .mapToInt(List::size).sum(), issuesByKey.size(), recovered, lost, duplicated, commentsLost,
                commentsDuplicated);

        System.out.printf("  tried %d, lost %d, duplicated %d, dead-lettered %d%n", outcomes.size(),
                lost + commentsLost, duplicated + commentsDuplicated, deadLettered);

        assertThat(outcomes).hasSize(CREATES + UPDATES + COMMENTS + READS);
        assertThat(done + deadLettered).isEqualTo(outcomes.size());
        assertThat(storedDeadLetters).isEqualTo(deadLettered);
        assertThat(lost).isZero();
        assertThat(duplicated).isZero();
        assertThat(commentsLost).isZero();
        assertThat(commentsDuplicated).isZero();
        assertThat(faults.count(SimulatorFaults.Kind.LOST_ANSWER)).isPositive();
        assertThat(recovered).isPositive();

        replayEverythingSafeToReplay();
        Map<String, List<Issue>> afterReplay = sim.state().issues().stream()
                .filter(issue -> issue.property("jiraq.idempotency") != null)
                .collect(Collectors.groupingBy(issue -> issue.property("jiraq.idempotency").path("key").asText()));
        long left = SINKS.stream().mapToInt(deadLetters::count).sum();
        System.out.printf("  after replaying the dead letters without faults: %d of %d create keys have exactly one"
                          + " issue, %d dead letters left for review (writes whose outcome is unknown)%n",
                creates.stream().filter(o -> afterReplay.getOrDefault(o.id(), List.of()).size() == 1).count(),
                CREATES, left);
        assertThat(creates).allSatisfy(o -> assertThat(afterReplay.get(o.id())).as(o.id()).hasSize(1));
        assertThat(deadLetters.count("creates")).isZero();
    }

    /**
     * What faulty calls cannot show: the application killed with kill -9 while it handles webhook events and creates an
     * issue for each, and while it runs a reporting cycle (restarted on the H2 file, or taken over on PostgreSQL);
     * Jira's retries during a first attempt still running; a downstream outage longer than Jira's retry window.
     */
    @Test
    void killsOverlappingRetriesAndALongOutageLoseNothingAndDuplicateNothing(@TempDir Path dir) throws Exception {
        long start = System.nanoTime();
        List<FaultScenarios.Tally> tallies = List.of(
                FaultScenarios.webhookCreatesUnderKills(dir.resolve("w1"), SharedDatabase.H2, 300, 3, 11),
                FaultScenarios.webhookCreatesUnderKills(dir.resolve("w2"), SharedDatabase.POSTGRESQL, 200, 2, 12),
                FaultScenarios.gdprCycleUnderKills(dir.resolve("g1"), SharedDatabase.H2, 600, 3, 13),
                FaultScenarios.gdprCycleUnderKills(dir.resolve("g2"), SharedDatabase.POSTGRESQL, 400, 2, 14),
                FaultScenarios.retriesDuringTheFirstAttempt(dir.resolve("r1"), JiraqWebhookAckMode.afterRoute, 40, 15),
                FaultScenarios.retriesDuringTheFirstAttempt(dir.resolve("r2"), JiraqWebhookAckMode.inbox, 100, 16),
                FaultScenarios.longDownstreamOutage(dir.resolve("o1"), 200, Duration.ofSeconds(4)));
        System.out.printf("%nFault suite (issue 18): kills, overlapping retries, a long outage; %.1f s%n%s%n",
                (System.nanoTime() - start) / 1e9, FaultScenarios.table(tallies));

        assertThat(tallies).allSatisfy(t -> {
            assertThat(t.tried()).as(t.scenario()).isPositive();
            assertThat(t.lost()).as(t.scenario() + ": lost").isZero();
            assertThat(t.duplicated()).as(t.scenario() + ": duplicated").isZero();
        });
    }

    private List<Outcome> runAll(List<String> targets) throws Exception {
        List<Function<Integer, Outcome>> operations = new ArrayList<>();
        for (int i = 0; i < CREATES; i++) {
            operations.add(n -> send("creates", "fault-" + n, Map.of(JiraqConstants.PROJECT_KEY, "DEMO",
                    JiraqConstants.ISSUE_TYPE_NAME, "Task", JiraqConstants.SUMMARY, "Fault suite " + n,
                    JiraqConstants.IDEMPOTENCY_KEY, "fault-" + n), null));
        }
        for (int i = 0; i < UPDATES; i++) {
            operations.add(n -> send("updates", "update-" + n, Map.of(JiraqConstants.ISSUE_KEY, pick(targets, n),
                    JiraqConstants.SUMMARY, "Updated " + n), null));
        }
        for (int i = 0; i < COMMENTS; i++) {
            operations.add(n -> send("comments", "comment " + n, Map.of(JiraqConstants.ISSUE_KEY, pick(targets, n)),
                    "comment " + n));
        }
        for (int i = 0; i < READS; i++) {
            operations.add(n -> send("reads", "read-" + n, Map.of(JiraqConstants.ISSUE_KEY, pick(targets, n)), null));
        }
        java.util.Collections.shuffle(operations, new java.util.Random(5));
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Outcome>> running = new ArrayList<>();
            for (int i = 0; i < operations.size(); i++) {
                Function<Integer, Outcome> operation = operations.get(i);
                int n = i;
                running.add(pool.submit(() -> operation.apply(n)));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> outcome : running) {
                outcomes.add(outcome.get(5, TimeUnit.MINUTES));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private Outcome send(String sink, String id, Map<String, Object> headers, Object body) {
        Exchange result = template.request("direct:" + sink, e -> {
            e.getMessage().setHeaders(new HashMap<>(headers));
            e.getMessage().setBody(body);
        });
        String reason = result.getMessage().getHeader(DeadLetterHeaders.FAILURE_REASON, String.class);
        boolean done = result.getException() == null && reason == null;
        return new Outcome(sink, id, done, reason,
                Boolean.TRUE.equals(result.getMessage().getHeader(JiraqConstants.EXISTING_ISSUE, Boolean.class)));
    }

    private static String pick(List<String> targets, int n) {
        return targets.get(Math.floorMod(n * 7919, targets.size()));
    }

    /** How often each comment text stands on the target issues. */
    private Map<String, Long> commentCounts() {
        return sim.state().issues().stream().flatMap(issue -> issue.comments().stream()).map(Comment::bodyText)
                .map(String::trim).collect(Collectors.groupingBy(text -> text, Collectors.counting()));
    }

    /** Dead letters by the kind of reason, e.g. {@code status 500=3, no answer=2}. */
    private static String reasons(List<Outcome> outcomes) {
        Map<String, Long> kinds = outcomes.stream().filter(o -> !o.done()).collect(Collectors.groupingBy(
                o -> o.sink() + ": " + (o.reason().startsWith("Jira answered ")
                        ? "status " + o.reason().substring(14, 17) : "no answer"), Collectors.counting()));
        return kinds.isEmpty() ? "none" : kinds.toString();
    }

    private void replayEverythingSafeToReplay() {
        faults.enabled(false);
        for (String sink : SINKS) {
            template.sendBody("direct:replay-" + sink, null);
        }
    }
}
