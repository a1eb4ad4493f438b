package org.jiraq.samples;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.routes.OAuth2ConnectRoutes;
import org.jiraq.simulator.JiraSimulator;

/**
 * One running sample: Camel Main with the demo route and its management server, on the Jira the environment names or
 * on an embedded simulator. Closing it stops both.
 */
public final class SampleRun implements AutoCloseable {

    static final int DEFAULT_MANAGEMENT_PORT = 9876;
    static final int DEFAULT_HTTP_PORT = 8080;
    static final String CONNECT_PATH = "/jira";
    private static final String CALLBACK = "/callback";

    private final JiraSimulator simulator;
    private final Map<String, String> properties;
    private final boolean yaml;
    private final int managementPort;
    private final URI connectUrl;
    private final CountDownLatch connected = new CountDownLatch(1);
    private final Main main = new Main();

    private SampleRun(Map<String, String> env, boolean yaml) {
        this.yaml = yaml;
        this.managementPort = Integer.parseInt(
                env.getOrDefault("SAMPLE_MANAGEMENT_PORT", Integer.toString(DEFAULT_MANAGEMENT_PORT)));
        if (JiraConnection.configured(env)) {
            simulator = null;
            Map<String, String> configured = new LinkedHashMap<>(JiraConnection.properties(env));
            if (JiraConnection.connectMode(env)) {
                // serve the consent routes on Camel Main's HTTP server; the redirect URI registered with the OAuth
                // app must point at their callback
                int httpPort = Integer.parseInt(env.getOrDefault("SAMPLE_HTTP_PORT", Integer.toString(DEFAULT_HTTP_PORT)));
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
            properties = Map.copyOf(configured);
        } else {
            connectUrl = null;
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
