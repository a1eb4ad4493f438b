package org.jiraq.benchmarks;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * A benchmark's contender run as a process of its own (a JVM on this JVM's class path, or Node), so its heap can be
 * held small, its CPU time is its own, and it can be killed. It reports on one line of standard output,
 * {@code <prefix>key=value ...}.
 *
 * @param output   everything it printed
 * @param exitCode its exit code, or -1 when it could not start or did not finish in time (it is then killed)
 */
record ChildProcess(String output, int exitCode) {

    /** Starts {@code command} and waits for it, at most {@code timeoutSeconds}. */
    static ChildProcess run(ProcessBuilder command, long timeoutSeconds) throws InterruptedException {
        Process child;
        try {
            child = command.redirectErrorStream(true).start();
        } catch (IOException e) {
            return new ChildProcess(e.toString(), -1);
        }
        // read while it runs, so a chatty child never blocks on a full pipe
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try {
                output.append(new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                output.append(e);
            }
        });
        reader.start();
        boolean finished = child.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!finished) {
            child.destroyForcibly().waitFor();
        }
        reader.join();
        return new ChildProcess(output.toString(), finished ? child.exitValue() : -1);
    }

    /** {@code mainClass} in a child JVM with {@code -Xmx<heap>} (the default heap when null), not yet started. */
    static ProcessBuilder java(Class<?> mainClass, String heap, List<String> jvmOptions, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        if (heap != null) {
            command.add("-Xmx" + heap);
            command.add("-XX:+ExitOnOutOfMemoryError");
        }
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(args);
        return new ProcessBuilder(command);
    }

    /** The values of its report line, or empty when it printed none. */
    Optional<Map<String, String>> report(String prefix) {
        return output.lines().filter(l -> l.startsWith(prefix)).findFirst().map(line -> {
            Map<String, String> values = new TreeMap<>();
            for (String pair : line.substring(prefix.length()).trim().split(" ")) {
                int eq = pair.indexOf('=');
                values.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
            return values;
        });
    }

    boolean succeeded() {
        return exitCode == 0;
    }
}
