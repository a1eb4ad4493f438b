package org.jiraq.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The suite runs every benchmark, keeps going past one that fails, and renders a summary and a section each. */
class BenchmarkSuiteTest {

    @Test
    void aFailingBenchmarkIsReportedAndTheOthersStillRun(@TempDir Path dir) {
        Benchmark ok = benchmark("ok", new BenchmarkReport("Fast thing", "5 ms", "10 ms (plain)", "at most 1.10 × the baseline",
                true, "![chart](results/fast.svg)"));
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
        String page = ResultsPage.render(outcomes, BenchmarkSuite.COMMAND, Instant.parse("2026-01-01T00:00:00Z"),
                Duration.ofSeconds(42));

        assertThat(page)
                .contains("Produced by `" + BenchmarkSuite.COMMAND + "`")
                .contains("| Fast thing | 5 ms | 10 ms (plain) | at most 1.10 × the baseline | yes |")
                .contains("| broken | failed | - | - | - |")
                .contains("## Fast thing\n\n![chart](results/fast.svg)\n\nId `ok`: `" + BenchmarkSuite.COMMAND
                          + " -Dbenchmarks.only=ok`.")
                .contains("The benchmark failed: `java.lang.IllegalStateException: simulator did not start`");
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
