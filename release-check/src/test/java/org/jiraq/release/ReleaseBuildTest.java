package org.jiraq.release;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The release build as RELEASING.md gives it ({@code mvn -B -Prelease deploy -DaltDeploymentRepository=id::url}), run
 * on a copy of the sources with a file repository under target/ as the destination, then a separate consumer project
 * that knows camel-jira-q only from that repository builds and runs a route on it. Nothing is installed into the
 * build's local repository: the nested builds only read it.
 */
class ReleaseBuildTest {

    /** What users depend on; everything else (parent, samples, benchmarks, this check) stays unpublished. */
    static final List<String> PUBLISHED = List.of(
            "camel-jira-q", "camel-jira-q-routes", "camel-jira-q-spring-boot-starter", "jiraq-simulator",
            "camel-jira-q-test");
    static final String BOM = "camel-jira-q-bom";
    private static final Set<String> NOT_SOURCES = Set.of("target", ".git", "data", ".idea", ".vscode");
    private static final Path WORK = Path.of("target", "release-build").toAbsolutePath();
    private static final Path REPOSITORY = WORK.resolve("repository");
    private static final String VERSION = System.getProperty("project.version");

    @BeforeAll
    static void releaseToAFileRepository() throws Exception {
        delete(WORK);
        Path sources = WORK.resolve("sources");
        copySources(Path.of(System.getProperty("project.root")), sources);
        NestedMaven.run(sources, WORK.resolve("release.log"), "-B", "-Prelease", "deploy", "-DskipTests",
                "-Dmaven.install.skip=true", "-Dcamel.version=" + System.getProperty("camel.version"),
                "-Dmaven.repo.local=" + System.getProperty("build.local.repository"),
                "-DaltDeploymentRepository=jiraq-release::" + REPOSITORY.toUri(),
                "-pl", "camel-jira-q-component,routes,camel-jira-q-spring-boot-starter,simulator,camel-jira-q-test,camel-jira-q-bom",
                "-am");
    }

    @Test
    void everyPublishedModuleHasItsJarSourcesJavadocAndAFlattenedPom() throws IOException {
        for (String artifact : PUBLISHED) {
            Path dir = REPOSITORY.resolve("org/jiraq/" + artifact + "/" + VERSION);
            assertThat(files(dir)).as(artifact)
                    .anyMatch(name -> name.endsWith(".jar") && !name.endsWith("-sources.jar") && !name.endsWith("-javadoc.jar")
                                      && !name.endsWith("-tests.jar"))
                    .anyMatch(name -> name.endsWith("-sources.jar"))
                    .anyMatch(name -> name.endsWith("-javadoc.jar"));
            String pom = Files.readString(only(dir, ".pom"));
            assertThat(pom).as(artifact + " pom").doesNotContain("<parent>").doesNotContain("${")
                    .contains("<version>" + VERSION + "</version>");
        }
        try (JarFile javadoc = new JarFile(only(REPOSITORY.resolve("org/jiraq/camel-jira-q/" + VERSION), "-javadoc.jar").toFile())) {
            assertThat(javadoc.getEntry("org/jiraq/camel/JiraqComponent.html")).isNotNull();
        }
        assertThat(Files.exists(REPOSITORY.resolve("org/jiraq/camel-jira-q-parent"))).isFalse();
        assertThat(Files.exists(REPOSITORY.resolve("org/jiraq/camel-jira-q-samples"))).isFalse();
    }

    @Test
    void theBomPinsEveryPublishedModuleAndNothingElse() throws IOException {
        String bom = Files.readString(only(REPOSITORY.resolve("org/jiraq/" + BOM + "/" + VERSION), ".pom"));

        assertThat(bom).doesNotContain("<parent>").doesNotContain("<properties>");
        for (String artifact : PUBLISHED) {
            assertThat(bom).contains("<artifactId>" + artifact + "</artifactId>");
        }
        assertThat(bom.split("<dependency>", -1)).hasSize(PUBLISHED.size() + 1);
    }

    @Test
    void theReleasedKameletsNameTheReleasedComponent() throws IOException {
        try (JarFile routes = new JarFile(mainJar("camel-jira-q-routes").toFile())) {
            List<String> kamelets = routes.stream().map(e -> e.getName()).filter(n -> n.endsWith(".kamelet.yaml")).toList();
            assertThat(kamelets).isNotEmpty().allSatisfy(name -> {
                try (InputStream in = routes.getInputStream(routes.getEntry(name))) {
                    assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                            .contains("mvn:org.jiraq:camel-jira-q:" + VERSION + "\"");
                }
            });
        }
    }

    @Test
    void aSeparateProjectResolvesTheComponentFromTheReleaseRepositoryAndRunsARoute() throws Exception {
        Path consumer = WORK.resolve("consumer");
        Path consumerRepository = WORK.resolve("consumer-local-repository");
        Map<String, String> tokens = Map.of(
                "@jiraq.version@", VERSION,
                "@camel.version@", System.getProperty("camel.version"),
                "@release.repository@", REPOSITORY.toUri().toString(),
                "@build.local.repository@", Path.of(System.getProperty("build.local.repository")).toUri().toString());
        copyFilled(Path.of("src/test/consumer"), consumer, tokens);

        NestedMaven.run(consumer, WORK.resolve("consumer.log"), "-B", "-s", "settings.xml",
                "-Dmaven.repo.local=" + consumerRepository, "verify");

        assertThat(Files.readString(consumer.resolve(
                "target/surefire-reports/com.example.consumer.JiraRouteTest.txt"))).contains("Tests run: 1, Failures: 0, Errors: 0");
        Path resolved = consumerRepository.resolve("org/jiraq/camel-jira-q/" + VERSION);
        assertThat(Files.readString(resolved.resolve("_remote.repositories"))).as("resolved from the release repository")
                .contains(".jar>jiraq-release=");
        assertThat(sha256(only(resolved, VERSION + ".jar"))).as("the very jar that was released")
                .isEqualTo(sha256(mainJar("camel-jira-q")));
    }

    private static Path mainJar(String artifact) throws IOException {
        try (Stream<Path> files = Files.list(REPOSITORY.resolve("org/jiraq/" + artifact + "/" + VERSION))) {
            return files.filter(f -> f.toString().endsWith(".jar"))
                    .filter(f -> !f.toString().matches(".*-(sources|javadoc|tests)\\.jar")).findFirst().orElseThrow();
        }
    }

    private static Path only(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> matching = files.filter(f -> f.getFileName().toString().endsWith(suffix)).toList();
            assertThat(matching).as(suffix + " in " + dir).hasSize(1);
            return matching.get(0);
        }
    }

    private static List<String> files(Path dir) throws IOException {
        assertThat(dir).isDirectory();
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).toList();
        }
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /** The repository as a fresh clone has it: sources only, no build output. */
    private static void copySources(Path root, Path target) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(root) && NOT_SOURCES.contains(dir.getFileName().toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(target.resolve(root.relativize(dir)));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (!file.getFileName().toString().equals(".flattened-pom.xml")) {
                    Files.copy(file, target.resolve(root.relativize(file)), StandardCopyOption.COPY_ATTRIBUTES);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void copyFilled(Path template, Path target, Map<String, String> tokens) throws IOException {
        try (Stream<Path> files = Files.walk(template)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file);
                for (Map.Entry<String, String> token : tokens.entrySet()) {
                    text = text.replace(token.getKey(), token.getValue());
                }
                Path copy = target.resolve(template.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.writeString(copy, text);
            }
        }
    }

    private static void delete(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }
}
