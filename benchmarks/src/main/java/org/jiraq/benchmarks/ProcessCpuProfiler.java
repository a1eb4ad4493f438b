package org.jiraq.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time of the benchmark JVM's Java threads per operation ({@value #RESULT}, ns/op): the calling thread and the
 * HTTP clients' own I/O threads alike, but not the JIT compiler or the garbage collector, whose work depends on how
 * long the JVM has run and how loaded the machine is rather than on the code measured. Unlike wall time it does not
 * grow while a thread waits for a core, so on a busy shared machine it still says what a call costs.
 */
public final class ProcessCpuProfiler implements InternalProfiler {

    static final String RESULT = "cpu.time.norm";

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long startCpuNanos;

    @Override
    public String getDescription() {
        return "CPU time of the Java threads per operation";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        startCpuNanos = javaThreadsCpuNanos();
    }

    @Override
    public Collection<? extends Result> afterIteration(
            BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
        long ops = result.getMetadata().getAllOps();
        double perOp = ops == 0 ? Double.NaN : (double) (javaThreadsCpuNanos() - startCpuNanos) / ops;
        return List.of(new ScalarResult(RESULT, perOp, "ns/op", AggregationPolicy.AVG));
    }

    private long javaThreadsCpuNanos() {
        return Arrays.stream(threads.getAllThreadIds()).map(threads::getThreadCpuTime).filter(t -> t > 0).sum();
    }
}
