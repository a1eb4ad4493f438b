package org.jiraq.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.jiraq.simulator.SimulatorRateLimits;

/**
 * Traffic a benchmark puts on the simulator for a while: threads of this JVM calling in a loop, or processes of their
 * own (child JVMs, Node). While it runs, {@link #sample} counts what the simulator let through and refused, second by
 * second.
 */
@FunctionalInterface
interface Load {

    /** Starts the traffic for {@code seconds}; closing what it returns waits for it to end. */
    Running start(int seconds) throws Exception;

    /** Traffic under way. */
    @FunctionalInterface
    interface Running extends AutoCloseable {
        @Override
        void close() throws Exception;
    }

    /** What a thread does once per call. */
    @FunctionalInterface
    interface Call {
        void run() throws Exception;
    }

    /** {@code threads} threads making {@code call} until the time is up; a failed call is printed and counted as sent. */
    static Load threads(String name, int threads, Call call) {
        return seconds -> {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            for (int i = 0; i < threads; i++) {
                pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        try {
                            call.run();
                        } catch (Exception e) {
                            System.err.println(name + ": " + e.getMessage());
                        }
                    }
                });
            }
            return () -> {
                pool.shutdown();
                if (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                    pool.shutdownNow();
                }
            };
        };
    }

    /** Processes that run for the given seconds on their own, started together; each must succeed. */
    static Load processes(String name, java.util.function.IntFunction<List<ProcessBuilder>> commands) {
        return seconds -> {
            List<CompletableFuture<ChildProcess>> running = new ArrayList<>();
            for (ProcessBuilder command : commands.apply(seconds)) {
                running.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return ChildProcess.run(command, seconds + 120L);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return new ChildProcess("interrupted", -1);
                    }
                }));
            }
            return () -> {
                for (CompletableFuture<ChildProcess> process : running) {
                    ChildProcess done = process.get();
                    if (!done.succeeded()) {
                        System.out.println(name + " failed (exit " + done.exitCode() + "):\n" + done.output());
                    }
                }
            };
        };
    }

    /**
     * Runs this load for {@code seconds}, sampling the simulator's counters each second: requests it did not refuse
     * with 429 succeeded.
     */
    default List<RateChart.Second> sample(int seconds, SimulatorRateLimits limits, double limit) throws Exception {
        List<RateChart.Second> samples = new ArrayList<>();
        try (Running running = start(seconds)) {
            long requests = limits.requests();
            long refused = limits.rateLimited();
            long next = System.nanoTime();
            for (int second = 1; second <= seconds; second++) {
                next += TimeUnit.SECONDS.toNanos(1);
                TimeUnit.NANOSECONDS.sleep(Math.max(0, next - System.nanoTime()));
                long nowRequests = limits.requests();
                long nowRefused = limits.rateLimited();
                samples.add(new RateChart.Second(second, (int) ((nowRequests - requests) - (nowRefused - refused)),
                        (int) (nowRefused - refused), limit));
                requests = nowRequests;
                refused = nowRefused;
            }
        }
        return samples;
    }
}
