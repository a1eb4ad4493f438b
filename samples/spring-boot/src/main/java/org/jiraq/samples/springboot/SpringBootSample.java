package org.jiraq.samples.springboot;

import java.util.ArrayList;
import java.util.List;

import org.jiraq.simulator.JiraSimulator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The demo integration on Spring Boot: the jiraq starter binds camel.component.jiraq.* from application.properties,
 * the demo route runs once on start ({@link DemoRunner}) and the actuator serves the Jira connection's health. Without
 * JIRA_BASE_URL it works on a simulator it starts; with SAMPLE_KEEP_RUNNING=true it keeps serving /actuator/health.
 */
@SpringBootApplication
public class SpringBootSample {

    public static void main(String[] args) {
        List<String> arguments = new ArrayList<>(List.of(args));
        JiraSimulator simulator = null;
        String jira = System.getenv("JIRA_BASE_URL");
        if (jira == null || jira.isBlank()) {
            simulator = JiraSimulator.builder().flavour(JiraSimulator.Flavour.CLOUD).start();
            arguments.add("--camel.component.jiraq.base-url=" + simulator.baseUrl());
            arguments.add("--camel.component.jiraq.deployment=cloud");
            arguments.add("--camel.component.jiraq.username=" + JiraSimulator.DEFAULT_USER);
            arguments.add("--camel.component.jiraq.api-token=" + JiraSimulator.DEFAULT_API_TOKEN);
        }
        int exitCode = 0;
        try {
            ConfigurableApplicationContext context = SpringApplication.run(SpringBootSample.class,
                    arguments.toArray(String[]::new));
            if (Boolean.parseBoolean(System.getenv("SAMPLE_KEEP_RUNNING"))) {
                return;
            }
            exitCode = SpringApplication.exit(context);
        } catch (RuntimeException e) {
            System.err.println("The sample failed: " + e.getMessage());
            exitCode = 1;
        }
        if (simulator != null) {
            simulator.close();
        }
        System.exit(exitCode);
    }
}
