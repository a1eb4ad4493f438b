package org.jiraq.benchmarks;

/**
 * What a benchmark found: one row of the summary table of RESULTS.md and a section of its own.
 *
 * @param title    the section heading
 * @param figure   the measured figure with its unit, e.g. {@code 212 µs per call}
 * @param baseline the baseline measured in the same run, with what it is, e.g. {@code 198 µs (camel-http route)}
 * @param goal     the target, e.g. {@code at most 10% slower than the baseline}; null when there is none
 * @param met      whether the goal was met; null when there is no goal or the run failed
 * @param details  Markdown for the section body: how it was measured, tables, charts ({@code ![..](results/x.svg)})
 */
public record BenchmarkReport(String title, String figure, String baseline, String goal, Boolean met, String details) {

    /** The report of a benchmark that threw instead of measuring. */
    static BenchmarkReport failed(String id, Exception error) {
        return new BenchmarkReport(id, "failed", "-", null, null,
                "The benchmark failed: `" + error + "`. See the console output of the run.");
    }
}
