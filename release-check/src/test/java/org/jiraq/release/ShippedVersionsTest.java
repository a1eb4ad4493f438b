package org.jiraq.release;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only the poms name the project's version. Every other file that names a camel-jira-q artifact with a version leaves
 * the version to the build ({@code @project.version@}, filled in when the resources are built) or, in documentation
 * for users, to the reader ({@code x.x.x}, as Apache Camel's own pages do); the built Kamelets name exactly the
 * version being built.
 */
class ShippedVersionsTest {

    private static final Path ROOT = Path.of(System.getProperty("project.root"));
    private static final String VERSION = System.getProperty("project.version");
    private static final Set<String> NOT_SOURCES = Set.of("target", ".git", "data", ".idea", ".vscode", "generated");
    /** A camel-jira-q coordinate with its version: a Maven URI or Gradle notation, a pom snippet, a Kamelet's catalog version. */
    private static final List<Pattern> COORDINATES = List.of(
            Pattern.compile("mvn:org\\.jiraq:[\\w.-]+:([^\"'\\s]+)"),
            Pattern.compile("org\\.jiraq:[\\w.-]+:(\\d[^\"'\\s:]*)"),
            Pattern.compile("<groupId>org\\.jiraq</groupId>\\s*<artifactId>[\\w.-]+</artifactId>\\s*<version>([^<]+)</version>"),
            Pattern.compile("camel\\.apache\\.org/catalog\\.version: \"([^\"]+)\""));

    @Test
    void noFileButThePomsNamesTheProjectVersion() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path file : sourceFiles()) {
            String text;
            try {
                text = Files.readString(file);
            } catch (MalformedInputException binary) {
                continue;
            }
            for (Pattern coordinate : COORDINATES) {
                Matcher version = coordinate.matcher(text);
                while (version.find()) {
                    String named = version.group(1);
                    if (!named.equals("@project.version@") && !named.equals("x.x.x") && !named.startsWith("${")) {
                        offenders.add(ROOT.relativize(file) + ": " + version.group());
                    }
                }
            }
        }

        assertThat(offenders).as("files naming a version the build does not fill in").isEmpty();
    }

    @Test
    void theBuiltKameletsNameTheVersionBeingBuilt() throws IOException {
        Path kamelets = ROOT.resolve("routes/target/classes/kamelets");
        try (Stream<Path> files = Files.list(kamelets)) {
            assertThat(files.toList()).isNotEmpty().allSatisfy(kamelet -> assertThat(Files.readString(kamelet))
                    .contains("mvn:org.jiraq:camel-jira-q:" + VERSION + "\"")
                    .contains("camel.apache.org/catalog.version: \"" + VERSION + "\"")
                    .doesNotContain("@project.version@"));
        }
    }

    private static List<Path> sourceFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(ROOT)) {
            walk.filter(Files::isRegularFile)
                    .filter(f -> notExcluded(ROOT.relativize(f)))
                    .filter(f -> !f.getFileName().toString().matches("pom\\.xml|\\.flattened-pom\\.xml"))
                    .filter(f -> !f.getFileName().toString().equals("CHANGELOG.md"))
                    .filter(f -> !f.getFileName().toString().endsWith(".jar"))
                    .forEach(files::add);
        }
        return files;
    }

    private static boolean notExcluded(Path relative) {
        for (Path part : relative) {
            if (NOT_SOURCES.contains(part.toString())) {
                return false;
            }
        }
        return true;
    }
}
