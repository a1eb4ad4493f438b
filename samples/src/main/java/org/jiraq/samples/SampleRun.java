package org.jiraq.samples;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.main.Main;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.simulator.JiraSimulator;

/**
 * One running sample: Camel Main with the demo route and its management server, on the Jira the environment names or
 * on an embedded simulator. Closing it stops both.
 */
public final class SampleRun implements AutoCloseable {

    static final int DEFAULT_MANAGEMENT_PORT = 9876;

    private final JiraSimulator simulator;
    private final Map<String, String> properties;
    private final boolean yaml;
    private final int managementPort;
    private final Main main = new Main();

    private SampleRun(Map<String, String> env, boolean yaml) {
        this.yaml = yaml;
        this.managementPort = Integer.parseInt(
                env.getOrDefault("SAMPLE_MANAGEMENT_PORT", Integer.toString(DEFAULT_MANAGEMENT_PORT)));
        if (JiraConnection.configured(env)) {
            simulator = null;
            properties = JiraConnection.properties(env);
        } else {
            simulator = JiraSimulator.builder().flavour(JiraSimulator.Flavour.CLOUD).start();
            properties = simulatorProperties(simulator);
        }
    }

    /** Starts Camel Main (and the simulator when no Jira is configured). */
    public static SampleRun start(Map<String, String> env, boolean yaml) throws Exception {
        SampleRun run = new SampleRun(env, yaml);
        try {
            run.startMain();
            return run;
        } catch (Exception e) {
            run.close();
            throw e;
        }
    }

    private void startMain() throws Exception {
        properties.forEach(main::addInitialProperty);
        main.addInitialProperty("camel.management.port", Integer.toString(managementPort));
        if (yaml) {
            main.configure().withRoutesIncludePattern("classpath:routes/demo.camel.yaml");
        } else {
            main.configure().addRoutesBuilder(new DemoRoutes());
        }
        main.start();
    }

    /** Runs the demo route once and returns what happened. */
    public DemoResult demo() throws Exception {
        Exchange done = main.getCamelContext().createProducerTemplate().request("direct:demo", e -> {
        });
        if (done.getException() != null) {
            throw done.getException();
        }
        return new DemoResult(properties.get(JiraConnection.PREFIX + "baseUrl"), simulator != null, yaml ? "YAML" : "Java",
                done.getMessage().getHeader(JiraqConstants.ISSUE_KEY, String.class),
                done.getMessage().getHeader(JiraqConstants.COMMENT_ID, String.class),
                done.getMessage().getHeader(JiraqConstants.JQL, String.class),
                done.getMessage().getBody(List.class));
    }

    /** Where the management server listens: /observe/health, /observe/metrics and /q/dev are below it. */
    public URI managementUrl() {
        return URI.create("http://localhost:" + managementPort);
    }

    /** The embedded simulator, or null when the sample works on a real Jira. */
    public JiraSimulator simulator() {
        return simulator;
    }

    @Override
    public void close() {
        main.stop();
        if (simulator != null) {
            simulator.close();
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
