package org.jiraq.benchmarks;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
 * ({@code -Xmx64m} by default), against the simulator in this JVM, which checks every byte by its SHA-256. Prints
 * MB/s (1 MB = 2^20 bytes) for both and whether the small heap held.
 *
 * <p>
 * System properties: {@code size} (bytes, default 200 MB), {@code rounds} (default 3), {@code childHeap} (default
 * 64m).
 */
public final class AttachmentUploadBenchmark {

    private static final long MB = 1024 * 1024;
    private static final long SEED = 20261122;

    private record Variant(String name, Class<?> mainClass) {
    }

    private record Measurement(double megabytesPerSecond, double cpuSeconds, long peakHeap, boolean held) {
    }

    private AttachmentUploadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
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
        for (String statistic : List.of("best", "median")) {
            double plain = statistic(results.get("plain HttpClient"), statistic, Measurement::megabytesPerSecond);
            double jiraq = statistic(results.get("jiraq:addAttachment"), statistic, Measurement::megabytesPerSecond);
            System.out.printf(Locale.ROOT, "%s: plain HttpClient %.1f MB/s, jiraq:addAttachment %.1f MB/s (%.2fx)%n",
                    statistic, plain, jiraq, jiraq / plain);
        }
        double plainCpu = statistic(results.get("plain HttpClient"), "median", Measurement::cpuSeconds);
        double jiraqCpu = statistic(results.get("jiraq:addAttachment"), "median", Measurement::cpuSeconds);
        System.out.printf(Locale.ROOT, "median client CPU per upload: plain HttpClient %.2f s, jiraq:addAttachment %.2f s"
                                       + " (%.2fx)%n", plainCpu, jiraqCpu, jiraqCpu / plainCpu);
        System.out.printf(Locale.ROOT, "-Xmx%s heap held for every upload: %s%n", heap, held ? "yes" : "NO");
        if (!held) {
            System.exit(1);
        }
    }

    /** This benchmark's class path, for its child JVMs: exec:java loads the project in a class loader of its own. */
    private static String classPath() throws URISyntaxException {
        if (AttachmentUploadBenchmark.class.getClassLoader() instanceof URLClassLoader loader) {
            List<String> entries = new ArrayList<>();
            for (URL url : loader.getURLs()) {
                entries.add(Path.of(url.toURI()).toString());
            }
            return String.join(File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
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
                "-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError", "-cp", classPath(),
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
