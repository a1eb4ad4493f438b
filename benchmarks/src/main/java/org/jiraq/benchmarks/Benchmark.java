package org.jiraq.benchmarks;

/**
 * One benchmark of the project: it measures a figure and, in the same run, the baseline the figure is judged against
 * (a hand-written camel-http route, the raw HTTP client), so the result holds on a noisy machine. Listed once in
 * {@link BenchmarkSuite#BENCHMARKS}; the suite runs each and writes its report into RESULTS.md.
 */
public interface Benchmark {

    /** A short, stable id in kebab-case: selects it with -Dbenchmarks.only=id and names its files under results/. */
    String id();

    /**
     * Measures. Should finish within about a minute on two shared cores, so the whole suite stays under five.
     * Write any CSV or SVG with {@link BenchmarkContext#resultFile(String)} and link it from the report.
     */
    BenchmarkReport run(BenchmarkContext context) throws Exception;
}
