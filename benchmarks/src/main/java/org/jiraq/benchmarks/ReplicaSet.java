package org.jiraq.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Replicas of an application as separate JVMs ({@link ReplicaRun}) on one store, started once and then driven window
 * by window: every replica calls between the same two moments, and each reports what it got.
 */
final class ReplicaSet implements AutoCloseable {

    private final List<Process> replicas = new ArrayList<>();
    private final List<Path> logs = new ArrayList<>();
    private final List<Integer> linesRead = new ArrayList<>();

    ReplicaSet(String name, int count, String site, String storeUrl, boolean shared, int threads, Path dir)
            throws Exception {
        for (int i = 0; i < count; i++) {
            Path log = dir.resolve(name + "-" + i + ".log");
            Process replica = ChildProcess.java(ReplicaRun.class, "256m", List.of(),
                            List.of(site, storeUrl, Boolean.toString(shared), Integer.toString(threads)))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            replicas.add(replica);
            logs.add(log);
            linesRead.add(0);
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        for (int i = 0; i < count; i++) {
            while (!Files.readString(logs.get(i)).contains(ReplicaRun.READY)) {
                if (!replicas.get(i).isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("Replica " + i + " did not start:\n" + Files.readString(logs.get(i)));
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
        }
    }

    /** Starts one window of calls on every replica, {@code lead} from now, for {@code length}; returns its start. */
    long start(Duration lead, Duration length) throws IOException {
        long start = System.currentTimeMillis() + lead.toMillis();
        for (Process replica : replicas) {
            OutputStream in = replica.getOutputStream();
            in.write((start + " " + (start + length.toMillis()) + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
        }
        return start;
    }

    /** Waits for every replica's report of the window just run. */
    List<Map<String, Long>> reports() throws Exception {
        List<Map<String, Long>> reports = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        for (int i = 0; i < replicas.size(); i++) {
            while (true) {
                List<String> lines = Files.readString(logs.get(i)).lines()
                        .filter(l -> l.startsWith(ReplicaRun.REPORT_PREFIX)).toList();
                if (lines.size() > linesRead.get(i)) {
                    reports.add(parse(lines.get(linesRead.get(i))));
                    linesRead.set(i, linesRead.get(i) + 1);
                    break;
                }
                if (!replicas.get(i).isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("Replica " + i + " did not report:\n" + Files.readString(logs.get(i)));
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
        }
        return reports;
    }

    private static Map<String, Long> parse(String line) {
        Map<String, Long> values = new TreeMap<>();
        for (String pair : line.substring(ReplicaRun.REPORT_PREFIX.length()).trim().split(" ")) {
            values.put(pair.substring(0, pair.indexOf('=')), Long.parseLong(pair.substring(pair.indexOf('=') + 1)));
        }
        return values;
    }

    @Override
    public void close() throws Exception {
        for (Process replica : replicas) {
            replica.getOutputStream().close(); // end of input: the replica stops
        }
        for (Process replica : replicas) {
            if (!replica.waitFor(30, TimeUnit.SECONDS)) {
                replica.destroyForcibly();
            }
        }
    }
}
