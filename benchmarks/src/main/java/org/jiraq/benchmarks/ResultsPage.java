package org.jiraq.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Renders RESULTS.md: how and where the run was made, a summary table, then one section per benchmark. */
final class ResultsPage {

    private ResultsPage() {
    }

    static String render(List<BenchmarkSuite.Outcome> outcomes, String command, Instant start, Duration took) {
        StringBuilder md = new StringBuilder("# Benchmark results\n\n");
        md.append("Produced by `").append(command).append("` (from the repository root) on ")
                .append(start.truncatedTo(ChronoUnit.SECONDS)).append(", in ").append(took.toSeconds())
                .append(" s.\n\n");
        md.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version"))
                .append(", ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch"))
                .append(". Every figure stands next to a baseline measured in the same run, on the same machine, so ")
                .append("the comparison holds even where the absolute numbers do not. One benchmark alone: add ")
                .append("`-Dbenchmarks.only=<id>`; a benchmark's options are system properties of the suite's JVM, for ")
                .append("example `JAVA_TOOL_OPTIONS=-Drounds=5`.\n\n");
        MarkdownTable summary = new MarkdownTable("benchmark", "figure", "baseline (same run)", "goal", "met");
        for (BenchmarkSuite.Outcome outcome : outcomes) {
            BenchmarkReport r = outcome.report();
            summary.row(r.title(), r.figure(), r.baseline(), r.goal() == null ? "-" : r.goal(),
                    r.met() == null ? "-" : r.met() ? "yes" : "**no**");
        }
        md.append(summary).append('\n');
        for (BenchmarkSuite.Outcome outcome : outcomes) {
            BenchmarkReport r = outcome.report();
            md.append("## ").append(r.title()).append("\n\n").append(r.details().strip()).append("\n\n")
                    .append("Id `").append(outcome.id()).append("`: `").append(command).append(" -Dbenchmarks.only=")
                    .append(outcome.id()).append("`.\n\n");
        }
        return md.toString();
    }
}
