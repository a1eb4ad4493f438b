package org.jiraq.samples;

import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.main.Main;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.simulator.JiraSimulator;

/**
 * The sample integration on Camel Main. With JIRA_BASE_URL set it works on that Jira; without it, it starts the
 * embedded simulator and works there. Runs the demo route once (Java DSL, or YAML DSL with {@code --yaml} or
 * SAMPLE_DSL=yaml), prints what happened, and exits.
 */
public final class SampleApplication {

    private SampleApplication() {
    }

    public static void main(String[] args) throws Exception {
        boolean yaml = List.of(args).contains("--yaml") || "yaml".equalsIgnoreCase(System.getenv("SAMPLE_DSL"));
        try {
            DemoResult result = run(System.getenv(), yaml);
            System.out.println(result.describe());
        } catch (Exception e) {
            System.err.println("The sample failed: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Runs the demo once and returns what happened. */
    public static DemoResult run(Map<String, String> env, boolean yaml) throws Exception {
        JiraSimulator simulator = null;
        Map<String, String> properties;
        if (JiraConnection.configured(env)) {
            properties = JiraConnection.properties(env);
        } else {
            simulator = JiraSimulator.builder().flavour(JiraSimulator.Flavour.CLOUD).start();
            properties = simulatorProperties(simulator);
        }
        Main main = new Main();
        try {
            properties.forEach(main::addInitialProperty);
            if (yaml) {
                main.configure().withRoutesIncludePattern("classpath:routes/demo.camel.yaml");
            } else {
                main.configure().addRoutesBuilder(new DemoRoutes());
            }
            main.start();
            CamelContext context = main.getCamelContext();
            Exchange done = context.createProducerTemplate().request("direct:demo", e -> {
            });
            if (done.getException() != null) {
                throw done.getException();
            }
            return new DemoResult(properties.get(JiraConnection.PREFIX + "baseUrl"), simulator != null, yaml ? "YAML" : "Java",
                    done.getMessage().getHeader(JiraqConstants.ISSUE_KEY, String.class),
                    done.getMessage().getHeader(JiraqConstants.COMMENT_ID, String.class),
                    done.getMessage().getHeader(JiraqConstants.JQL, String.class),
                    done.getMessage().getBody(List.class));
        } finally {
            main.stop();
            if (simulator != null) {
                simulator.close();
            }
        }
    }

    private static Map<String, String> simulatorProperties(JiraSimulator simulator) {
        return Map.of(
                JiraConnection.PREFIX + "baseUrl", simulator.baseUrl(),
                JiraConnection.PREFIX + "deployment", "cloud",
                JiraConnection.PREFIX + "username", JiraSimulator.DEFAULT_USER,
                JiraConnection.PREFIX + "apiToken", JiraSimulator.DEFAULT_API_TOKEN);
    }
}
