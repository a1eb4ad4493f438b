package org.jiraq.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders RESULTS.md from the recorded outcomes: how the figures are judged, a summary table with one row per figure,
 * then one section per benchmark with how it was measured, its figures and every round.
 */
final class ResultsPage {

    private ResultsPage() {
    }

    static String render(List<BenchmarkSuite.Outcome> outcomes, String command) {
        StringBuilder md = new StringBuilder("# Benchmark results\n\n");
        md.append("Produced by `").append(command).append("` (from the repository root); one benchmark alone: add ")
                .append("`-Dbenchmarks.only=<id>`, which replaces only that benchmark's entry in ")
                .append("[RESULTS.json](RESULTS.json) (every figure, round by round) and regenerates this page. A ")
                .append("benchmark's options are system properties of the suite's JVM, for example ")
                .append("`JAVA_TOOL_OPTIONS=-Drounds=9`.\n\n")
                .append("How to read a figure: each benchmark runs its contenders in at least ").append(Spread.MIN_ROUNDS)
                .append(" interleaved rounds (each round runs every contender once, the order rotating), so round i of ")
                .append("the figure and round i of its baseline saw the same machine. A cell gives the median over the ")
                .append("rounds, the min–max spread, and the 95% bootstrap interval of the median (CI; ")
                .append(String.format(Locale.ROOT, "%,d", Spread.RESAMPLES)).append(" resamples of the rounds). ")
                .append("The ratio is taken round by round, then summed up the same way. A goal counts as met only ")
                .append("when the whole interval clears it; \"undecided\" means the interval still reaches across ")
                .append("it, so the run cannot tell a result from noise. The machine is shared and its load is given ")
                .append("per benchmark (1-minute load average as `uptime` shows it, before → after).\n\n");
        md.append(summary(outcomes)).append('\n');
        List<String> unmet = new ArrayList<>();
        for (BenchmarkSuite.Outcome outcome : outcomes) {
            for (Figure f : outcome.report().figures()) {
                if (f.verdict() != null && f.verdict() != Goal.Verdict.MET) {
                    unmet.add(outcome.report().title() + ": " + f.name() + " (" + f.goal().text() + "): "
                              + verdict(f.verdict()).replace("*", ""));
                }
            }
            if (outcome.report().figures().isEmpty()) {
                unmet.add(outcome.report().title() + ": failed");
            }
        }
        if (!unmet.isEmpty()) {
            md.append("Goals not met (what limits each is said in its section):\n\n");
            unmet.forEach(u -> md.append("- ").append(u).append('\n'));
            md.append('\n');
        }
        for (BenchmarkSuite.Outcome outcome : outcomes) {
            BenchmarkReport r = outcome.report();
            md.append("## ").append(r.title()).append("\n\n").append(r.details().strip()).append("\n\n");
            if (!r.figures().isEmpty()) {
                md.append(rounds(r.figures())).append('\n');
            }
            md.append(String.format(Locale.ROOT, "Ran %s for %d s on %d cores, load %s → %s.", outcome.started(),
                    outcome.seconds(), outcome.cores(), load(outcome.loadBefore()), load(outcome.loadAfter())))
                    .append(" Id `").append(outcome.id()).append("`: `").append(command)
                    .append(" -Dbenchmarks.only=").append(outcome.id()).append("`.\n\n");
        }
        return md.toString();
    }

    /** One row per figure: the figure, its baseline and their ratio, each summed up, the goal and the verdict. */
    static String summary(List<BenchmarkSuite.Outcome> outcomes) {
        MarkdownTable table = new MarkdownTable("benchmark", "figure", "measured", "baseline (same rounds)",
                "ratio to the baseline", "goal", "met");
        for (BenchmarkSuite.Outcome outcome : outcomes) {
            BenchmarkReport r = outcome.report();
            if (r.figures().isEmpty()) {
                table.row(r.title(), "failed", "-", "-", "-", "-", "-");
            }
            for (Figure f : r.figures()) {
                Spread baseline = f.baselineSpread();
                Spread ratio = f.ratioSpread();
                table.row(r.title(), f.name() + " (" + f.unit() + ")", Figure.describe(f.candidateSpread()),
                        baseline == null ? "-" : Figure.describe(baseline) + " " + f.against(),
                        ratio == null ? "-" : Figure.describe(ratio),
                        f.goal() == null ? "-" : f.goal().text(), verdict(f.verdict()));
            }
        }
        return table.toString();
    }

    private static String rounds(List<Figure> figures) {
        int n = figures.stream().mapToInt(Figure::rounds).max().orElse(0);
        List<String> header = new ArrayList<>(List.of("figure", "contender"));
        for (int i = 1; i <= n; i++) {
            header.add(Integer.toString(i));
        }
        MarkdownTable table = new MarkdownTable(header.toArray(String[]::new));
        for (Figure f : figures) {
            table.row(row(f.name() + " (" + f.unit() + ")", "measured", f.candidate(), n));
            if (!f.baseline().isEmpty()) {
                table.row(row("", f.against(), f.baseline(), n));
            }
        }
        return "Every round:\n\n" + table;
    }

    private static Object[] row(String figure, String contender, List<Double> values, int n) {
        List<String> cells = new ArrayList<>(List.of(figure, contender));
        for (int i = 0; i < n; i++) {
            cells.add(i < values.size() ? Figure.number(values.get(i)) : "");
        }
        return cells.toArray();
    }

    private static String verdict(Goal.Verdict verdict) {
        if (verdict == null) {
            return "-";
        }
        return switch (verdict) {
            case MET -> "yes";
            case UNDECIDED -> "**undecided**";
            case NOT_MET -> "**no**";
        };
    }

    private static String load(double load) {
        return load < 0 ? "?" : String.format(Locale.ROOT, "%.2f", load);
    }
}
