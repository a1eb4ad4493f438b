package org.jiraq.benchmarks;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import org.jiraq.simulator.Attachment;
import org.jiraq.simulator.GeneratedContent;
import org.jiraq.simulator.JiraSimulator;

/**
 * Uploads one large attachment (generated, never on disk) through {@code jiraq:addAttachment} and, as the baseline in
 * the same run, through the JDK HTTP client by hand. Each upload runs in a child JVM with a small heap
 * ({@code -Xmx64m} by default), against the simulator in this JVM, which checks every byte by its SHA-256. Reports
 * MB/s (1 MB = 2^20 bytes) and client CPU for both, and whether the small heap held.
 *
 * <p>
 * System properties: {@code size} (bytes, default 200 MB), {@code rounds} (default 3), {@code childHeap} (default
 * 64m).
 */
public final class AttachmentUploadBenchmark implements Benchmark {

    private static final long MB = 1024 * 1024;
    private static final long SEED = 20261122;

    private record Variant(String name, Class<?> mainClass) {
    }

    private record Measurement(double megabytesPerSecond, double cpuSeconds, long peakHeap, boolean held) {
    }

    @Override
    public String id() {
        return "attachment-upload";
    }

    @Override
    public BenchmarkReport run(BenchmarkContext context) throws Exception {
        long size = Long.getLong("size", 200 * MB);
        int rounds = Integer.getInteger("rounds", 3);
        String heap = System.getProperty("childHeap", "64m");
        List<Variant> variants = List.of(new Variant("plain HttpClient", PlainHttpUpload.class),
                new Variant("jiraq:addAttachment", JiraqUpload.class));
        System.out.printf(Locale.ROOT, "Attachment upload: %d MB generated stream per upload, child JVMs with -Xmx%s,"
                                       + " simulator on localhost, %d rounds%n", size / MB, heap, rounds);
        String expectedSha256 = GeneratedContent.sha256(size, SEED);
        Map<String, List<Measurement>> results = new TreeMap<>();
        try (JiraSimulator sim = JiraSimulator.builder().checkContract(false).requestJournalLimit(1).start()) {
            for (int round = 1; round <= rounds; round++) {
                // alternate who goes first, so neither always follows the other's garbage in the simulator
                List<Variant> order = new ArrayList<>(variants);
                if (round % 2 == 0) {
                    Collections.reverse(order);
                }
                for (Variant variant : order) {
                    Measurement m = measure(sim, variant, size, heap, expectedSha256);
                    results.computeIfAbsent(variant.name(), k -> new ArrayList<>()).add(m);
                    System.out.printf(Locale.ROOT, "round %d  %-20s %8.1f MB/s  client CPU %5.2f s  peak heap %4d MB"
                                                   + "  %s%n", round, variant.name(), m.megabytesPerSecond(),
                            m.cpuSeconds(), m.peakHeap() / MB, m.held() ? "heap held" : "FAILED");
                }
            }
        }
        boolean held = results.values().stream().flatMap(List::stream).allMatch(Measurement::held);
        List<Measurement> plain = results.get("plain HttpClient");
        List<Measurement> jiraq = results.get("jiraq:addAttachment");
        MarkdownTable table = new MarkdownTable("statistic", "plain HttpClient", "jiraq:addAttachment", "ratio");
        for (String statistic : List.of("best", "median")) {
            double p = statistic(plain, statistic, Measurement::megabytesPerSecond);
            double j = statistic(jiraq, statistic, Measurement::megabytesPerSecond);
            table.row(statistic + " MB/s", format(p), format(j), format(j / p));
        }
        double plainCpu = statistic(plain, "median", Measurement::cpuSeconds);
        double jiraqCpu = statistic(jiraq, "median", Measurement::cpuSeconds);
        table.row("median client CPU s per upload", format(plainCpu), format(jiraqCpu), format(jiraqCpu / plainCpu));
        table.row("most heap held, MB", plain.stream().mapToLong(Measurement::peakHeap).max().orElse(0) / MB,
                jiraq.stream().mapToLong(Measurement::peakHeap).max().orElse(0) / MB, "-");
        double best = statistic(jiraq, "best", Measurement::megabytesPerSecond);
        double bestPlain = statistic(plain, "best", Measurement::megabytesPerSecond);
        String details = """
                The simulator runs in the suite's JVM (contract checks off). For each round, a child JVM started with
                `-Xmx%s -XX:+ExitOnOutOfMemoryError` uploads a %d MB generated stream (never on disk, never in
                memory) as one attachment, once through `jiraq:addAttachment` (an `InputStream` body) and once through
                a hand-written multipart upload on the JDK `HttpClient` (`BodyPublishers.ofInputStream`), the
                baseline; who goes first alternates. Each child first makes a 64 KB warm-up upload; the measured
                upload's time and the child's CPU time (all threads) are reported. The simulator checks every upload's
                size and SHA-256; a run that fails, runs out of heap or loses a byte counts as not held. %d rounds:

                %s
                The -Xmx%s heap held for every upload: %s. Throughput is bounded by the receiving side and the
                machine's load more than by the client, so the CPU time per upload is the steadier comparison.

                Options: `size` (bytes), `rounds`, `childHeap`. Source: `AttachmentUploadBenchmark`, `JiraqUpload`,
                `PlainHttpUpload`.
                """.formatted(heap, size / MB, rounds, table, heap, held ? "yes" : "**no**");
        return new BenchmarkReport("Streamed attachment upload through jiraq:addAttachment",
                String.format(Locale.ROOT, "%.1f MB/s best, %.2f × the baseline; heap -Xmx%s held: %s", best,
                        best / bestPlain, heap, held ? "yes" : "no"),
                String.format(Locale.ROOT, "%.1f MB/s best (hand-written JDK HttpClient upload)", bestPlain),
                "a %d MB upload through a -Xmx%s JVM".formatted(size / MB, heap), held, details);
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** The best (highest) or the median of a figure over the uploads that succeeded. */
    private static double statistic(List<Measurement> measurements, String which,
                                    ToDoubleFunction<Measurement> figure) {
        double[] sorted = measurements.stream().filter(Measurement::held).mapToDouble(figure).sorted().toArray();
        if (sorted.length == 0) {
            return 0;
        }
        return "best".equals(which) ? sorted[sorted.length - 1]
                : (sorted[(sorted.length - 1) / 2] + sorted[sorted.length / 2]) / 2;
    }

    /** One upload in a fresh child JVM; it holds when the child succeeds and the simulator got every byte. */
    private static Measurement measure(JiraSimulator sim, Variant variant, long size, String heap, String expectedSha256)
            throws Exception {
        String key = sim.state().createIssue("DEMO", "Task", "Upload by " + variant.name()).key();
        UploadRun run = new UploadRun(sim.baseUrl(), JiraSimulator.DEFAULT_USER, JiraSimulator.DEFAULT_API_TOKEN, key,
                size, SEED);
        List<String> command = new ArrayList<>(List.of(
                System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                "-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                variant.mainClass().getName()));
        command.addAll(List.of(run.toArgs()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean finished = child.waitFor(10, TimeUnit.MINUTES);
        String report = output.lines().filter(l -> l.startsWith(UploadRun.REPORT_PREFIX)).findFirst().orElse(null);
        List<Attachment> stored = sim.state().issue(key).attachments();
        Attachment measured = stored.isEmpty() ? null : stored.get(stored.size() - 1); // after the warm-up's
        boolean complete = stored.size() == 2 && measured.size() == size && measured.sha256().equals(expectedSha256);
        if (!finished || child.exitValue() != 0 || report == null || !complete) {
            System.out.println(variant.name() + " failed (exit " + (finished ? child.exitValue() : "timeout")
                               + ", complete upload " + complete + "):\n" + output);
            return new Measurement(0, 0, 0, false);
        }
        Map<String, Long> values = new TreeMap<>();
        for (String pair : report.substring(UploadRun.REPORT_PREFIX.length()).split(" ")) {
            String[] kv = pair.split("=");
            values.put(kv[0], Long.parseLong(kv[1]));
        }
        double seconds = values.get("nanos") / 1e9;
        return new Measurement(size / (double) MB / seconds, values.get("cpuNanos") / 1e9, values.get("peakHeap"), true);
    }
}
