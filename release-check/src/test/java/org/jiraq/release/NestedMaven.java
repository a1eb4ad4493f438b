package org.jiraq.release;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Maven (the installation that runs this build) in another directory, its output in a log file. */
final class NestedMaven {

    private NestedMaven() {
    }

    static void run(Path directory, Path log, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("maven.home"), "bin", "mvn").toString());
        command.addAll(List.of(arguments));
        Process maven = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!maven.waitFor(10, TimeUnit.MINUTES)) {
            maven.destroyForcibly();
            throw new AssertionError("mvn " + String.join(" ", arguments) + " did not finish in 10 minutes; see " + log);
        }
        if (maven.exitValue() != 0) {
            List<String> lines = Files.readAllLines(log);
            throw new AssertionError("mvn " + String.join(" ", arguments) + " failed in " + directory + ":\n"
                                     + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
        }
    }
}
