package org.jiraq.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One figure of a benchmark, measured in interleaved rounds beside its baseline: round i of the candidate and round i
 * of the baseline ran back to back, so their ratio cancels the load the machine had then. Summed up as the median
 * with the min–max spread and a 95% bootstrap interval, for the candidate, the baseline, and the per-round ratio.
 *
 * @param name      what is measured, e.g. {@code CPU per call}
 * @param unit      the unit of the values, e.g. {@code µs}, {@code share of the limit}
 * @param candidate what is judged, per round
 * @param baseline  what it is compared with, per round (same count); empty when the figure has no baseline
 * @param against   what the baseline is, e.g. {@code bare Apache HttpClient 5 + Jackson}
 * @param goal      what the figure must reach, or null
 */
public record Figure(String name, String unit, List<Double> candidate, List<Double> baseline, String against,
                     Goal goal) {

    public Figure {
        candidate = List.copyOf(candidate);
        baseline = List.copyOf(baseline);
        if (!baseline.isEmpty() && baseline.size() != candidate.size()) {
            throw new IllegalArgumentException(name + ": " + candidate.size() + " candidate rounds but "
                                               + baseline.size() + " baseline rounds");
        }
    }

    @JsonIgnore
    public Spread candidateSpread() {
        return Spread.of(candidate);
    }

    /** The baseline summed up, or null without a baseline. */
    @JsonIgnore
    public Spread baselineSpread() {
        return baseline.isEmpty() ? null : Spread.of(baseline);
    }

    /** The candidate over the baseline, round by round, summed up; null without a baseline or where it is 0. */
    @JsonIgnore
    public Spread ratioSpread() {
        if (baseline.isEmpty() || baseline.stream().anyMatch(b -> b == 0)) {
            return null;
        }
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < candidate.size(); i++) {
            ratios.add(candidate.get(i) / baseline.get(i));
        }
        return Spread.of(ratios);
    }

    /** Whether the goal is met, with the whole interval; null when there is no goal. */
    @JsonIgnore
    public Goal.Verdict verdict() {
        if (goal == null) {
            return null;
        }
        Spread judged = goal.on() == Goal.Target.RATIO ? ratioSpread() : candidateSpread();
        return goal.judge(judged);
    }

    @JsonIgnore
    public int rounds() {
        return candidate.size();
    }

    /** {@code 1.23 (1.01–1.40; CI 1.10–1.31)}: the median, the min–max spread, the 95% interval. */
    static String describe(Spread s) {
        return number(s.median()) + " (" + number(s.min()) + "–" + number(s.max()) + "; CI " + number(s.low()) + "–"
               + number(s.high()) + ")";
    }

    /** A number with as many digits as its size calls for: 5,929, 195, 46.2, 0.981. */
    static String number(double value) {
        double size = Math.abs(value);
        String format = size >= 1000 ? "%,.0f" : size >= 100 ? "%.0f" : size >= 10 ? "%.1f" : size >= 1 ? "%.2f"
                : "%.3f";
        return String.format(Locale.ROOT, format, value);
    }
}
