package org.jiraq.samples.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.component.stub.StubComponent;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.PropertiesFunction;
import org.jiraq.simulator.JiraSimulator;

/**
 * An application as a user builds it from the documentation: Camel Main with the example's routes (Java or YAML) and
 * properties, pointed at the simulator. Endpoints of other systems the examples name (kafka:, sql:) are Camel stubs,
 * which queue what is sent to them and let a test send into them; what the routes log is kept.
 */
public final class ExampleApp implements AutoCloseable {

    private final Main main = new Main();
    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final int httpPort;
    private final Path workDir;

    private ExampleApp(Builder builder) throws Exception {
        this.workDir = builder.workDir;
        this.httpPort = freePort();
        // an example runs with its own configuration only, as in a user's project: not with the sample's
        // application.properties, which would also fill in what the example leaves out
        main.setDefaultPropertyPlaceholderLocation("false");
        main.addOverrideProperty("camel.main.name", "example");
        if (builder.httpServer) {
            main.addOverrideProperty("camel.server.enabled", "true");
            main.addOverrideProperty("camel.server.port", Integer.toString(httpPort));
        }
        builder.properties.forEach(main::addOverrideProperty);
        for (String stubbed : List.of("kafka", "sql")) {
            main.bind(stubbed, new StubComponent());
        }
        builder.beans.forEach(main::bind);
        builder.routes.forEach(main.configure()::addRoutesBuilder);
        List<String> files = new ArrayList<>();
        for (int i = 0; i < builder.yaml.size(); i++) {
            Path file = workDir.resolve("example-" + i + ".camel.yaml");
            Files.writeString(file, builder.yaml.get(i), StandardCharsets.UTF_8);
            files.add("file:" + file);
        }
        if (!files.isEmpty()) {
            main.configure().withRoutesIncludePattern(String.join(",", files));
        }
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void beforeConfigure(BaseMainSupport support) {
                builder.functions.forEach(support.getCamelContext().getPropertiesComponent()::addPropertiesFunction);
                // before the routes are made: each log step takes the listeners there are when it is created
                support.getCamelContext().getCamelContextExtension().addLogListener((exchange, logger, message) -> {
                    logged.add(message);
                    return message;
                });
            }
        });
        main.start();
    }

    public static Builder builder(Path workDir) {
        return new Builder(workDir);
    }

    public CamelContext context() {
        return main.getCamelContext();
    }

    public ProducerTemplate template() {
        return context().createProducerTemplate();
    }

    /** What the routes logged (the log EIP), oldest first. */
    public List<String> logged() {
        return logged;
    }

    /** The HTTP server's port, when the app has one. */
    public int httpPort() {
        return httpPort;
    }

    public Path workDir() {
        return workDir;
    }

    @Override
    public void close() {
        main.stop();
    }

    /** A port nothing listens on now. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The component options that point at the simulator, as camel.component.jiraq.* properties. */
    public static Map<String, String> site(JiraSimulator sim) {
        Map<String, String> site = new LinkedHashMap<>();
        site.put("camel.component.jiraq.baseUrl", sim.baseUrl());
        site.put("camel.component.jiraq.deployment", sim.flavour() == JiraSimulator.Flavour.CLOUD ? "cloud" : "datacenter");
        if (sim.flavour() == JiraSimulator.Flavour.CLOUD) {
            site.put("camel.component.jiraq.username", JiraSimulator.DEFAULT_USER);
            site.put("camel.component.jiraq.apiToken", JiraSimulator.DEFAULT_API_TOKEN);
        } else {
            site.put("camel.component.jiraq.personalAccessToken", JiraSimulator.DEFAULT_PAT);
        }
        site.put("camel.component.jiraq.retryDelay", "10");
        site.put("camel.component.jiraq.maxRetryDelay", "50");
        return site;
    }

    /** Sets up one app. */
    public static final class Builder {

        private final Path workDir;
        private final Map<String, String> properties = new LinkedHashMap<>();
        private final List<RoutesBuilder> routes = new ArrayList<>();
        private final List<String> yaml = new ArrayList<>();
        private final Map<String, Object> beans = new LinkedHashMap<>();
        private final List<PropertiesFunction> functions = new ArrayList<>();
        private boolean httpServer;

        private Builder(Path workDir) {
            this.workDir = workDir;
            // every example's store lives in the test's directory, never in ./data
            properties.put("camel.component.jiraq.storeUrl", "jdbc:h2:file:" + workDir.resolve("jiraq"));
        }

        /** Points the component at the simulator. */
        public Builder site(JiraSimulator sim) {
            properties.putAll(ExampleApp.site(sim));
            return this;
        }

        public Builder property(String name, String value) {
            properties.put(name, value);
            return this;
        }

        public Builder properties(Map<String, String> values) {
            properties.putAll(values);
            return this;
        }

        public Builder routes(RoutesBuilder builder) {
            routes.add(builder);
            return this;
        }

        public Builder yaml(String text) {
            yaml.add(text);
            return this;
        }

        /** A properties function ({{name:...}}), standing in for one that reads the platform. */
        public Builder function(PropertiesFunction function) {
            functions.add(function);
            return this;
        }

        public Builder bean(String name, Object bean) {
            beans.put(name, bean);
            return this;
        }

        /** Camel Main's HTTP server (platform-http) on a free port. */
        public Builder httpServer() {
            this.httpServer = true;
            return this;
        }

        public ExampleApp start() throws Exception {
            Files.createDirectories(workDir);
            return new ExampleApp(this);
        }
    }
}
