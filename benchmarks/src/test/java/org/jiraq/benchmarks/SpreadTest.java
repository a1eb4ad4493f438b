package org.jiraq.benchmarks;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The summary of a figure's rounds, and when its goal counts as met: only when the whole interval clears it. */
class SpreadTest {

    @Test
    void medianSpreadAndAnIntervalThatHoldsTheMedian() {
        Spread s = Spread.of(List.of(1.18, 0.92, 0.56, 1.0, 0.95, 0.97, 1.02));

        assertThat(s.median()).isEqualTo(0.97);
        assertThat(s.min()).isEqualTo(0.56);
        assertThat(s.max()).isEqualTo(1.18);
        assertThat(s.low()).isLessThanOrEqualTo(s.median()).isGreaterThanOrEqualTo(s.min());
        assertThat(s.high()).isGreaterThanOrEqualTo(s.median()).isLessThanOrEqualTo(s.max());
        assertThat(Spread.of(List.of(1.18, 0.92, 0.56, 1.0, 0.95, 0.97, 1.02))).as("seeded: repeatable").isEqualTo(s);
    }

    @Test
    void noisyRoundsWidenTheInterval() {
        Spread steady = Spread.of(List.of(1.0, 1.01, 0.99, 1.0, 1.02, 0.98, 1.0));
        Spread noisy = Spread.of(List.of(1.18, 0.72, 0.56, 1.0, 1.35, 0.82, 1.06));

        assertThat(noisy.high() - noisy.low()).isGreaterThan(5 * (steady.high() - steady.low()));
    }

    @Test
    void aGoalIsMetOnlyWhenTheWholeIntervalClearsIt() {
        Goal atLeast = Goal.valueAtLeast(0.9, "at least 0.9");

        assertThat(atLeast.judge(new Spread(0.95, 0.91, 0.99, 0.92, 0.97))).isEqualTo(Goal.Verdict.MET);
        assertThat(atLeast.judge(new Spread(0.95, 0.5, 0.99, 0.85, 0.97))).isEqualTo(Goal.Verdict.UNDECIDED);
        assertThat(atLeast.judge(new Spread(0.8, 0.7, 0.89, 0.75, 0.85))).isEqualTo(Goal.Verdict.NOT_MET);
        Goal atMost = Goal.ratioAtMost(1.3, "at most 1.3");
        assertThat(atMost.judge(new Spread(1.1, 1.0, 1.2, 1.05, 1.15))).isEqualTo(Goal.Verdict.MET);
        assertThat(atMost.judge(new Spread(1.2, 1.0, 1.5, 1.1, 1.4))).isEqualTo(Goal.Verdict.UNDECIDED);
    }

    @Test
    void theRatioIsTakenRoundByRound() {
        Figure f = new Figure("cpu", "µs", List.of(2.0, 4.0, 6.0, 8.0, 10.0, 12.0, 14.0),
                List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0), "floor", Goal.ratioAtMost(2.0, "at most 2 ×"));

        assertThat(f.ratioSpread()).isEqualTo(new Spread(2.0, 2.0, 2.0, 2.0, 2.0));
        assertThat(f.verdict()).isEqualTo(Goal.Verdict.MET);
    }
}
