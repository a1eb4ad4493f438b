package org.jiraq.camel.springboot;

import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.ComponentCustomizer;
import org.jiraq.camel.JiraqComponent;
import org.jiraq.camel.JiraqConfiguration;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.JiraqDeployment;
import org.jiraq.camel.spi.TokenStore;
import org.jiraq.camel.store.InMemoryTokenStore;
import org.jiraq.simulator.JiraSimulator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring Boot application as a user writes it: the starter on the class path, the options in application.properties,
 * a route calling jiraq:, the actuator. The options reach the component, the route works against the simulator, and
 * the actuator's health shows the Jira connection.
 */
// an object option names a bean of the application
@SpringBootTest(classes = JiraqStarterTest.Application.class,
        properties = "camel.component.jiraq.token-store = #bean:applicationTokenStore")
class JiraqStarterTest extends SimulatedJira {

    @SpringBootApplication
    static class Application {

        @Bean
        RouteBuilder createAndSearch() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:create").to("jiraq:createIssue")
                            .setHeader(JiraqConstants.JQL, simple("key = ${header.CamelJiraqIssueKey}"))
                            .to("jiraq:searchIssues");
                }
            };
        }

        @Bean
        TokenStore applicationTokenStore() {
            return new InMemoryTokenStore();
        }

        /** The application's own customizer runs beside the starter's (which binds application.properties). */
        @Bean
        ComponentCustomizer applicationCustomizer() {
            return ComponentCustomizer.forType(JiraqComponent.class,
                    component -> component.getConfiguration().setMaxResults(77));
        }
    }

    @Autowired
    TokenStore applicationTokenStore;
    @Autowired
    CamelContext camel;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    HealthEndpoint health;

    @Test
    void optionsFromApplicationPropertiesReachTheComponent() {
        JiraqComponent component = camel.getComponent("jiraq", JiraqComponent.class);
        JiraqConfiguration configuration = component.getConfiguration();

        assertThat(configuration.getBaseUrl()).isEqualTo(jira.baseUrl());
        assertThat(configuration.getDeployment()).isEqualTo(JiraqDeployment.cloud);
        assertThat(configuration.getUsername()).isEqualTo(JiraSimulator.DEFAULT_USER);
        assertThat(configuration.getApiToken()).isEqualTo(JiraSimulator.DEFAULT_API_TOKEN);
        assertThat(configuration.getMaxRetries()).isEqualTo(2);
        assertThat(configuration.getConnectTimeout()).isEqualTo(4000L);
        assertThat(configuration.getPageSize()).isEqualTo(25);
        assertThat(configuration.getWebhookPath()).isEqualTo("/hooks/jira");
        assertThat(component.getStoreUrl()).startsWith("jdbc:h2:file:./target/jiraq-store/");
        assertThat(configuration.getTokenStore()).as("#bean:applicationTokenStore").isSameAs(applicationTokenStore);
        assertThat(configuration.getMaxResults()).as("set by the application's own customizer").isEqualTo(77);
    }

    @Test
    void theRouteWorksOnJiraWithTheBoundCredentials() {
        Exchange done = producer.request("direct:create", exchange -> {
            exchange.getMessage().setHeader(JiraqConstants.PROJECT_KEY, "DEMO");
            exchange.getMessage().setHeader(JiraqConstants.ISSUE_TYPE_NAME, "Task");
            exchange.getMessage().setHeader(JiraqConstants.SUMMARY, "Created from Spring Boot");
        });

        assertThat(done.getException()).isNull();
        String key = done.getMessage().getHeader(JiraqConstants.ISSUE_KEY, String.class);
        assertThat(key).startsWith("DEMO-");
        List<?> found = done.getMessage().getBody(List.class);
        assertThat(found).singleElement().satisfies(issue -> assertThat(((Map<?, ?>) issue).get("key")).isEqualTo(key));
        jira.assertNoContractViolations();
    }

    @Test
    void theActuatorHealthShowsTheJiraConnection() {
        producer.request("direct:create", exchange -> {
            exchange.getMessage().setHeader(JiraqConstants.PROJECT_KEY, "DEMO");
            exchange.getMessage().setHeader(JiraqConstants.ISSUE_TYPE_NAME, "Task");
            exchange.getMessage().setHeader(JiraqConstants.SUMMARY, "Health");
        });

        HealthComponent overall = health.health();
        assertThat(overall.getStatus()).isEqualTo(Status.UP);
        Health camelHealth = (Health) ((CompositeHealth) overall).getComponents().get("camelHealth");
        assertThat(camelHealth.getDetails()).hasEntrySatisfying(
                "producer:jiraq-localhost:" + jira.port(), status -> assertThat(status.toString()).isEqualTo("UP"));
    }
}
