package org.jiraq.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.jiraq.simulator.Attachment;
import org.jiraq.simulator.GeneratedContent;
import org.jiraq.simulator.JiraSimulator;

/**
 * Uploads one large attachment (generated, never on disk) through {@code jiraq:addAttachment} and, as the baseline in
 * the same run, through the JDK HTTP client by hand. Each upload runs in a child JVM with a small heap
 * ({@code -Xmx64m} by default), against the simulator in this JVM, which checks every byte by its SHA-256. Reports
 * MB/s (1 MB = 2^20 bytes) and client CPU for both, and whether the small heap held, in interleaved rounds.
 *
 * <p>
 * System properties: {@code size} (bytes, default 200 MB), {@code rounds} (default 7), {@code childHeap} (default
 * 64m).
 */
public final class AttachmentUploadBenchmark implements Benchmark {

    private static final long MB = 1024 * 1024;
    private static final long SEED = 20261122;

    static final String PLAIN = "plain JDK HttpClient upload";
    static final String JIRAQ = "jiraq:addAttachment";

    private record Measurement(double megabytesPerSecond, double cpuSeconds, long peakHeap, boolean held) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.1f MB/s, CPU %.2f s, peak heap %d MB, %s", megabytesPerSecond,
                    cpuSeconds, peakHeap / MB, held ? "held" : "FAILED");
        }
    }

    @Override
    public String id() {
        return "attachment-upload";
    }

    @Override
    public BenchmarkReport run(BenchmarkContext context) throws Exception {
        long size = Long.getLong("size", 200 * MB);
        int rounds = Rounds.count();
        String heap = System.getProperty("childHeap", "64m");
        System.out.printf(Locale.ROOT, "Attachment upload: %d MB generated stream per upload, child JVMs with -Xmx%s,"
                                       + " simulator on localhost, %d rounds%n", size / MB, heap, rounds);
        String expectedSha256 = GeneratedContent.sha256(size, SEED);
        Rounds<Measurement> measured = new Rounds<>();
        try (JiraSimulator sim = JiraSimulator.builder().checkContract(false).requestJournalLimit(1).start()) {
            measured.add(PLAIN, r -> measure(sim, PLAIN, PlainHttpUpload.class, size, heap, expectedSha256))
                    .add(JIRAQ, r -> measure(sim, JIRAQ, JiraqUpload.class, size, heap, expectedSha256))
                    .run(rounds);
        }
        List<Figure> figures = List.of(
                new Figure("rounds whose upload held -Xmx" + heap + " and arrived whole", "1 = held",
                        measured.of(JIRAQ, m -> m.held() ? 1 : 0), measured.of(PLAIN, m -> m.held() ? 1 : 0), PLAIN,
                        Goal.valueAtLeast(1, "a %d MB upload through a -Xmx%s JVM, every round".formatted(size / MB,
                                heap))),
                new Figure("upload throughput", "MB/s", measured.of(JIRAQ, Measurement::megabytesPerSecond),
                        measured.of(PLAIN, Measurement::megabytesPerSecond), PLAIN, null),
                new Figure("client CPU per upload", "s", measured.of(JIRAQ, Measurement::cpuSeconds),
                        measured.of(PLAIN, Measurement::cpuSeconds), PLAIN, null),
                new Figure("most heap held", "MB", measured.of(JIRAQ, m -> m.peakHeap() / (double) MB),
                        measured.of(PLAIN, m -> m.peakHeap() / (double) MB), PLAIN, null));
        String details = """
                The simulator runs in the suite's JVM (contract checks off). In every round, a child JVM started with
                `-Xmx%s -XX:+ExitOnOutOfMemoryError` uploads a %d MB generated stream (never on disk, never in
                memory) as one attachment, once through `jiraq:addAttachment` (an `InputStream` body) and once through
                a hand-written multipart upload on the JDK `HttpClient` (`BodyPublishers.ofInputStream`), the
                baseline. Each child first makes a 64 KB warm-up upload; the measured upload's time and the child's
                CPU time (all threads) are reported. The simulator checks every upload's size and SHA-256; a run that
                fails, runs out of heap or loses a byte counts as not held (and 0 MB/s). Throughput is bounded by the
                receiving side and the machine's load more than by the client, so the CPU time per upload is the
                steadier comparison.

                Options: `size` (bytes), `rounds`, `childHeap`. Source: `AttachmentUploadBenchmark`, `JiraqUpload`,
                `PlainHttpUpload`.
                """.formatted(heap, size / MB);
        return new BenchmarkReport("Streamed attachment upload through jiraq:addAttachment", figures, details);
    }

    /** One upload in a fresh child JVM; it holds when the child succeeds and the simulator got every byte. */
    private static Measurement measure(JiraSimulator sim, String name, Class<?> mainClass, long size, String heap,
                                       String expectedSha256) throws Exception {
        String key = sim.state().createIssue("DEMO", "Task", "Upload by " + name).key();
        UploadRun run = new UploadRun(sim.baseUrl(), JiraSimulator.DEFAULT_USER, JiraSimulator.DEFAULT_API_TOKEN, key,
                size, SEED);
        ChildProcess child = ChildProcess.run(ChildProcess.java(mainClass, heap, List.of(), List.of(run.toArgs())), 600);
        Map<String, String> report = child.report(UploadRun.REPORT_PREFIX).orElse(null);
        List<Attachment> stored = sim.state().issue(key).attachments();
        Attachment measured = stored.isEmpty() ? null : stored.get(stored.size() - 1); // after the warm-up's
        boolean complete = stored.size() == 2 && measured.size() == size && measured.sha256().equals(expectedSha256);
        if (!child.succeeded() || report == null || !complete) {
            System.out.println(name + " failed (exit " + child.exitCode() + ", complete upload " + complete + "):\n"
                               + child.output());
            return new Measurement(0, 0, 0, false);
        }
        Map<String, Long> values = new TreeMap<>();
        report.forEach((k, v) -> values.put(k, Long.parseLong(v)));
        double seconds = values.get("nanos") / 1e9;
        return new Measurement(size / (double) MB / seconds, values.get("cpuNanos") / 1e9, values.get("peakHeap"), true);
    }
}
