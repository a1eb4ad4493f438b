package org.jiraq.camel;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.jiraq.camel.observe.JiraqConnections;
import org.jiraq.camel.observe.JiraqMetrics;

/** The {@code jiraq:} component: Jira Cloud and Jira Data Center. */
@Component("jiraq")
public class JiraqComponent extends HealthCheckComponent {

    @Metadata(label = "advanced", description = "The shared configuration; endpoints start from a copy of it.")
    private JiraqConfiguration configuration = new JiraqConfiguration();

    // observability
    private JiraqConnections connections;
    private volatile JiraqMetrics metrics = JiraqMetrics.NOOP;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        JiraqOperation operation = parseOperation(remaining);
        JiraqEndpoint endpoint = new JiraqEndpoint(uri, this, operation, configuration.copy());
        setProperties(endpoint, parameters);
        endpoint.validate();
        return endpoint;
    }

    private static JiraqOperation parseOperation(String remaining) {
        try {
            return JiraqOperation.valueOf(remaining);
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException(
                    "Unknown jiraq operation '" + remaining + "'; expected one of "
                                               + java.util.Arrays.toString(JiraqOperation.values()));
        }
    }

    // observability

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        resolveMetrics();
    }

    /** The Jira connections of the running endpoints, with their health checks and recent activity. */
    public synchronized JiraqConnections getConnections() {
        if (connections == null) {
            connections = new JiraqConnections(getCamelContext(), this::isHealthCheckProducerEnabled);
        }
        return connections;
    }

    /** The component's meters: Micrometer when the application has a MeterRegistry, else no-op. */
    public JiraqMetrics getMetrics() {
        return metrics;
    }

    /** Looks for a MeterRegistry until one is found: metrics support may start after the component. */
    void resolveMetrics() {
        if (metrics == JiraqMetrics.NOOP) {
            metrics = JiraqMetrics.lookup(getCamelContext());
        }
    }

    public JiraqConfiguration getConfiguration() {
        return configuration;
    }

    /** The shared configuration; endpoints start from a copy of it. */
    public void setConfiguration(JiraqConfiguration configuration) {
        this.configuration = configuration;
    }
}
