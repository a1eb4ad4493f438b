package org.jiraq.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A figure measured once per round, summed up: the median, the min–max spread, and a 95% bootstrap interval of the
 * median (percentile method: the rounds resampled with replacement {@value #RESAMPLES} times). The resampling is
 * seeded, so the same rounds always give the same interval.
 *
 * @param median the median over the rounds
 * @param min    the lowest round
 * @param max    the highest round
 * @param low    the 2.5th percentile of the resampled medians
 * @param high   the 97.5th percentile of the resampled medians
 */
public record Spread(double median, double min, double max, double low, double high) {

    static final int RESAMPLES = 10_000;
    private static final long SEED = 17;

    /** At least this many rounds, so a bootstrap interval can say more than the rounds themselves. */
    public static final int MIN_ROUNDS = 7;

    public static Spread of(List<Double> rounds) {
        double[] values = rounds.stream().mapToDouble(Double::doubleValue).toArray();
        if (values.length == 0) {
            throw new IllegalArgumentException("A figure needs at least one round");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] medians = new double[RESAMPLES];
        SplittableRandom random = new SplittableRandom(SEED);
        double[] sample = new double[values.length];
        for (int b = 0; b < RESAMPLES; b++) {
            for (int i = 0; i < sample.length; i++) {
                sample[i] = values[random.nextInt(values.length)];
            }
            Arrays.sort(sample);
            medians[b] = median(sample);
        }
        Arrays.sort(medians);
        return new Spread(median(sorted), sorted[0], sorted[sorted.length - 1], percentile(medians, 0.025),
                percentile(medians, 0.975));
    }

    /** The median of sorted values. */
    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double percentile(double[] sorted, double p) {
        double index = p * (sorted.length - 1);
        int below = (int) Math.floor(index);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (sorted[above] - sorted[below]) * (index - below);
    }
}
