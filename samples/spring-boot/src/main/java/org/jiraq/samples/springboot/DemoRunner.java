package org.jiraq.samples.springboot;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.stereotype.Component;

/** Runs the demo route once when the application has started and prints what it did and what the actuator says. */
@Component
public class DemoRunner implements ApplicationRunner {

    private final ProducerTemplate producer;
    private final HealthEndpoint health;

    public DemoRunner(ProducerTemplate producer, HealthEndpoint health) {
        this.producer = producer;
        this.health = health;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        Exchange done = producer.request("direct:demo", exchange -> {
        });
        if (done.getException() != null) {
            throw done.getException();
        }
        String key = done.getMessage().getHeader("CamelJiraqIssueKey", String.class);
        List<?> found = done.getMessage().getBody(List.class);
        System.out.println("Created issue " + key);
        System.out.println("Search \"" + done.getMessage().getHeader("CamelJiraqJql") + "\" found " + found.size()
                           + " issue(s); " + key + " is " + status(found));
        HealthComponent overall = health.health();
        Health camel = (Health) ((CompositeHealth) overall).getComponents().get("camelHealth");
        System.out.println("Health: " + overall.getStatus() + " (" + camel.getDetails().entrySet().stream()
                .filter(check -> check.getKey().startsWith("producer:jiraq-") && !check.getKey().endsWith(".data"))
                .map(check -> check.getKey() + " " + check.getValue()).collect(Collectors.joining(", ")) + ")");
    }

    private static Object status(List<?> found) {
        return found.isEmpty() ? "missing"
                : ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) found.get(0)).get("fields")).get("status")).get("name");
    }
}
