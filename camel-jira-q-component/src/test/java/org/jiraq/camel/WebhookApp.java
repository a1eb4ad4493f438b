package org.jiraq.camel;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Consumer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.test.AvailablePortFinder;
import org.jiraq.simulator.JiraSimulator;

/**
 * A Camel application as users run it: platform-http on a port of its own (Vert.x, as on Camel Main), and the jiraq
 * component connected to a simulator through its component options, its store in a directory of the test's. A test may
 * start several in turn on the same port, to show what survives a restart. The routes module's tests use it too.
 */
public final class WebhookApp implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final CamelContext context;

    private WebhookApp(CamelContext context) {
        this.context = context;
    }

    public static int freePort() {
        return AvailablePortFinder.getNextAvailable();
    }

    /**
     * Starts the application; when the port is not free yet (the previous run's server is still letting go of it),
     * tries again for a few seconds, since Vert.x only logs a failed bind.
     */
    public static WebhookApp start(JiraSimulator sim, int port, Path store, RoutesBuilder... routes) throws Exception {
        // the component's store (webhook identifiers, positions) in an H2 file that outlives each application
        return start(sim, port, "jdbc:h2:file:" + store.resolve("jiraq"), routes);
    }

    /** Starts the application on the store database at {@code storeUrl}, which replicas may share. */
    public static WebhookApp start(JiraSimulator sim, int port, String storeUrl, RoutesBuilder... routes) throws Exception {
        return start(sim, port, storeUrl, config -> {
        }, routes);
    }

    /** Starts the application with the component options {@code configure} sets over the simulator's defaults. */
    public static WebhookApp start(JiraSimulator sim, int port, String storeUrl, Consumer<JiraqConfiguration> configure,
                            RoutesBuilder... routes) throws Exception {
        return start(sim.baseUrl(), sim.flavour(), port, storeUrl, context -> configure.accept(
                context.getComponent("jiraq", JiraqComponent.class).getConfiguration()), routes);
    }

    /** Starts the application after {@code beforeStart} has prepared its context (beans, options). */
    public static WebhookApp startPrepared(JiraSimulator sim, int port, String storeUrl, Consumer<CamelContext> beforeStart,
                                    RoutesBuilder... routes) throws Exception {
        return start(sim.baseUrl(), sim.flavour(), port, storeUrl, beforeStart, routes);
    }

    /** Starts the application on a simulator known only by its address, as one in another process is. */
    public static WebhookApp start(String jiraUrl, JiraSimulator.Flavour flavour, int port, String storeUrl,
                            Consumer<CamelContext> beforeStart, RoutesBuilder... routes) throws Exception {
        for (int attempt = 1; ; attempt++) {
            VertxPlatformHttpServerConfiguration config = new VertxPlatformHttpServerConfiguration();
            config.setBindPort(port);
            PortOpenedLast server = new PortOpenedLast(config);
            CamelContext context = create(jiraUrl, flavour, server, storeUrl, beforeStart, routes);
            if (server.getPort() == port) {
                return new WebhookApp(context);
            }
            context.stop();
            if (attempt == 25) {
                throw new IllegalStateException("Port " + port + " stays taken");
            }
            Thread.sleep(200);
        }
    }

    private static CamelContext create(String jiraUrl, JiraSimulator.Flavour flavour, PortOpenedLast server,
                                       String storeUrl, Consumer<CamelContext> beforeStart, RoutesBuilder... routes)
            throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.addService(server);
        // the routes find the server's port here while it is not listening yet
        context.getRegistry().bind("platformHttpServerConfiguration", server.configuration());
        JiraqComponent jiraq = new JiraqComponent();
        JiraqConfiguration config = jiraq.getConfiguration();
        config.setBaseUrl(jiraUrl);
        if (flavour == JiraSimulator.Flavour.CLOUD) {
            config.setDeployment(JiraqDeployment.cloud);
            config.setUsername(JiraSimulator.DEFAULT_USER);
            config.setApiToken(JiraSimulator.DEFAULT_API_TOKEN);
        } else {
            config.setDeployment(JiraqDeployment.datacenter);
            config.setPersonalAccessToken(JiraSimulator.DEFAULT_PAT);
        }
        config.setRetryDelay(10);
        config.setMaxRetryDelay(50);
        jiraq.setStoreUrl(storeUrl);
        context.addComponent("jiraq", jiraq);
        beforeStart.accept(context);
        for (RoutesBuilder builder : routes) {
            context.addRoutes(builder);
        }
        context.start();
        server.open();
        return context;
    }

    /**
     * The Vert.x server, opening its port only once the routes have registered their paths, as a readiness probe
     * lets traffic in on Kubernetes: one listening earlier answers 404 to Jira's deliveries meanwhile, and Jira does
     * not retry a 404.
     */
    private static final class PortOpenedLast extends VertxPlatformHttpServer {

        private final VertxPlatformHttpServerConfiguration configuration;
        private volatile boolean open;

        PortOpenedLast(VertxPlatformHttpServerConfiguration configuration) {
            super(configuration);
            this.configuration = configuration;
        }

        VertxPlatformHttpServerConfiguration configuration() {
            return configuration;
        }

        @Override
        protected void startServer() throws Exception {
            if (open) {
                super.startServer();
            }
        }

        void open() throws Exception {
            open = true;
            super.startServer();
        }
    }

    public static String url(int port, String path) {
        return "http://localhost:" + port + path;
    }

    public CamelContext context() {
        return context;
    }

    public ProducerTemplate template() {
        return context.createProducerTemplate();
    }

    /** POSTs a body with the given headers, as Jira (or someone pretending to be Jira) would. */
    public static HttpResponse<String> post(String url, byte[] body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The hex HMAC-SHA256 of {@code body}, as Jira signs an admin webhook in X-Hub-Signature (after "sha256="). */
    public static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    @Override
    public void close() {
        context.stop();
    }

    /** A test's teardown: the application (when started) and the simulator stop; what broke the contract fails it. */
    public static void stop(WebhookApp app, JiraSimulator sim) {
        if (app != null) {
            app.close();
        }
        if (sim != null) {
            try {
                sim.assertNoContractViolations();
            } finally {
                sim.close();
            }
        }
    }
}
