package org.jiraq.benchmarks;

import java.util.List;
import java.util.Locale;

import org.jiraq.simulator.JiraSimulator;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The component's per-call overhead: {@code jiraq:getIssue} against the physical floor (a bare Apache HttpClient 5
 * call parsed by Jackson, no Camel) and against a hand-written camel-http route calling the same simulator endpoint
 * ({@link CallOverheadJmh}), measured with JMH. Goals: at most 1.3 × the floor and at most 1.0 × the camel-http route,
 * in CPU time per call.
 * <p>
 * On a shared machine wall time mostly measures the wait for a core, so the figure is the CPU time the benchmark JVM
 * spends per call ({@link ProcessCpuProfiler}). Every round runs one JMH fork per contender, the order rotating.
 */
public final class CallOverheadBenchmark implements Benchmark {

    private static final int WARMUP_SECONDS = Integer.getInteger("warmupSeconds", 3);
    private static final int MEASUREMENT_SECONDS = Integer.getInteger("measurementSeconds", 2);

    static final String BARE = "bare HttpClient 5 + Jackson";
    static final String CAMEL_HTTP = "camel-http route";
    static final String JIRAQ = "jiraq:getIssue";
    static final String JIRAQ_METERED = "jiraq:getIssue with meters";

    @Override
    public String id() {
        return "call-overhead";
    }

    @Override
    public BenchmarkReport run(BenchmarkContext context) throws Exception {
        int rounds = Rounds.count();
        Rounds<Measured> measured = new Rounds<>();
        try (JiraSimulator simulator = JiraSimulator.builder().checkContract(false).requestJournalLimit(16).start()) {
            simulator.state().seedIssues("OPS", 1);
            String site = simulator.baseUrl();
            measured.add(BARE, r -> measure("bareHttpClientGetIssue", null, site))
                    .add(CAMEL_HTTP, r -> measure("camelHttpGetIssue", null, site))
                    .add(JIRAQ, r -> measure("jiraqGetIssue", "none", site))
                    .add(JIRAQ_METERED, r -> measure("jiraqGetIssue", "micrometer", site))
                    .run(rounds);
        }
        List<Double> jiraq = measured.of(JIRAQ, Measured::cpuMicros);
        List<Figure> figures = List.of(
                new Figure("CPU per call, jiraq:getIssue over the floor", "µs", jiraq,
                        measured.of(BARE, Measured::cpuMicros), BARE,
                        Goal.ratioAtMost(1.3, "at most 1.3 × the bare client")),
                new Figure("CPU per call, jiraq:getIssue over camel-http", "µs", jiraq,
                        measured.of(CAMEL_HTTP, Measured::cpuMicros), CAMEL_HTTP,
                        Goal.ratioAtMost(1.0, "at most 1.0 × the camel-http route")),
                new Figure("CPU per call, the camel-http route over the floor", "µs",
                        measured.of(CAMEL_HTTP, Measured::cpuMicros), measured.of(BARE, Measured::cpuMicros), BARE,
                        null),
                new Figure("CPU per call, jiraq:getIssue with meters over camel-http", "µs",
                        measured.of(JIRAQ_METERED, Measured::cpuMicros), measured.of(CAMEL_HTTP, Measured::cpuMicros),
                        CAMEL_HTTP, null),
                new Figure("wall time per call, jiraq:getIssue over camel-http", "µs",
                        measured.of(JIRAQ, Measured::micros), measured.of(CAMEL_HTTP, Measured::micros), CAMEL_HTTP,
                        null),
                new Figure("bytes allocated per call, jiraq:getIssue over camel-http", "B",
                        measured.of(JIRAQ, Measured::bytes), measured.of(CAMEL_HTTP, Measured::bytes), CAMEL_HTTP,
                        null));
        return new BenchmarkReport("Per-call overhead of jiraq:getIssue", figures, """
                One `GET /rest/api/3/issue/OPS-1`, single thread, against the simulator (contract checks off) running
                in the suite's JVM, so the benchmark JVM holds only the client side: JMH average time, the GC
                profiler, and the CPU time of the benchmark JVM's Java threads per call (the caller and the HTTP
                client's own threads; not the JIT compiler or GC). Four contenders, all on Apache HttpClient 5:

                - the floor: a bare pooled `CloseableHttpClient` call with the basic-auth and Accept headers, the body
                  parsed to a `Map` by Jackson, in JMH's plain loop: no Camel at all;
                - a hand-written camel-http route that sets the same headers, calls the same URL and unmarshals the
                  JSON with camel-jackson, as a user would write it without the component;
                - `jiraq:getIssue` through a route that sets `CamelJiraqIssueKey`: it also resolves its options,
                  passes the rate-limit governor, applies the retry policy, reports the call to its connection
                  (health check, dev console) and turns the JSON into a Map;
                - the same with a `SimpleMeterRegistry` bound, so each call is also timed in `jiraq.requests`.

                Each round runs one JMH fork per contender (%d × 1 s warm-up, %d × 1 s measurement), the order
                rotating. CPU time rather than wall time is judged: on a shared machine a call mostly waits for a
                core, which wall time counts and CPU time does not.

                What limits the ratio to the floor: a call through any Camel route pays for Camel's own work per
                exchange (the producer template, an exchange and its message, header maps, type conversion, the
                route's processors, unit-of-work bookkeeping). The figure "the camel-http route over the floor"
                measures that cost alone, in the same rounds: where jiraq:getIssue costs about what the camel-http
                route costs, the distance to the floor is Camel's, not the component's, and no Camel producer can
                close it.

                Options: `rounds`, `warmupSeconds`, `measurementSeconds`. Source: `CallOverheadJmh`,
                `CallOverheadBenchmark`.
                """.formatted(WARMUP_SECONDS, MEASUREMENT_SECONDS));
    }

    private static Measured measure(String method, String meters, String site) throws RunnerException {
        OptionsBuilder options = new OptionsBuilder();
        options.include(CallOverheadJmh.class.getName() + "\\." + method + "$")
                .forks(1)
                .warmupIterations(WARMUP_SECONDS).warmupTime(TimeValue.seconds(1))
                .measurementIterations(MEASUREMENT_SECONDS).measurementTime(TimeValue.seconds(1))
                .jvmArgsAppend("-Xmx256m", "-D" + CallOverheadJmh.SITE + "=" + site)
                .addProfiler(GCProfiler.class)
                .addProfiler(ProcessCpuProfiler.class)
                .verbosity(org.openjdk.jmh.runner.options.VerboseMode.SILENT)
                .shouldFailOnError(true);
        if (meters != null) {
            options.param("meters", meters);
        }
        RunResult result = new Runner(options.build()).runSingle();
        Result<?> cpu = result.getSecondaryResults().get(ProcessCpuProfiler.RESULT);
        Result<?> alloc = result.getSecondaryResults().get("gc.alloc.rate.norm");
        return new Measured(result.getPrimaryResult().getScore(), cpu.getScore() / 1000,
                alloc == null ? Double.NaN : alloc.getScore());
    }

    /** One JMH result: average wall µs per call, CPU µs per call, bytes allocated per call. */
    record Measured(double micros, double cpuMicros, double bytes) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.1f µs CPU, %.1f µs wall, %,.0f B", cpuMicros, micros, bytes);
        }
    }
}
