package org.jiraq.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Runs every benchmark of the project and writes RESULTS.md: {@code mvn -B -q -pl benchmarks -am process-classes
 * exec:exec}. With {@code -Dbenchmarks.only=id,id} it runs only those and prints their report instead, leaving
 * RESULTS.md as it is. A benchmark that fails is reported as failed; the others still run.
 */
public final class BenchmarkSuite {

    static final String COMMAND = "mvn -B -q -pl benchmarks -am process-classes exec:exec";

    /** Every benchmark of the project, in the order RESULTS.md lists them. Add yours here. */
    static final List<Supplier<Benchmark>> BENCHMARKS = List.of(
            CallOverheadBenchmark::new,
            AttachmentUploadBenchmark::new,
            WebhookThroughputBenchmark::new,
            RateLimitBenchmark::new);

    private BenchmarkSuite() {
    }

    public static void main(String[] args) throws Exception {
        Set<String> only = Arrays.stream(System.getProperty("benchmarks.only", "").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        List<Benchmark> selected = BENCHMARKS.stream().map(Supplier::get)
                .filter(b -> only.isEmpty() || only.contains(b.id())).toList();
        if (selected.isEmpty()) {
            throw new IllegalArgumentException("No benchmark has an id in " + only + "; the ids are "
                                               + BENCHMARKS.stream().map(s -> s.get().id()).toList());
        }
        Path directory = Path.of("").toAbsolutePath();
        Instant start = Instant.now();
        List<Outcome> outcomes = run(selected, new BenchmarkContext(directory));
        String page = ResultsPage.render(outcomes, COMMAND, start, Duration.between(start, Instant.now()));
        if (only.isEmpty()) {
            Files.writeString(directory.resolve("RESULTS.md"), page);
            System.out.println("Wrote " + directory.resolve("RESULTS.md"));
        } else {
            System.out.println(page);
        }
    }

    /** What one benchmark reported, under its id. */
    record Outcome(String id, BenchmarkReport report) {
    }

    static List<Outcome> run(List<Benchmark> benchmarks, BenchmarkContext context) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Benchmark benchmark : benchmarks) {
            System.out.println("Benchmark " + benchmark.id() + " ...");
            try {
                outcomes.add(new Outcome(benchmark.id(), benchmark.run(context)));
            } catch (Exception e) {
                e.printStackTrace();
                outcomes.add(new Outcome(benchmark.id(), BenchmarkReport.failed(benchmark.id(), e)));
            }
        }
        return outcomes;
    }
}
