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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.jiraq.camel.JiraqAuthStrategy;
import org.jiraq.camel.JiraqDeployment;
import org.jiraq.camel.client.JiraqClient;
import org.jiraq.camel.client.JiraqClientListener;
import org.jiraq.camel.client.JiraqRequest;
import org.jiraq.camel.client.ResponseHeaders;
import org.jiraq.camel.metrics.JiraqMetrics;
import org.jiraq.camel.spi.HealthIndicator;

/**
 * One Jira the application talks to: a site with one set of credentials, shared by every endpoint configured alike.
 * Knows what it is (site, deployment, API version, auth method) and what happened lately (calls, failures, the last
 * rate-limit headers, the most recent errors, the state of its {@link HealthIndicator}s), for the health check, the
 * dev console and the meters. Never holds a secret beyond the client it checks with.
 */
public final class JiraqConnection {

    /** The operation tag of the health check's own calls in the meters and the console. */
    public static final String HEALTH_CHECK_OPERATION = "healthCheck";
    static final int RECENT_ERRORS = 20;

    private final String name;
    private final URI site;
    private final JiraqDeployment deployment;
    private final int apiVersion;
    private final JiraqAuthStrategy authMethod;
    private final String authDescription;
    private final JiraqClient checkClient;
    private final JiraqMetrics metrics;
    private final Clock clock;
    private final List<HealthIndicator> indicators = new CopyOnWriteArrayList<>();
    private final Deque<RecentError> recentErrors = new ArrayDeque<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile RateLimitSnapshot rateLimit;

    JiraqConnection(String name, JiraqDeployment deployment, int apiVersion, JiraqAuthStrategy authMethod,
                    JiraqClient client, JiraqMetrics metrics, Clock clock) {
        this.name = name;
        this.site = client.siteUrl();
        this.deployment = deployment;
        this.apiVersion = apiVersion;
        this.authMethod = authMethod;
        this.authDescription = client.auth().describe();
        this.metrics = metrics;
        this.clock = clock;
        this.checkClient = client.withoutRetries();
        checkClient.setListener(listenerFor(HEALTH_CHECK_OPERATION));
        if (client.auth() instanceof HealthIndicator authState) {
            indicators.add(authState);
        }
    }

    /** The listener an endpoint's client reports to: it feeds this connection's state and the meters. */
    public JiraqClientListener listenerFor(String operation) {
        return new OperationListener(operation);
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

    /** The meters to record into (the component's), so features can record against this connection's site name. */
    public JiraqMetrics metrics() {
        return metrics;
    }

    /** The host (with the port when it is not the default); tags meters and names the health check. */
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

    public JiraqAuthStrategy authMethod() {
        return authMethod;
    }

    /** The auth strategy's own description: method and who, never a secret. */
    public String authDescription() {
        return authDescription;
    }

    public long requests() {
        return requests.get();
    }

    /** Calls answered with 400 or more, or not answered at all. */
    public long failures() {
        return failures.get();
    }

    /** The rate-limit headers of the last answer that had any, or null. */
    public RateLimitSnapshot rateLimit() {
        return rateLimit;
    }

    /** The latest failed calls, newest first. */
    public List<RecentError> recentErrors() {
        synchronized (recentErrors) {
            return new ArrayList<>(recentErrors);
        }
    }

    /** The client the health check calls Jira with: no retries, its calls tagged {@link #HEALTH_CHECK_OPERATION}. */
    public JiraqClient checkClient() {
        return checkClient;
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
            RateLimitSnapshot limits = RateLimitSnapshot.of(headers, clock.instant());
            if (limits != null) {
                rateLimit = limits;
                long remaining = limits.remaining();
                if (remaining >= 0) {
                    metrics.rateLimitRemaining(name, remaining);
                }
            }
            if (status == 429) {
                metrics.rateLimited(name, operation, Objects.requireNonNullElse(headers.first("RateLimit-Reason"), "unknown"));
            }
            if (status >= 400) {
                remember(new RecentError(clock.instant(), operation, request.method(),
                        RecentError.pathOnly(request.path()), status, headers.first("X-AREQUESTID"),
                        null));
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
