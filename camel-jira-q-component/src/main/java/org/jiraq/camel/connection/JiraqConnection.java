package org.jiraq.camel.connection;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.io.ModalCloseable;
import org.jiraq.camel.JiraqAuthStrategy;
import org.jiraq.camel.JiraqDeployment;
import org.jiraq.camel.JiraqRateLimitPriority;
import org.jiraq.camel.auth.AuthStrategy;
import org.jiraq.camel.auth.oauth2.OAuth2Auth;
import org.jiraq.camel.client.JiraqClient;
import org.jiraq.camel.client.JiraqClientListener;
import org.jiraq.camel.client.JiraqRequest;
import org.jiraq.camel.client.RateLimitGovernor;
import org.jiraq.camel.client.RateLimitHeaders;
import org.jiraq.camel.client.ResponseHeaders;
import org.jiraq.camel.client.RetryPolicy;
import org.jiraq.camel.metrics.JiraqMetrics;
import org.jiraq.camel.spi.HealthIndicator;

/**
 * One Jira the application talks to: a site with one set of credentials, shared by every endpoint of the component
 * that calls it so (see {@link JiraqConnections}). It owns what those endpoints share: the HTTP connection pool (when
 * the component built it), the auth strategy with its one OAuth 2.0 token manager, and the rate-limit governor that
 * paces all their calls. It knows what it is (site, deployment, API version, auth strategy) and what happened lately
 * (calls, failures, the most recent errors, the state of its {@link HealthIndicator}s), for the health checks, the
 * dev console and the meters. Never holds a secret beyond its auth strategy.
 */
public final class JiraqConnection {

    /** The operation tag of the health check's own calls in the meters and the console. */
    public static final String HEALTH_CHECK_OPERATION = "healthCheck";
    static final int RECENT_ERRORS = 20;

    private final String name;
    private final ConnectionKey key;
    private final URI site;
    private final JiraqDeployment deployment;
    private final int apiVersion;
    private final AuthStrategy auth;
    private final RateLimitGovernor governor;
    private final ModalCloseable ownedHttp;
    private final TransportOptions transport;
    private final JiraqClient client;
    private final JiraqClient checkClient;
    private final JiraqMetrics metrics;
    private final Clock clock;
    private final List<HealthIndicator> indicators = new CopyOnWriteArrayList<>();
    private final Deque<RecentError> recentErrors = new ArrayDeque<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile boolean closed;

    /**
     * @param client    the connection's client on its pool, auth strategy and governor; endpoints get views of it
     * @param ownedHttp the pool to close with the connection, or null when the application gave the HTTP client
     */
    JiraqConnection(String name, ConnectionKey key, JiraqDeployment deployment, int apiVersion, JiraqClient client,
                    RateLimitGovernor governor, ModalCloseable ownedHttp, TransportOptions transport,
                    JiraqMetrics metrics, Clock clock) {
        this.name = name;
        this.key = key;
        this.site = client.siteUrl();
        this.deployment = deployment;
        this.apiVersion = apiVersion;
        this.auth = client.auth();
        this.governor = governor;
        this.ownedHttp = ownedHttp;
        this.transport = transport;
        this.metrics = metrics;
        this.clock = clock;
        this.client = client;
        this.checkClient = client.with(RetryPolicy.none(), transport.requestTimeout(), JiraqRateLimitPriority.normal,
                new OperationListener(HEALTH_CHECK_OPERATION));
        if (auth instanceof HealthIndicator authState) {
            indicators.add(authState);
        }
    }

    /**
     * The client an endpoint calls Jira with: this connection's pool, credentials and governor, with the endpoint's
     * own retries, timeout and rate-limit priority; its calls count for this connection and its meters under
     * {@code operation}.
     */
    public JiraqClient clientFor(String operation, RetryPolicy retryPolicy, Duration requestTimeout,
                                 JiraqRateLimitPriority priority) {
        return client.with(retryPolicy, requestTimeout, priority, new OperationListener(operation));
    }

    /** The client the health check calls Jira with: no retries, its calls tagged {@link #HEALTH_CHECK_OPERATION}. */
    public JiraqClient checkClient() {
        return checkClient;
    }

    /**
     * The governor that paces every call made through this connection; shared with the replicas that share the store
     * when the component shares rate limits.
     */
    public RateLimitGovernor governor() {
        return governor;
    }

