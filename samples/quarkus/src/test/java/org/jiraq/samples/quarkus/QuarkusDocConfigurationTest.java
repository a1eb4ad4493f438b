package org.jiraq.samples.quarkus;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.jiraq.simulator.JiraSimulator;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The configuration of the Quarkus page (example {@code quarkus-properties} of jiraq-quarkus.adoc), read from the page
 * and given to the application over the sample's own: the page's routes run, the context has the page's name, and
 * /q/health/ready shows the producer checks, the Jira connection's among them, UP. Only the site is the simulator's;
 * the API token comes from the variable the page names. What the page does not set stays at Camel's default, so a
 * setting the page forgets cannot be filled in by the sample's application.properties.
 */
@QuarkusTest
@TestProfile(QuarkusDocConfigurationTest.ThePagesConfiguration.class)
class QuarkusDocConfigurationTest {

    private static final Path PAGE = Path.of("../../camel-jira-q-component/src/main/docs/jiraq-quarkus.adoc");
    private static final String EXAMPLE = "quarkus-properties";
    private static final String SITE = "camel.component.jiraq.base-url";

    /** The page's properties, with Camel's defaults for what the sample sets and the page does not. */
    public static final class ThePagesConfiguration implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>();
            config.put("camel.health.producers-enabled", "false");
            Properties page = page();
            page.stringPropertyNames().stream().filter(name -> !name.equals(SITE))
                    .forEach(name -> config.put(name, page.getProperty(name).trim()));
            return config;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ThePagesSite.class));
        }
    }

    /** A Jira Cloud simulator with the page's user, standing in for the page's site. */
    public static final class ThePagesSite implements QuarkusTestResourceLifecycleManager {

        static JiraSimulator jira;

        @Override
        public Map<String, String> start() {
            jira = JiraSimulator.builder().flavour(JiraSimulator.Flavour.CLOUD)
                    .user(page().getProperty("camel.component.jiraq.username").trim(), "token-of-bot").start();
            // the variable the page reads its API token from, as the environment would give it
            return Map.of(SITE, jira.baseUrl(), "camel.component.jiraq.deployment", "cloud", "JIRA_API_TOKEN", "token-of-bot",
                    "camel.component.jiraq.store-url", "jdbc:h2:file:./target/jiraq-store/quarkus-doc-configuration");
        }

        @Override
        public void stop() {
            jira.close();
        }
    }

    @Inject
    CamelContext camel;
    @Inject
    ProducerTemplate producer;

    @Test
    void thePagesConfigurationRunsTheRoutesAndHealthShowsTheConnection() {
        Exchange done = producer.request("direct:demo", exchange -> {
        });

        assertThat(done.getException()).isNull();
        assertThat(camel.getName()).isEqualTo(page().getProperty("camel.main.name").trim());
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'camel-producers' }.status", equalTo("UP"));
        HealthCheck.Result jira = HealthCheckRegistry.get(camel)
                .getCheck("producer:jiraq-localhost:" + ThePagesSite.jira.port()).orElseThrow().call();
        assertThat(jira.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(jira.getDetails()).containsEntry("auth.strategy", "apiToken");
        ThePagesSite.jira.assertNoContractViolations();
    }

    /** The properties of the example {@value #EXAMPLE} on the page. */
    static Properties page() {
        try {
            Matcher block = Pattern.compile("// example: " + Pattern.quote(EXAMPLE)
                                            + "\n\\[source,properties\\]\n----\n(.*?)\n----\n", Pattern.DOTALL)
                    .matcher(Files.readString(PAGE));
            assertThat(block.find()).as("example " + EXAMPLE + " on " + PAGE).isTrue();
            Properties page = new Properties();
            page.load(new StringReader(block.group(1)));
            return page;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
