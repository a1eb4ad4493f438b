package org.jiraq.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.BitSet;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.jiraq.camel.JiraqConstants;

/**
 * Child JVM of {@link ExportBenchmark}: exports every issue of a project through {@code jiraq:searchIssues} in stream
 * mode and a streaming split, writing each issue as a CSV line to a sink and flushing the sink once per page (a
 * downstream batch write that takes {@code batchMillis}). Reports on one line what it exported, how long it took, and
 * the heap the JVM retained (after a full GC) a tenth of the way in and at the end.
 * <p>
 * Arguments: site, user, API token, prefetchPages, pageSize, batchMillis, expected issue count.
 */
public final class ExportRun {

    static final String REPORT_PREFIX = "export ";

    private ExportRun() {
    }

    public static void main(String[] args) throws Exception {
        String site = args[0];
        int prefetch = Integer.parseInt(args[3]);
        int pageSize = Integer.parseInt(args[4]);
        long batchMillis = Long.parseLong(args[5]);
        long expected = Long.parseLong(args[6]);
        AtomicLong issues = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        BitSet seen = new BitSet();
        long[] retained = new long[2];
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:export")
                            .to("jiraq:searchIssues?searchMode=stream&fields=summary,status&pageSize=" + pageSize
                                + "&prefetchPages=" + prefetch + "&deployment=cloud&baseUrl=" + site + "&username="
                                + args[1] + "&apiToken=RAW(" + args[2] + ")")
                            .split(body()).streaming()
                            .process(exchange -> {
                                Map<?, ?> issue = exchange.getMessage().getBody(Map.class);
                                String key = issue.get("key").toString();
                                Map<?, ?> fields = (Map<?, ?>) issue.get("fields");
                                String line = key + ',' + ((Map<?, ?>) fields.get("status")).get("name") + ",\""
                                              + fields.get("summary") + "\"\n";
                                bytes.addAndGet(line.length());
                                seen.set(Integer.parseInt(key.substring(key.indexOf('-') + 1)));
                                long n = issues.incrementAndGet();
                                if (n % pageSize == 0) {
                                    TimeUnit.MILLISECONDS.sleep(batchMillis); // the page's lines written downstream
                                }
                                if (n == expected / 10) {
                                    retained[0] = retainedHeap();
                                }
                            });
                }
            });
            camel.start();
            long start = System.nanoTime();
            camel.createProducerTemplate().sendBodyAndHeader("direct:export", null, JiraqConstants.JQL,
                    "project = OPS ORDER BY key ASC");
            long nanos = System.nanoTime() - start;
            retained[1] = retainedHeap();
            System.out.println(REPORT_PREFIX + "issues=" + issues.get() + " distinct=" + seen.cardinality() + " nanos="
                               + nanos + " retainedAtTenth=" + retained[0] + " retainedAtEnd=" + retained[1]
                               + " peakHeap=" + peakHeap() + " csvBytes=" + bytes.get());
        }
    }

    /** The heap in use after a full collection: what the export holds on to, not what it has yet to collect. */
    private static long retainedHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
