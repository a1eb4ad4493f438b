package org.jiraq.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.jiraq.simulator.JiraSimulator;
import org.jiraq.simulator.SimulatorRateLimits;

/**
 * Three replicas (separate JVMs on one embedded PostgreSQL) reading one tenant at Jira's burst limit: the governor
 * they share through the store against a governor per JVM (shareRateLimits=false), each set of replicas started once
 * and driven in interleaved rounds. The simulator counts successes and 429s.
 * <p>
 * Options (system properties): limit (200 GET/s), replicas (3), threads (8 per replica), seconds (10 per round),
 * rounds (7).
 */
public final class ReplicasBenchmark implements Benchmark {

    static final String SHARED = "3 replicas, shared governor";
    static final String PER_JVM = "3 replicas, governor per JVM";

    /** What one window of the replicas got. */
    record Window(double shareOfLimit, double share429) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.3f of the limit, %.2f%% answered 429", shareOfLimit, 100 * share429);
        }
    }

    @Override
    public String id() {
        return "replicas";
    }

    @Override
    public BenchmarkReport run(BenchmarkContext context) throws Exception {
        int limit = Integer.getInteger("limit", 200);
        int count = Integer.getInteger("replicas", 3);
        int threads = Integer.getInteger("threads", 8);
        int seconds = Integer.getInteger("seconds", 10);
        int rounds = Rounds.count();
        SimulatorRateLimits limits = SimulatorRateLimits.create().perMethod("GET", limit);
        Path logs = Files.createTempDirectory("jiraq-replicas");
        Rounds<Window> measured = new Rounds<>();
        try (JiraSimulator sim = JiraSimulator.builder().checkContract(false).requestJournalLimit(1).feature(limits)
                .start(); SharedStore store = new SharedStore();
             ReplicaSet shared = new ReplicaSet("shared", count, sim.baseUrl(), store.url(), true, threads, logs);
             ReplicaSet perJvm = new ReplicaSet("perjvm", count, sim.baseUrl(), store.url(), false, threads, logs)) {
            sim.state().createIssue("DEMO", "Task", "Read by every replica");
            window(shared, limits, limit, seconds); // warm-up: the replicas' JIT and their knowledge of the limit
            window(perJvm, limits, limit, seconds);
            measured.add(SHARED, r -> window(shared, limits, limit, seconds))
                    .add(PER_JVM, r -> window(perJvm, limits, limit, seconds))
                    .run(rounds);
        }
        List<Figure> figures = List.of(
                new Figure("successful requests, all replicas", "share of the limit",
                        measured.of(SHARED, Window::shareOfLimit), measured.of(PER_JVM, Window::shareOfLimit), PER_JVM,
                        Goal.valueAtLeast(0.95, "at least 0.95 of the limit in aggregate")),
                new Figure("requests answered 429", "share", measured.of(SHARED, Window::share429),
                        measured.of(PER_JVM, Window::share429), PER_JVM, Goal.valueAtMost(0.01, "under 1% answered 429")));
        String details = """
                The simulator (contract checks off, in the suite's JVM) allows %d GET/s to the tenant (a token bucket
                holding one second's worth, with Jira's headers and 429s). Two sets of %d replicas run as separate
                JVMs (`ReplicaRun`), all with their jiraq component's store on one embedded PostgreSQL: one set shares
                the rate limits through it (the default on a PostgreSQL store), the other paces per JVM
                (`shareRateLimits=false`), as every replica did before. Each set is started once; in every round each
                set's replicas read one issue from %d threads each for %d s, starting together, the sets in turn,
                after one window of each that is not counted (warm-up).
                The simulator counts successes and 429s over the window.

                Shared, each replica books the endpoint's budget 100 ms at a time on a schedule kept in the store
                (`jiraq_rate_budget`), so the replicas together keep to 98%% of the announced limit; per JVM, each
                replica aims at 98%% of it alone and learns of the others only from a falling
                `X-RateLimit-Remaining` and from 429s.

                Options: `rounds`, `limit`, `replicas`, `threads`, `seconds`. Source: `ReplicasBenchmark`,
                `ReplicaSet`, `ReplicaRun`.
                """.formatted(limit, count, threads, seconds);
        return new BenchmarkReport("Three replicas at a 200 GET/s burst limit", figures, details);
    }

    private static Window window(ReplicaSet replicas, SimulatorRateLimits limits, int limit, int seconds)
            throws Exception {
        TimeUnit.MILLISECONDS.sleep(1_500); // the bucket fills up again between windows
        long start = replicas.start(Duration.ofMillis(500), Duration.ofSeconds(seconds));
        TimeUnit.MILLISECONDS.sleep(start - System.currentTimeMillis());
        long requests = limits.requests();
        long refused = limits.rateLimited();
        TimeUnit.MILLISECONDS.sleep(start + seconds * 1000L - System.currentTimeMillis());
        long sent = limits.requests() - requests;
        long rateLimited = limits.rateLimited() - refused;
        replicas.reports();
        long ok = sent - rateLimited;
        return new Window(ok / (double) seconds / limit, rateLimited / (double) Math.max(1, sent));
    }
}
