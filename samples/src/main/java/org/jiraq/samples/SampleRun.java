package org.jiraq.samples;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.routes.OAuth2ConnectRoutes;
import org.jiraq.simulator.JiraSimulator;

/**
 * One running sample: Camel Main with the demo route (or the YAML route files it was given) and its management server,
 * on the Jira the environment names or on an embedded simulator. Closing it stops both.
 */
public final class SampleRun implements AutoCloseable {

    static final int DEFAULT_MANAGEMENT_PORT = 9876;
    /** Where routes given as files, and connect mode, serve HTTP, unless SAMPLE_HTTP_PORT says otherwise. */
    static final int DEFAULT_HTTP_PORT = 8080;
    static final String CONNECT_PATH = "/jira";
    private static final String CALLBACK = "/callback";

    private final JiraSimulator simulator;
    private final Map<String, String> properties;
    private final boolean yaml;
    private final List<Path> routes;
    private final int managementPort;
    private final int httpPort;
    private final URI connectUrl;
    private final CountDownLatch connected = new CountDownLatch(1);
    private final Main main = new Main();

    private SampleRun(Map<String, String> env, boolean yaml, List<Path> routes) {
        this.yaml = yaml;
        this.routes = List.copyOf(routes);
        this.managementPort = Integer.parseInt(
                env.getOrDefault("SAMPLE_MANAGEMENT_PORT", Integer.toString(DEFAULT_MANAGEMENT_PORT)));
        this.httpPort = Integer.parseInt(env.getOrDefault("SAMPLE_HTTP_PORT", Integer.toString(DEFAULT_HTTP_PORT)));
        Map<String, String> configured;
        if (JiraConnection.configured(env)) {
            simulator = null;
            configured = new LinkedHashMap<>(JiraConnection.properties(env));
            if (JiraConnection.connectMode(env)) {
                // serve the consent routes on Camel Main's HTTP server; the redirect URI registered with the OAuth
                // app must point at their callback
                String callback = configured.computeIfAbsent(JiraConnection.PREFIX + "redirectUri",
                        option -> "http://localhost:" + httpPort + CONNECT_PATH + CALLBACK);
                if (!callback.endsWith(CONNECT_PATH + CALLBACK)) {
                    throw new IllegalArgumentException("JIRA_REDIRECT_URI must end with " + CONNECT_PATH + CALLBACK
                                                       + ", the path the sample serves the OAuth 2.0 callback on");
                }
                configured.put("camel.server.enabled", "true");
                configured.put("camel.server.port", Integer.toString(httpPort));
                connectUrl = URI.create(callback.substring(0, callback.length() - CALLBACK.length()) + "/connect");
            } else {
                connectUrl = null;
            }
        } else {
            connectUrl = null;
            simulator = JiraSimulator.builder().flavour(JiraSimulator.Flavour.CLOUD).start();
            configured = new LinkedHashMap<>(simulatorProperties(simulator));
        }
        if (!routes.isEmpty()) {
            configured.put("camel.server.enabled", "true");
            configured.put("camel.server.port", Integer.toString(httpPort));
            if (!env.containsKey("JIRA_STORE_URL")) {
                // a throwaway store: trying routes out, a webhook delivery sent again after a restart is delivered again
                configured.put(JiraConnection.PREFIX + "storeUrl", "jdbc:h2:mem:sample");
            }
        }
        properties = Map.copyOf(configured);
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
            main.configure().withRoutesIncludePattern(routes.stream()
                    .map(file -> "file:" + file.toAbsolutePath()).collect(Collectors.joining(",")));
        } else if (yaml) {
            main.configure().withRoutesIncludePattern("classpath:routes/demo.camel.yaml");
        } else {
            main.configure().addRoutesBuilder(new DemoRoutes());
        }
        if (connectUrl != null) {
            main.configure().addRoutesBuilder(new OAuth2ConnectRoutes());
            main.configure().addRoutesBuilder(new RouteBuilder() {
                @Override
                public void configure() {
                    templatedRoute(OAuth2ConnectRoutes.OAUTH2_CONNECT).parameter("path", CONNECT_PATH)
                            .parameter("connected", "direct:jira-connected");
                    from("direct:jira-connected").process(exchange -> connected.countDown());
                }
            });
        }
        main.start();
    }

    /**
     * Where the user connects their Jira account (connect mode: OAuth 2.0 without a refresh token), or null when the
     * sample has its credentials already.
     */
    public URI connectUrl() {
        return connectUrl;
    }

    /** Waits until the user has connected their Jira account through {@link #connectUrl()}. */
    public void awaitConnected(Duration timeout) throws InterruptedException {
        if (connectUrl != null && !connected.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("Nobody connected a Jira account at " + connectUrl + " within " + timeout);
        }
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
