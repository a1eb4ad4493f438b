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
 * A saturating workload against Jira's points quota over compressed windows: three replicas (separate JVMs on one
 * embedded PostgreSQL) read issues as fast as their governors let them, with the governor shared through the store
 * against a governor per JVM. Reports the share of each window's quota used and the windows locked out (a quota 429:
 * every call refused until the reset).
 * <p>
 * Options (system properties): points (1200 per window), window (6 s), windows (2 per round), replicas (3), threads
 * (8 per replica), rounds (7).
 */
public final class QuotaBenchmark implements Benchmark {

    static final String SHARED = "3 replicas, shared governor";
    static final String PER_JVM = "3 replicas, governor per JVM";

    /** What the windows of one run saw: the mean share of the quota used, and how many were locked out. */
    record Windows(double used, double lockOuts) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.3f of the quota used per window, %.0f locked out", used, lockOuts);
        }
    }

    @Override
    public String id() {
        return "quota";
    }

    @Override
    public BenchmarkReport run(BenchmarkContext context) throws Exception {
        int points = Integer.getInteger("points", 1200);
        int windowSeconds = Integer.getInteger("window", 6);
        int windows = Integer.getInteger("windows", 2);
        int count = Integer.getInteger("replicas", 3);
        int threads = Integer.getInteger("threads", 8);
        int rounds = Rounds.count();
        SimulatorRateLimits limits = SimulatorRateLimits.create().perMethod("GET", 200)
                .quota(points, Duration.ofSeconds(windowSeconds), SimulatorRateLimits.TENANT_QUOTA);
        Path logs = Files.createTempDirectory("jiraq-quota");
        Rounds<Windows> measured = new Rounds<>();
        try (JiraSimulator sim = JiraSimulator.builder().checkContract(false).requestJournalLimit(1).feature(limits)
                .start(); SharedStore store = new SharedStore();
             ReplicaSet shared = new ReplicaSet("shared", count, sim.baseUrl(), store.url(), true, threads, logs);
             ReplicaSet perJvm = new ReplicaSet("perjvm", count, sim.baseUrl(), store.url(), false, threads, logs)) {
            sim.state().createIssue("DEMO", "Task", "Read by every replica");
            Duration length = Duration.ofSeconds(windowSeconds);
            windows(shared, limits, length, 1); // warm-up: the replicas' JIT and their knowledge of the quota
            windows(perJvm, limits, length, 1);
            measured.add(SHARED, r -> windows(shared, limits, length, windows))
                    .add(PER_JVM, r -> windows(perJvm, limits, length, windows))
                    .run(rounds);
        }
        List<Figure> figures = List.of(
                new Figure("quota used per window", "share of the points", measured.of(SHARED, Windows::used),
                        measured.of(PER_JVM, Windows::used), PER_JVM,
                        Goal.valueAtLeast(0.90, "at least 0.90 of the quota used per window")),
                new Figure("windows locked out", "of " + windows + " per round", measured.of(SHARED, Windows::lockOuts),
                        measured.of(PER_JVM, Windows::lockOuts), PER_JVM, Goal.valueAtMost(0, "zero lock-outs")));
        String details = """
                The simulator (contract checks off, in the suite's JVM) charges Jira's points (`GET /issue/{key}`:
                2) against a tenant quota of %,d points per %d s window (Jira: 65,000 or more per hour), refuses every
                call with `RateLimit-Reason: jira-quota-tenant-based` until the reset once they are spent, announces
                the policy in `RateLimit-Policy`/`RateLimit`, and allows 200 GET/s besides. Two sets of %d replicas
                (separate JVMs, `ReplicaRun`, stores on one embedded PostgreSQL): one shares the rate limits through
                the store, the other paces per JVM (`shareRateLimits=false`). In every round each set, in turn,
                saturates the quota from %d threads per replica for %d whole windows (started at a window's
                reset), after one window of each that is not counted (warm-up); the simulator records the points used
                and the calls refused per window.

                Each governor paces the quota at 0.95 of what Jira says is left over the time left (`RateLimit: r=,t=`),
                with the price of a call learned from what Jira charges. Shared, the replicas book the quota on one
                schedule in the store; per JVM, each spends as if it were alone and learns of the others only from the
                falling `r`.

                Options: `rounds`, `points`, `window`, `windows`, `replicas`, `threads`. Source: `QuotaBenchmark`,
                `ReplicaSet`, `ReplicaRun`.
                """.formatted(points, windowSeconds, count, threads, windows);
        return new BenchmarkReport("Points quota over compressed windows", figures, details);
    }

    private static Windows windows(ReplicaSet replicas, SimulatorRateLimits limits, Duration windowLength, int windows)
            throws Exception {
        List<SimulatorRateLimits.QuotaWindow> before = limits.quotaWindows();
        long current = before.get(before.size() - 1).number();
        long length = windowLength.toMillis() * windows;
        // the run starts at the next reset and lasts whole windows
        long start = replicas.start(limits.quotaUntilReset(), Duration.ofMillis(length));
        TimeUnit.MILLISECONDS.sleep(start + length + 300 - System.currentTimeMillis());
        replicas.reports();
        double used = 0;
        int lockOuts = 0;
        for (SimulatorRateLimits.QuotaWindow w : limits.quotaWindows()) {
            if (w.number() > current && w.number() <= current + windows) {
                used += w.pointsUsed() / (double) w.points();
                lockOuts += w.refused() > 0 ? 1 : 0;
            }
        }
        return new Windows(used / windows, lockOuts);
    }
}
