package org.jiraq.benchmarks;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The suite runs every benchmark, keeps going past one that fails, records the figures round by round in RESULTS.json
 * and renders RESULTS.md from it: a summary row per figure and a section per benchmark.
 */
class BenchmarkSuiteTest {

    private static final List<Double> FAST = List.of(5.0, 5.2, 4.9, 5.1, 5.0, 5.3, 4.8);
    private static final List<Double> PLAIN = List.of(10.0, 10.1, 9.9, 10.2, 10.0, 9.8, 10.0);

    @Test
    void aFailingBenchmarkIsReportedAndTheOthersStillRun(@TempDir Path dir) {
        Benchmark ok = benchmark("ok", new BenchmarkReport("Fast thing", List.of(new Figure("time", "ms", FAST, PLAIN,
                "plain", Goal.ratioAtMost(0.6, "at most 0.6 × plain"))), "![chart](results/fast.svg)"));
        Benchmark broken = new Benchmark() {
            @Override
            public String id() {
                return "broken";
            }

            @Override
            public BenchmarkReport run(BenchmarkContext context) {
                throw new IllegalStateException("simulator did not start");
            }
        };

        List<BenchmarkSuite.Outcome> outcomes = BenchmarkSuite.run(List.of(broken, ok), new BenchmarkContext(dir));
        String page = ResultsPage.render(outcomes, BenchmarkSuite.COMMAND);

        assertThat(page)
                .contains("Produced by `" + BenchmarkSuite.COMMAND + "`")
                .contains("| Fast thing | time (ms) | 5.00 (4.80–5.30; CI ")
                .contains("| at most 0.6 × plain | yes |")
                .contains("| broken | failed | - | - | - | - | - |")
                .contains("## Fast thing\n\n![chart](results/fast.svg)\n\nEvery round:")
                .contains("Id `ok`: `" + BenchmarkSuite.COMMAND + " -Dbenchmarks.only=ok`.")
                .contains("The benchmark failed: `java.lang.IllegalStateException: simulator did not start`")
                .contains("- broken: failed");
    }

    @Test
    void rerunningOneBenchmarkReplacesOnlyItsEntryAndKeepsTheSuiteOrder(@TempDir Path dir) throws Exception {
        BenchmarkContext context = new BenchmarkContext(dir);
        List<BenchmarkSuite.Outcome> first = BenchmarkSuite.run(List.of(
                benchmark("a", report("A", FAST)), benchmark("b", report("B", FAST))), context);
        ResultsJson.write(first, dir.resolve("RESULTS.json"));

        List<BenchmarkSuite.Outcome> rerun = BenchmarkSuite.run(List.of(benchmark("a", report("A again", PLAIN))),
                context);
        List<BenchmarkSuite.Outcome> merged = BenchmarkSuite.merge(ResultsJson.read(dir.resolve("RESULTS.json")), rerun,
                List.of("a", "b"));

        assertThat(merged).extracting(o -> o.report().title()).containsExactly("A again", "B");
        assertThat(merged.get(1).report().figures().get(0).candidate()).isEqualTo(FAST);
        ResultsJson.write(merged, dir.resolve("RESULTS.json"));
        assertThat(ResultsJson.read(dir.resolve("RESULTS.json"))).isEqualTo(merged);
    }

    @Test
    void resultFilesLiveUnderResultsAndAreLinkedRelatively(@TempDir Path dir) {
        BenchmarkContext context = new BenchmarkContext(dir);

        Path svg = context.resultFile("rate-limit.svg");

        assertThat(svg.getParent()).isDirectory().isEqualTo(dir.resolve("results"));
        assertThat(context.link(svg)).isEqualTo("results/rate-limit.svg");
    }

    @Test
    void everyListedBenchmarkHasAUniqueId() {
        List<String> ids = BenchmarkSuite.BENCHMARKS.stream().map(s -> s.get().id()).toList();

        assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.matches("[a-z0-9]+(-[a-z0-9]+)*"));
    }

    @Test
    void roundsAlternateWhoGoesFirst() throws Exception {
        List<String> order = new java.util.ArrayList<>();
        Rounds<Double> rounds = new Rounds<Double>()
                .add("x", r -> { order.add("x"); return 1.0; })
                .add("y", r -> { order.add("y"); return 2.0; })
                .run(3);

        assertThat(order).containsExactly("x", "y", "y", "x", "x", "y");
        assertThat(rounds.of("y")).containsExactly(2.0, 2.0, 2.0);
    }

    private static BenchmarkReport report(String title, List<Double> values) {
        return new BenchmarkReport(title, List.of(new Figure("f", "u", values, List.of(), "-", null)), "details");
    }

    private static Benchmark benchmark(String id, BenchmarkReport report) {
        return new Benchmark() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public BenchmarkReport run(BenchmarkContext context) {
                return report;
            }
        };
    }
}
