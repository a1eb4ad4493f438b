package org.jiraq.camel.connection;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.camel.CamelContext;
import org.apache.hc.client5.http.classic.HttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.io.CloseMode;
import org.jiraq.camel.JiraqConfiguration;
import org.jiraq.camel.JiraqDeployment;
import org.jiraq.camel.auth.AuthStrategy;
import org.jiraq.camel.auth.oauth2.OAuth2Auth;
import org.jiraq.camel.client.HttpClientFactory;
import org.jiraq.camel.client.JiraqClient;
import org.jiraq.camel.client.JiraqClientListener;
import org.jiraq.camel.client.RateLimitGovernor;
import org.jiraq.camel.client.RetryPolicy;
import org.jiraq.camel.metrics.JiraqMetrics;
import org.jiraq.camel.spi.RateLimitStore;
import org.jiraq.camel.spi.TokenStore;

/**
 * The Jira connections of one component: one per site and credential fingerprint, created when the first endpoint
 * that uses it starts and closed (with the HTTP pool the component built for it) when the last one stops, a removed
 * route's endpoints included. Nothing is shared with another component or CamelContext.
 */
public final class JiraqConnections {

    private final CamelContext context;
    private final JiraqMetrics metrics;
    private final Function<JiraqConfiguration, TokenStore> tokenStores;
    private final Supplier<RateLimitStore> sharedRateLimits;
    private final Map<ConnectionKey, Entry> byKey = new LinkedHashMap<>();

    /**
     * @param metrics          the component's meters, which follow a MeterRegistry bound later
     * @param tokenStores      the token store an endpoint's configuration uses, looked up only for OAuth 2.0
     * @param sharedRateLimits where replicas share their governors' state, or null when each JVM paces alone
     */
    public JiraqConnections(CamelContext context, JiraqMetrics metrics,
                            Function<JiraqConfiguration, TokenStore> tokenStores,
                            Supplier<RateLimitStore> sharedRateLimits) {
        this.context = context;
        this.metrics = metrics;
        this.tokenStores = tokenStores;
        this.sharedRateLimits = sharedRateLimits;
    }

    /** Checks an endpoint's auth options now, so a mistake fails at endpoint creation naming the option. */
    public static void validate(JiraqConfiguration config, URI site, JiraqDeployment deployment) {
        AuthStrategyFactory.validate(config, site, deployment);
    }

    /**
     * The connection for a starting endpoint, created on first use. Each call must be paired with
     * {@link #release(JiraqConnection)} when the endpoint stops.
     *
     * @throws IllegalArgumentException when the endpoint shares the connection of another but wants another HTTP pool
     */
    public synchronized JiraqConnection acquire(
            JiraqConfiguration config, URI site, JiraqDeployment deployment, int apiVersion)
            throws Exception {
        ConnectionKey key = ConnectionKey.of(site, config);
        TransportOptions transport = TransportOptions.of(config);
        Entry entry = byKey.get(key);
        if (entry != null) {
            List<String> differences = transport.differencesFrom(entry.connection.transport());
            if (!differences.isEmpty()) {
                throw new IllegalArgumentException(
                        "Options " + String.join(", ", differences) + " differ from those of another endpoint that"
                                                   + " calls " + site + " with the same credentials, and one HTTP"
                                                   + " connection pool serves both: set them on the component"
                                                   + " (camel.component.jiraq.*), or alike on both endpoints");
            }
            entry.users++;
            return entry.connection;
        }
        JiraqConnection connection = open(key, transport, config, site, deployment, apiVersion);
        byKey.put(key, new Entry(connection));
        return connection;
    }

    /** One endpoint stopped using the connection; the last one closes it. */
    public synchronized void release(JiraqConnection connection) {
        Entry entry = byKey.get(connection.key());
        if (entry == null || entry.connection != connection || --entry.users > 0) {
            return;
        }
        byKey.remove(connection.key());
        connection.close();
    }

    public synchronized List<JiraqConnection> list() {
        return byKey.values().stream().map(e -> e.connection).toList();
    }

    /** Closes what is left when the component stops (endpoints stop first, so normally nothing). */
    public synchronized void closeAll() {
        new ArrayList<>(byKey.values()).forEach(e -> e.connection.close());
        byKey.clear();
    }

    private JiraqConnection open(ConnectionKey key, TransportOptions transport, JiraqConfiguration config, URI site,
                                 JiraqDeployment deployment, int apiVersion)
            throws Exception {
        RetryPolicy retryPolicy = RetryPolicy.of(config);
        Duration timeout = transport.requestTimeout();
        CloseableHttpClient built = config.getHttpClient() == null ? HttpClientFactory.create(context, config) : null;
        HttpClient http = built != null ? built : config.getHttpClient();
        try {
            AuthStrategy auth = AuthStrategyFactory.create(config, site, deployment, http, retryPolicy, timeout,
                    () -> tokenStores.apply(config));
            // the fingerprint names the credential alike on every replica, so replicas share one budget per credential
            RateLimitGovernor governor = new RateLimitGovernor(key.site(), key.strategy() + ":" + key.credential());
            JiraqClient client = new JiraqClient(site, auth, http, retryPolicy, timeout, governor,
                    JiraqClientListener.NONE);
            JiraqConnection connection = new JiraqConnection(uniqueName(site), key, deployment, apiVersion, client,
                    governor, built, transport, metrics, Clock.systemUTC());
            if (auth instanceof OAuth2Auth oauth) {
                oauth.onRefresh(outcome -> metrics.tokenRefreshed(connection.name(), outcome));
            }
            RateLimitStore shared = sharedRateLimits.get();
            if (shared != null) {
                connection.addIndicator(governor.shareThrough(shared));
            }
            return connection;
        } catch (Exception | Error e) {
            if (built != null) {
                built.close(CloseMode.IMMEDIATE);
            }
            throw e;
        }
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
        int users = 1;

        Entry(JiraqConnection connection) {
            this.connection = connection;
        }
    }
}
