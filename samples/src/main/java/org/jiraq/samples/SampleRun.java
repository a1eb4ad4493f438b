package org.jiraq.samples;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.main.Main;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.simulator.JiraSimulator;

/**
 * One running sample: Camel Main with the demo route (or the YAML route files it was given) and its management server,
 * on the Jira the environment names or on an embedded simulator. Closing it stops both.
 */
public final class SampleRun implements AutoCloseable {

    static final int DEFAULT_MANAGEMENT_PORT = 9876;
    /** Where routes given as files serve HTTP (jiraq:webhook, platform-http), unless SAMPLE_HTTP_PORT says otherwise. */
    static final int DEFAULT_HTTP_PORT = 8080;

    private final JiraSimulator simulator;
    private final Map<String, String> properties;
    private final boolean yaml;
    private final List<Path> routes;
    private final int managementPort;
    private final int httpPort;
    private final Main main = new Main();

    private SampleRun(Map<String, String> env, boolean yaml, List<Path> routes) {
        this.yaml = yaml;
        this.routes = List.copyOf(routes);
        this.managementPort = Integer.parseInt(
                env.getOrDefault("SAMPLE_MANAGEMENT_PORT", Integer.toString(DEFAULT_MANAGEMENT_PORT)));
        this.httpPort = Integer.parseInt(env.getOrDefault("SAMPLE_HTTP_PORT", Integer.toString(DEFAULT_HTTP_PORT)));
        Map<String, String> site;
        if (JiraConnection.configured(env)) {
            simulator = null;
            site = JiraConnection.properties(env);
        } else {
            simulator = JiraSimulator.builder().flavour(JiraSimulator.Flavour.CLOUD).start();
            site = simulatorProperties(simulator);
        }
        properties = new LinkedHashMap<>(site);
        if (!routes.isEmpty() && !env.containsKey("JIRA_STORE_URL")) {
            // a throwaway store: trying routes out, a webhook delivery sent again after a restart is delivered again
            properties.put(JiraConnection.PREFIX + "storeUrl", "jdbc:h2:mem:sample");
        }
    }

    /** Starts Camel Main with the demo route (and the simulator when no Jira is configured). */
    public static SampleRun start(Map<String, String> env, boolean yaml) throws Exception {
        return start(env, yaml, List.of());
    }

    /**
     * Starts Camel Main with the given YAML route files instead of the demo (and the simulator when no Jira is
     * configured), its HTTP server on SAMPLE_HTTP_PORT (8080) for webhooks.
     */
    public static SampleRun start(Map<String, String> env, List<Path> routes) throws Exception {
        return start(env, true, routes);
    }

    private static SampleRun start(Map<String, String> env, boolean yaml, List<Path> routes) throws Exception {
        for (Path file : routes) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("No route file " + file.toAbsolutePath());
            }
        }
        SampleRun run = new SampleRun(env, yaml, routes);
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
        if (!routes.isEmpty()) {
            main.addInitialProperty("camel.server.enabled", "true");
            main.addInitialProperty("camel.server.port", Integer.toString(httpPort));
            main.configure().withRoutesIncludePattern(routes.stream()
                    .map(file -> "file:" + file.toAbsolutePath()).collect(Collectors.joining(",")));
        } else if (yaml) {
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
        return new DemoResult(site(), simulator != null, yaml ? "YAML" : "Java",
                done.getMessage().getHeader(JiraqConstants.ISSUE_KEY, String.class),
                done.getMessage().getHeader(JiraqConstants.COMMENT_ID, String.class),
                done.getMessage().getHeader(JiraqConstants.JQL, String.class),
                done.getMessage().getBody(List.class));
    }

    /** The routes' CamelContext, to send messages into them. */
    public CamelContext context() {
        return main.getCamelContext();
    }

    /** The Jira the routes work on: the simulator's URL, or JIRA_BASE_URL. */
    public String site() {
        return properties.get(JiraConnection.PREFIX + "baseUrl");
    }

    /** Where routes given as files serve HTTP. */
    public URI httpUrl() {
        return URI.create("http://localhost:" + httpPort);
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
