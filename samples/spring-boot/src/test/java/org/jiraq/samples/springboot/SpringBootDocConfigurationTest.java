package org.jiraq.samples.springboot;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.CamelContext;
import org.jiraq.camel.JiraqComponent;
import org.jiraq.camel.spi.TokenStore;
import org.jiraq.camel.store.InMemoryTokenStore;
import org.jiraq.simulator.JiraSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration of the Spring Boot page (example {@code spring-boot-properties} of jiraq-spring-boot.adoc), read from
 * the page and given to an application as its only properties (the sample's application.properties is left out, so it
 * cannot fill in what the page forgets). Only the site is the simulator's; the API token comes from the variable the
 * page names. The component gets the token store bean the page names, and the actuator's health shows the Jira
 * connection with its details, as the page says.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = "spring.config.name=no-application-properties")
@Import(SpringBootDocConfigurationTest.Application.class)
class SpringBootDocConfigurationTest {

    private static final Path PAGE = Path.of("../../camel-jira-q-component/src/main/docs/jiraq-spring-boot.adoc");
    private static JiraSimulator jira;

    @DynamicPropertySource
    static void thePagesProperties(DynamicPropertyRegistry registry) throws IOException {
        Properties page = new Properties();
        page.load(new StringReader(example("spring-boot-properties")));
        jira = JiraSimulator.builder().flavour(JiraSimulator.Flavour.CLOUD)
                .user(page.getProperty("camel.component.jiraq.username").trim(), "token-of-bot").start();
        page.stringPropertyNames().forEach(name -> registry.add(name, () -> page.getProperty(name).trim()));
        registry.add("JIRA_API_TOKEN", () -> "token-of-bot");
        registry.add("camel.component.jiraq.base-url", jira::baseUrl);
        registry.add("camel.component.jiraq.deployment", () -> "cloud");
        registry.add("camel.component.jiraq.store-url", () -> "jdbc:h2:file:./target/jiraq-store/doc-configuration");
        // the sample's demo route, which its DemoRunner runs once on start: a route that calls Jira
        registry.add("camel.main.routes-include-pattern", () -> "classpath:routes/demo.camel.yaml");
    }

    @AfterAll
    static void stopJira() {
        jira.close();
    }

    /** The bean of the user's application that the page binds: the token store. */
    @TestConfiguration
    static class Application {

        @Bean
        TokenStore myTokenStore() {
            return new InMemoryTokenStore();
        }
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    CamelContext camel;

    @Autowired
    TokenStore myTokenStore;

    @Test
    void thePagesConfigurationConnectsAndTheActuatorShowsTheConnection() {
        assertThat(camel.getComponent("jiraq", JiraqComponent.class).getConfiguration().getTokenStore())
                .isSameAs(myTokenStore);
        JsonNode health = http.getForObject("/actuator/health", JsonNode.class);
        String check = "/components/camelHealth/details/producer:jiraq-localhost:" + jira.port();
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.at(check).asText()).isEqualTo("UP");
        assertThat(health.at(check + ".data/auth.strategy").asText()).isEqualTo("apiToken");
        jira.assertNoContractViolations();
    }

    /** The code of the example tagged {@code // example: <id>} on the page. */
    private static String example(String id) throws IOException {
        Matcher block = Pattern.compile("// example: " + Pattern.quote(id) + "\n\\[source,\\w+\\]\n----\n(.*?)\n----\n",
                Pattern.DOTALL).matcher(Files.readString(PAGE));
        assertThat(block.find()).as("example " + id + " on " + PAGE).isTrue();
        return block.group(1);
    }
}
