package org.jiraq.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * What a child JVM of {@link AttachmentUploadBenchmark} is told (site, credentials, issue, size) and what it reports
 * back on one line of standard output.
 */
record UploadRun(String siteUrl, String user, String apiToken, String issueKey, long size, long seed) {

    static final String REPORT_PREFIX = "upload ";

    static UploadRun fromArgs(String[] args) {
        return new UploadRun(args[0], args[1], args[2], args[3], Long.parseLong(args[4]), Long.parseLong(args[5]));
    }

    String[] toArgs() {
        return new String[] { siteUrl, user, apiToken, issueKey, Long.toString(size), Long.toString(seed) };
    }

    /** Prints the time the upload took, the heap limit and the most heap the JVM's pools ever held. */
    void report(long nanos) {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.println(REPORT_PREFIX + "nanos=" + nanos + " maxHeap=" + Runtime.getRuntime().maxMemory()
                           + " peakHeap=" + peak);
    }
}
