package org.jiraq.camel;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layers of ARCHITECTURE.md, read from the compiled classes with {@code jdeps -verbose:package}: the sub-packages
 * form a DAG (the root package may use them and be used by them), and each uses only the packages below it.
 */
class PackageDagTest {

    private static final String ROOT = "org.jiraq.camel";
    private static final Pattern EDGE = Pattern.compile("^\\s+(org\\.jiraq\\.camel\\S*)\\s+->\\s+(org\\.jiraq\\.camel\\S*)\\s");

    /** What each sub-package may use besides the root package; the picture in ARCHITECTURE.md. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("spi", Set.of()),
            Map.entry("adf", Set.of()),
            Map.entry("metrics", Set.of()),
            Map.entry("auth", Set.of()),
            Map.entry("client", Set.of("auth", "spi")),
            Map.entry("auth.oauth1", Set.of("auth", "client")),
            Map.entry("auth.oauth2", Set.of("auth", "client", "spi")),
            Map.entry("store", Set.of("spi")),
            Map.entry("connection", Set.of("auth", "auth.oauth1", "auth.oauth2", "client", "metrics", "spi")),
            Map.entry("health", Set.of("connection", "client", "spi", "webhook")),
            Map.entry("console", Set.of("connection", "client", "spi", "webhook")),
            Map.entry("operation", Set.of("client", "auth", "auth.oauth2", "adf", "gdpr", "spi", "store")),
            Map.entry("webhook", Set.of("client", "metrics", "spi", "store")),
            Map.entry("deadletter", Set.of("client", "store")),
            Map.entry("polling", Set.of("client", "spi")),
            Map.entry("gdpr", Set.of("client", "metrics", "spi")));
    /** The packages that must not even use the root package: what users implement, and self-contained helpers. */
    private static final Set<String> INDEPENDENT = Set.of("spi", "adf", "metrics");

    @Test
    void subPackagesFormADagAndUseOnlyThePackagesBelowThem() {
        Map<String, Set<String>> uses = subPackageDependencies();

        assertThat(uses).as("jdeps found the component's packages").containsKeys("client", "connection", "operation");
        assertThat(cycle(uses)).as("a cycle among sub-packages").isEmpty();
        List<String> unexpected = new ArrayList<>();
        uses.forEach((from, targets) -> targets.stream()
                .filter(to -> !(to.equals(ROOT) ? !INDEPENDENT.contains(from)
                        : ALLOWED.getOrDefault(from, Set.of()).contains(to)))
                .forEach(to -> unexpected.add(from + " -> " + to)));
        assertThat(unexpected).as("dependencies outside the layers of ARCHITECTURE.md").isEmpty();
        assertThat(ALLOWED.keySet()).as("every sub-package has its place in the layers").containsAll(uses.keySet());
    }

    /** Sub-package (relative name) to the sub-packages and root package it uses, from jdeps. */
    private static Map<String, Set<String>> subPackageDependencies() {
        Path classes = Path.of(JiraqComponent.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        StringWriter out = new StringWriter();
        int exit = jdeps.run(new PrintWriter(out), new PrintWriter(out), "-verbose:package", "-e",
                "org\\.jiraq\\.camel.*", classes.toString());
        assertThat(exit).as(out.toString()).isZero();
        Map<String, Set<String>> uses = new TreeMap<>();
        for (String line : out.toString().split("\\R")) {
            Matcher edge = EDGE.matcher(line);
            if (edge.find() && !edge.group(1).equals(ROOT) && !edge.group(1).equals(edge.group(2))) {
                uses.computeIfAbsent(relative(edge.group(1)), p -> new TreeSet<>())
                        .add(edge.group(2).equals(ROOT) ? ROOT : relative(edge.group(2)));
            }
        }
        return uses;
    }

    private static String relative(String pkg) {
        return pkg.substring(ROOT.length() + 1);
    }

    /** A cycle among the sub-packages, as the path that closes it, or empty. */
    private static List<String> cycle(Map<String, Set<String>> uses) {
        Map<String, Integer> state = new TreeMap<>();
        for (String start : uses.keySet()) {
            List<String> found = visit(start, uses, state, new ArrayList<>());
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    private static List<String> visit(String pkg, Map<String, Set<String>> uses, Map<String, Integer> state,
                                      List<String> path) {
        Integer seen = state.get(pkg);
        if (seen != null) {
            return seen == 1 ? List.copyOf(path.subList(path.indexOf(pkg), path.size())) : List.of();
        }
        state.put(pkg, 1);
        path.add(pkg);
        for (String next : uses.getOrDefault(pkg, Set.of())) {
            if (!next.equals(ROOT)) {
                List<String> found = visit(next, uses, state, path);
                if (!found.isEmpty()) {
                    return found;
                }
            }
        }
        path.remove(path.size() - 1);
        state.put(pkg, 2);
        return List.of();
    }
}
