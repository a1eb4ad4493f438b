package org.jiraq.benchmarks;

/**
 * What a figure must reach. A goal is met only when the whole 95% interval clears it: a median that passes while the
 * interval still reaches across the threshold is noise, not a result, and counts as not met ("undecided").
 *
 * @param on        what the threshold applies to: the figure itself, or its ratio to the baseline
 * @param atLeast   true for a floor (the interval's low end must reach it), false for a ceiling (its high end)
 * @param threshold the floor or ceiling
 * @param text      the goal as RESULTS.md states it, e.g. {@code at most 1.3 × the bare client}
 */
public record Goal(Target on, boolean atLeast, double threshold, String text) {

    /** What a goal's threshold is compared with. */
    public enum Target {
        VALUE,
        RATIO
    }

    /** Where the interval lies against the threshold. */
    public enum Verdict {
        MET,
        UNDECIDED,
        NOT_MET
    }

    public static Goal valueAtLeast(double threshold, String text) {
        return new Goal(Target.VALUE, true, threshold, text);
    }

    public static Goal valueAtMost(double threshold, String text) {
        return new Goal(Target.VALUE, false, threshold, text);
    }

    public static Goal ratioAtLeast(double threshold, String text) {
        return new Goal(Target.RATIO, true, threshold, text);
    }

    public static Goal ratioAtMost(double threshold, String text) {
        return new Goal(Target.RATIO, false, threshold, text);
    }

    Verdict judge(Spread spread) {
        double clears = atLeast ? spread.low() : spread.high();
        double crosses = atLeast ? spread.high() : spread.low();
        if (atLeast ? clears >= threshold : clears <= threshold) {
            return Verdict.MET;
        }
        return (atLeast ? crosses >= threshold : crosses <= threshold) ? Verdict.UNDECIDED : Verdict.NOT_MET;
    }
}
