package org.jiraq.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Runs the contenders of a benchmark in interleaved rounds: every round runs each once, the order rotating from round
 * to round, so a load that drifts over the run weighs on all of them alike and round i of one pairs with round i of
 * another. Keeps what each contender measured per round.
 *
 * @param <T> what one measurement gives (a number, or a record of several)
 */
public final class Rounds<T> {

    /** One contender's measurement in one round. */
    @FunctionalInterface
    public interface Measurement<T> {
        T measure(int round) throws Exception;
    }

    private final Map<String, Measurement<T>> contenders = new LinkedHashMap<>();
    private final Map<String, List<T>> results = new LinkedHashMap<>();

    public Rounds<T> add(String name, Measurement<T> measurement) {
        contenders.put(name, measurement);
        results.put(name, new ArrayList<>());
        return this;
    }

    /** Runs {@code rounds} rounds, printing each measurement as it comes. */
    public Rounds<T> run(int rounds) throws Exception {
        List<String> names = new ArrayList<>(contenders.keySet());
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < names.size(); i++) {
                String name = names.get((i + round) % names.size());
                T value = contenders.get(name).measure(round);
                results.get(name).add(value);
                System.out.printf("  round %d/%d  %-36s %s%n", round + 1, rounds, name,
                        value instanceof Double d ? Figure.number(d) : value);
            }
        }
        return this;
    }

    /** What {@code name} measured, round by round. */
    public List<T> of(String name) {
        List<T> values = results.get(name);
        if (values == null) {
            throw new IllegalArgumentException("No contender " + name + " in " + results.keySet());
        }
        return values;
    }

    /** One number of what {@code name} measured, round by round. */
    public List<Double> of(String name, ToDoubleFunction<T> figure) {
        return of(name).stream().map(figure::applyAsDouble).toList();
    }

    /** The rounds to run: the system property {@code rounds}, never fewer than {@link Spread#MIN_ROUNDS}. */
    public static int count() {
        return Math.max(Spread.MIN_ROUNDS, Integer.getInteger("rounds", Spread.MIN_ROUNDS));
    }
}
