package org.jiraq.camel.connection;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.jiraq.camel.JiraqAuthStrategy;
import org.jiraq.camel.JiraqDeployment;
import org.jiraq.camel.client.JiraqClient;
import org.jiraq.camel.metrics.JiraqMetrics;

/**
 * The Jira connections of one component. Endpoints with the same site, API version and credentials share one
 * connection, so it is checked once and its state adds up; it lives while any of its endpoints runs. Each connection
 * gets a readiness check in Camel's health-check registry when camel-health is present.
 */
public final class JiraqConnections {

    private final CamelContext context;
    private final Function<JiraqConnection, HealthCheck> healthChecks;
    private final Map<String, Entry> byKey = new LinkedHashMap<>();

    /** @param healthChecks makes the health check of a new connection */
    public JiraqConnections(CamelContext context, Function<JiraqConnection, HealthCheck> healthChecks) {
        this.context = context;
        this.healthChecks = healthChecks;
    }

    /**
     * The connection for a started endpoint's client, created on first use. Each call must be paired with
     * {@link #release(JiraqConnection)}.
     */
    public synchronized JiraqConnection acquire(
            JiraqClient client, JiraqDeployment deployment, int apiVersion, JiraqAuthStrategy authMethod,
            JiraqMetrics metrics) {
        String key = client.siteUrl() + "|" + apiVersion + "|" + authMethod + "|" + client.auth().describe();
        Entry entry = byKey.get(key);
        if (entry == null) {
            JiraqConnection connection = new JiraqConnection(uniqueName(client.siteUrl()), deployment, apiVersion,
                    authMethod, client, metrics, Clock.systemUTC());
            HealthCheck check = healthChecks.apply(connection);
            HealthCheckRegistry registry = HealthCheckRegistry.get(context);
            if (registry != null) {
                registry.register(check);
            }
            entry = new Entry(connection, check);
            byKey.put(key, entry);
        }
        entry.users++;
        return entry.connection;
    }

    /** One endpoint stopped using the connection; the last one removes it and its health check. */
    public synchronized void release(JiraqConnection connection) {
        byKey.values().removeIf(entry -> {
            if (entry.connection != connection || --entry.users > 0) {
                return false;
            }
            HealthCheckRegistry registry = HealthCheckRegistry.get(context);
            if (registry != null) {
                registry.unregister(entry.check);
            }
            return true;
        });
    }

    public synchronized List<JiraqConnection> list() {
        return byKey.values().stream().map(e -> e.connection).toList();
    }

    /** The host, with the port when it is not the scheme's default, and a number when two credentials share a site. */
    private String uniqueName(URI site) {
        String base = site.getPort() < 0 ? site.getHost() : site.getHost() + ":" + site.getPort();
        String name = base;
        for (int n = 2; nameTaken(name); n++) {
            name = base + "#" + n;
        }
        return name;
    }

    private boolean nameTaken(String name) {
        return byKey.values().stream().anyMatch(e -> Objects.equals(e.connection.name(), name));
    }

    private static final class Entry {
        final JiraqConnection connection;
        final HealthCheck check;
        int users;

        Entry(JiraqConnection connection, HealthCheck check) {
            this.connection = connection;
            this.check = check;
        }
    }
}