    /** Adds a part whose state the health check and the console report (a webhook registration, a token). */
    public void addIndicator(HealthIndicator indicator) {
        indicators.add(indicator);
    }

    public void removeIndicator(HealthIndicator indicator) {
        indicators.remove(indicator);
    }

    public List<HealthIndicator> indicators() {
        return List.copyOf(indicators);
    }

    /** The meters to record into (the component's), so features can record against this connection's name. */
    public JiraqMetrics metrics() {
        return metrics;
    }

    /** The host (with the port when it is not the default), and a number when two credentials share a site. */
    public String name() {
        return name;
    }

    public URI site() {
        return site;
    }

    public JiraqDeployment deployment() {
        return deployment;
    }

    public int apiVersion() {
        return apiVersion;
    }

    public String apiPath() {
        return "/rest/api/" + apiVersion;
    }

    public JiraqAuthStrategy authStrategy() {
        return key.strategy();
    }

    /** The auth strategy every endpoint of this connection uses (one OAuth 2.0 token manager for all of them). */
    public AuthStrategy auth() {
        return auth;
    }

    /**
     * What the OAuth 2.0 grant of this connection's credential lacks for {@code operation} (an entry of the scope
     * table, such as "health check"), naming the scopes, when its scopes are known; empty otherwise, and for any other
     * auth strategy.
     */
    public Optional<String> lackingScopes(String operation) {
        return auth instanceof OAuth2Auth oauth ? oauth.lackingScopes(operation, null, null, true) : Optional.empty();
    }

    public long requests() {
        return requests.get();
    }

    /** Calls answered with 400 or more, or not answered at all. */
    public long failures() {
        return failures.get();
    }

    /** The latest failed calls, newest first. */
    public List<RecentError> recentErrors() {
        synchronized (recentErrors) {
            return new ArrayList<>(recentErrors);
        }
    }

    /** Whether its last endpoint stopped: its pool, when the component built it, is closed. */
    public boolean isClosed() {
        return closed;
    }

    ConnectionKey key() {
        return key;
    }

    TransportOptions transport() {
        return transport;
    }

    void close() {
        closed = true;
        if (ownedHttp != null) {
            ownedHttp.close(CloseMode.GRACEFUL);
        }
    }

    private void remember(RecentError error) {
        failures.incrementAndGet();
        synchronized (recentErrors) {
            recentErrors.addFirst(error);
            if (recentErrors.size() > RECENT_ERRORS) {
                recentErrors.removeLast();
            }
        }
    }

    /** Feeds the connection and the meters with the calls of one operation. */
    private final class OperationListener implements JiraqClientListener {

        private final String operation;

        OperationListener(String operation) {
            this.operation = operation;
        }

        @Override
        public void answered(JiraqRequest request, int status, ResponseHeaders headers, long nanos) {
            requests.incrementAndGet();
            metrics.requestCompleted(name, operation, request.method(), Integer.toString(status), nanos);
            RateLimitHeaders limits = RateLimitHeaders.of(headers);
            if (limits != null && limits.remaining() != null) {
                metrics.rateLimitRemaining(name, limits.remaining());
            }
            if (status == 429) {
                metrics.rateLimited(name, operation,
                        Objects.requireNonNullElse(limits == null ? null : limits.reason(), "unknown"));
            }
            if (status >= 400) {
                remember(new RecentError(clock.instant(), operation, request.method(),
                        RecentError.pathOnly(request.path()), status, headers.first("X-AREQUESTID"), null));
            }
        }

        @Override
        public void paced(JiraqRequest request, Duration waited) {
            metrics.rateLimitWait(name, operation, waited.toNanos());
        }

        @Override
        public void failed(JiraqRequest request, IOException error, long nanos) {
            requests.incrementAndGet();
            metrics.requestCompleted(name, operation, request.method(), JiraqMetrics.NO_ANSWER, nanos);
            remember(new RecentError(clock.instant(), operation, request.method(), RecentError.pathOnly(request.path()),
                    null, null, error.getClass().getSimpleName()));
        }

        @Override
        public void retrying(JiraqRequest request, int retry, Duration delay, String cause) {
            metrics.retried(name, operation, cause.startsWith("status ") ? cause.substring(7) : cause);
        }
    }
}
