package org.jiraq.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The peer a non-Camel user would pick, jira.js (the most used JavaScript Jira client), run by Node where the machine
 * has it. Its scripts live in {@code src/main/node}; on first use the pinned jira.js is installed from the npm registry
 * into {@code target/jirajs} (never committed). Where Node or the install is missing, {@link #find} says why, and the
 * benchmarks leave the peer out with that note.
 */
final class NodePeer {

    static final String JIRA_JS = "jira.js@6.2.0";
    private static final String SCRIPTS = "src/main/node";

    private final Path directory;
    private final String nodeVersion;

    private NodePeer(Path directory, String nodeVersion) {
        this.directory = directory;
        this.nodeVersion = nodeVersion;
    }

    /** Node with jira.js installed, or why not (a note for RESULTS.md). */
    static Result find(BenchmarkContext context) {
        if (Boolean.getBoolean("skipNode")) {
            return new Result(null, "left out (-DskipNode=true)");
        }
        try {
            Optional<String> version = output(List.of("node", "-v"), context.directory(), 30);
            if (version.isEmpty()) {
                return new Result(null, "skipped: Node is not on this machine");
            }
            Path dir = context.directory().resolve("target").resolve("jirajs");
            Files.createDirectories(dir);
            for (String script : List.of("package.json", "rate-limit.mjs", "export.mjs")) {
                Files.copy(context.directory().resolve(SCRIPTS).resolve(script), dir.resolve(script),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            if (!Files.isDirectory(dir.resolve("node_modules").resolve("jira.js"))) {
                Optional<String> installed = output(List.of("npm", "install", "--no-audit", "--no-fund"), dir, 300);
                if (installed.isEmpty() || !Files.isDirectory(dir.resolve("node_modules").resolve("jira.js"))) {
                    return new Result(null, "skipped: `npm install " + JIRA_JS + "` failed");
                }
            }
            return new Result(new NodePeer(dir, version.get().trim()), null);
        } catch (Exception e) {
            return new Result(null, "skipped: " + e.getMessage());
        }
    }

    /** The peer, or the note saying why there is none. */
    record Result(NodePeer peer, String note) {
    }

    String describe() {
        return JIRA_JS + " on Node " + nodeVersion;
    }

    /** Runs one of the scripts and waits for it. */
    ChildProcess run(String script, List<String> args, long timeoutSeconds) throws InterruptedException {
        return ChildProcess.run(command(script, args), timeoutSeconds);
    }

    /** One of the scripts, not yet started. */
    ProcessBuilder command(String script, List<String> args) {
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(args);
        return new ProcessBuilder(command).directory(directory.toFile());
    }

    private static Optional<String> output(List<String> command, Path dir, long timeoutSeconds) throws Exception {
        ChildProcess process = ChildProcess.run(new ProcessBuilder(command).directory(dir.toFile()), timeoutSeconds);
        if (!process.succeeded()) {
            System.out.println(String.join(" ", command) + " failed:\n" + process.output());
            return Optional.empty();
        }
        return Optional.of(process.output());
    }
}
