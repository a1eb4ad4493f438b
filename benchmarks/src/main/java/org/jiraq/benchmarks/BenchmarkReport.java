package org.jiraq.benchmarks;

import java.util.List;

/**
 * What a benchmark found: its figures (each beside its baseline, measured in interleaved rounds), which make rows of
 * the summary table of RESULTS.md and of RESULTS.json, and a section of its own.
 *
 * @param title   the section heading
 * @param figures what was measured; empty when the run failed
 * @param details Markdown for the section body: how it was measured, per-round tables, charts
 *                ({@code ![..](results/x.svg)})
 */
public record BenchmarkReport(String title, List<Figure> figures, String details) {

    public BenchmarkReport {
        figures = List.copyOf(figures);
    }

    /** The report of a benchmark that threw instead of measuring. */
    static BenchmarkReport failed(String id, Exception error) {
        return new BenchmarkReport(id, List.of(),
                "The benchmark failed: `" + error + "`. See the console output of the run.");
    }
}
