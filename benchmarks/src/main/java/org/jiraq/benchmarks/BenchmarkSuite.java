package org.jiraq.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Runs the benchmarks of the project, records their figures in RESULTS.json and regenerates RESULTS.md from it:
 * {@code mvn -B -q -pl benchmarks -am process-classes exec:exec}. With {@code -Dbenchmarks.only=id,id} it runs only
 * those and replaces only their entries, so one benchmark can be rerun without losing the others' figures. A
 * benchmark that fails is recorded as failed; the others still run.
 */
public final class BenchmarkSuite {

    static final String COMMAND = "mvn -B -q -pl benchmarks -am process-classes exec:exec";
    static final String RESULTS_MD = "RESULTS.md";
    static final String RESULTS_JSON = "RESULTS.json";
    static final String FAULT_SUITE_MD = "FAULT-SUITE.md";

    /** Every benchmark of the project, in the order RESULTS.md lists them. Add yours here. */
    static final List<Supplier<Benchmark>> BENCHMARKS = List.of(
            CallOverheadBenchmark::new,
            AttachmentUploadBenchmark::new,
            WebhookThroughputBenchmark::new,
            RateLimitBenchmark::new,
            ExportBenchmark::new,
            ReplicasBenchmark::new,
            QuotaBenchmark::new);

    private BenchmarkSuite() {
    }

    public static void main(String[] args) throws Exception {
        Set<String> only = Arrays.stream(System.getProperty("benchmarks.only", "").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        List<String> ids = BENCHMARKS.stream().map(s -> s.get().id()).toList();
        List<Benchmark> selected = BENCHMARKS.stream().map(Supplier::get)
                .filter(b -> only.isEmpty() || only.contains(b.id())).toList();
        if (selected.isEmpty()) {
            throw new IllegalArgumentException("No benchmark has an id in " + only + "; the ids are " + ids);
        }
        Path directory = Path.of("").toAbsolutePath();
        List<Outcome> outcomes = run(selected, new BenchmarkContext(directory));
        List<Outcome> recorded = merge(ResultsJson.read(directory.resolve(RESULTS_JSON)), outcomes, ids);
        ResultsJson.write(recorded, directory.resolve(RESULTS_JSON));
        Files.writeString(directory.resolve(RESULTS_MD), ResultsPage.render(recorded, COMMAND) + faultSuite(directory));
        System.out.println(ResultsPage.summary(outcomes));
        System.out.println("Wrote " + directory.resolve(RESULTS_JSON) + " and " + directory.resolve(RESULTS_MD));
    }

    /**
     * The fault suite's table (FAULT-SUITE.md, kept by hand from the routes module's FaultSuiteTest output), as the last
     * section of RESULTS.md: its figures are counts of lost and duplicated operations, not speeds, but belong with them.
     */
    static String faultSuite(Path directory) throws IOException {
        Path file = directory.resolve(FAULT_SUITE_MD);
        return Files.exists(file) ? "\n#" + Files.readString(file) : "";
    }

    /**
     * What one benchmark reported, under its id, with when and on what it ran.
     *
     * @param started    when the run began (ISO-8601, UTC)
     * @param seconds    how long it took
     * @param loadBefore the machine's 1-minute load average as it began (-1 where the system does not tell)
     * @param loadAfter  the same as it ended
     * @param cores      the cores the JVM saw
     */
    record Outcome(String id, BenchmarkReport report, String started, long seconds, double loadBefore,
                   double loadAfter, int cores) {
    }

    static List<Outcome> run(List<Benchmark> benchmarks, BenchmarkContext context) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Benchmark benchmark : benchmarks) {
            System.out.println("Benchmark " + benchmark.id() + " ...");
            Instant start = Instant.now();
            double loadBefore = loadAverage();
            BenchmarkReport report;
            try {
                report = benchmark.run(context);
            } catch (Exception e) {
                e.printStackTrace();
                report = BenchmarkReport.failed(benchmark.id(), e);
            }
            outcomes.add(new Outcome(benchmark.id(), report, start.truncatedTo(ChronoUnit.SECONDS).toString(),
                    Duration.between(start, Instant.now()).toSeconds(), loadBefore, loadAverage(),
                    Runtime.getRuntime().availableProcessors()));
        }
        return outcomes;
    }

    /** The recorded outcomes with the new ones in place of theirs, in the suite's order; ids no longer listed go. */
    static List<Outcome> merge(List<Outcome> recorded, List<Outcome> fresh, List<String> order) {
        Map<String, Outcome> byId = new LinkedHashMap<>();
        recorded.forEach(o -> byId.put(o.id(), o));
        fresh.forEach(o -> byId.put(o.id(), o));
        return order.stream().filter(byId::containsKey).map(byId::get).toList();
    }

    /** The 1-minute load average, what {@code uptime} shows first: how busy the shared machine was. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
