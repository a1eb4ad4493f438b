package org.jiraq.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator's rooms stay rooms: its sub-packages depend on each other without a cycle, and each says in a
 * package-info what it owns. Read from the sources, so a new class in the wrong room fails here, not in review.
 */
class SimulatorPackagesTest {

    private static final Path MAIN = Path.of("src/main/java/org/jiraq/simulator");
    private static final Pattern REFERENCE = Pattern.compile("\\borg\\.jiraq\\.simulator\\.([a-z]\\w*)\\.");

    @Test
    void subPackagesDependOnEachOtherWithoutCycles() {
        Map<String, Set<String>> uses = subPackageDependencies();
        assertThat(uses).containsKeys("auth", "http", "jql", "model", "platform", "servicedesk", "webhooks");
        // the one layer everything builds on uses none of the others
        assertThat(uses.get("model")).isEmpty();
        for (String from : uses.keySet()) {
            assertThat(cycleFrom(from, from, uses, new ArrayList<>(List.of(from))))
                    .as("package %s is part of a dependency cycle", from).isEmpty();
        }
    }

    @Test
    void everyPackageSaysWhatItOwns() throws IOException {
        try (Stream<Path> dirs = Files.walk(MAIN)) {
            List<Path> withoutInfo = dirs.filter(Files::isDirectory)
                    .filter(dir -> !Files.exists(dir.resolve("package-info.java"))).toList();
            assertThat(withoutInfo).isEmpty();
        }
    }

    /** Sub-package to the other sub-packages its main sources name (imports and fully qualified names). */
    private static Map<String, Set<String>> subPackageDependencies() {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !file.getFileName().toString().equals("package-info.java"))
                    .filter(file -> !file.getParent().equals(MAIN))
                    .forEach(file -> {
                        String from = MAIN.relativize(file.getParent()).toString().replace('/', '.');
                        Set<String> targets = uses.computeIfAbsent(from, key -> new TreeSet<>());
                        Matcher reference = REFERENCE.matcher(read(file));
                        while (reference.find()) {
                            if (!reference.group(1).equals(from)) {
                                targets.add(reference.group(1));
                            }
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return uses;
    }

    /** A path from {@code at} back to {@code start}, or empty when there is none. */
    private static List<String> cycleFrom(String start, String at, Map<String, Set<String>> uses, List<String> path) {
        for (String next : uses.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                List<String> cycle = new ArrayList<>(path);
                cycle.add(next);
                return cycle;
            }
            if (!path.contains(next)) {
                path.add(next);
                List<String> cycle = cycleFrom(start, next, uses, path);
                if (!cycle.isEmpty()) {
                    return cycle;
                }
                path.remove(path.size() - 1);
            }
        }
        return List.of();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
