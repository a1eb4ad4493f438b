package org.jiraq.camel.console;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Component;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.json.JsonObject;
import org.jiraq.camel.JiraqComponent;
import org.jiraq.camel.JiraqWebhookAckMode;
import org.jiraq.camel.client.RateLimitHeaders;
import org.jiraq.camel.client.RateLimitState;
import org.jiraq.camel.connection.JiraqConnection;
import org.jiraq.camel.connection.RecentError;
import org.jiraq.camel.spi.HealthIndicator;
import org.jiraq.camel.spi.IndicatorState;
import org.jiraq.camel.webhook.InboxWorker;

/**
 * The {@code jiraq} developer console ({@code /q/dev/jiraq} on Camel Main's management server): every Jira connection
 * with its site, deployment, API version and auth strategy, the state of its tokens and other indicators, the last
 * rate-limit headers, and the most recent failed calls; every webhook inbox with its depth, the age of its oldest
 * event, the events in flight and in the dead letters. Shows no credential, no user name, no query string and no body.
 */
@DevConsole(name = "jiraq", displayName = "Jira",
            description = "Jira connections, tokens, rate limits, recent errors and webhook inboxes")
public class JiraqDevConsole extends AbstractDevConsole {

    public JiraqDevConsole() {
        super("camel", "jiraq", "Jira", "Jira connections, tokens, rate limits, recent errors and webhook inboxes");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder sb = new StringBuilder();
        List<JiraqConnection> connections = connections();
        sb.append("Jira connections: ").append(connections.size()).append('\n');
        for (JiraqConnection c : connections) {
            sb.append('\n').append(c.name()).append(": ").append(c.site()).append(" (").append(c.deployment())
                    .append(", REST API v").append(c.apiVersion()).append(")\n");
            sb.append("    auth: ").append(c.authStrategy()).append('\n');
            sb.append("    calls: ").append(c.requests()).append(", failed: ").append(c.failures()).append('\n');
            for (HealthIndicator indicator : c.indicators()) {
                IndicatorState state = indicator.state();
                sb.append("    ").append(indicator.name()).append(": ").append(state.healthy() ? "healthy" : "UNHEALTHY");
                if (state.message() != null) {
                    sb.append(" (").append(state.message()).append(')');
                }
                state.details().forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
                sb.append('\n');
            }
            Map<String, Object> limits = rateLimit(c);
            if (!limits.isEmpty()) {
                sb.append("    rate limit:");
                limits.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
                sb.append('\n');
            }
            List<RecentError> errors = c.recentErrors();
            if (!errors.isEmpty()) {
                sb.append("    recent errors:\n");
                for (RecentError e : errors) {
                    sb.append("        ").append(e.at()).append(' ').append(e.operation()).append(' ').append(e.method())
                            .append(' ').append(e.path()).append(" -> ")
                            .append(e.status() != null ? e.status().toString() : e.error());
                    if (e.requestId() != null) {
                        sb.append(" [request id ").append(e.requestId()).append(']');
                    }
                    sb.append('\n');
                }
            }
        }
        List<InboxWorker> inboxes = inboxes();
        if (!inboxes.isEmpty()) {
            sb.append("\nWebhook inboxes: ").append(inboxes.size()).append('\n');
        }
        for (InboxWorker inbox : inboxes) {
            InboxWorker.Status status = inbox.status();
            sb.append('\n').append(inbox.inbox().name()).append(" (acknowledged ")
                    .append(inbox.options().ackMode() == JiraqWebhookAckMode.inbox ? "once stored" : "after the route")
                    .append(")\n");
            sb.append("    depth: ").append(status.depth().pending()).append(" of ").append(inbox.options().capacity())
                    .append(", oldest: ").append(oldestAgeSeconds(status)).append(" s, in flight: ")
                    .append(status.depth().inFlight()).append(", held here: ").append(status.held())
                    .append(", dead letters: ").append(status.deadLetters()).append('\n');
            if (status.error() != null) {
                sb.append("    UNREADABLE at ").append(status.at()).append(": ").append(status.error()).append('\n');
            }
        }
        return sb.toString();
    }

    private static long oldestAgeSeconds(InboxWorker.Status status) {
        Instant oldest = status.depth().oldestReceivedAt();
        return oldest == null ? 0 : Duration.between(oldest, status.at()).toSeconds();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        List<JsonObject> list = new ArrayList<>();
        for (JiraqConnection c : connections()) {
            JsonObject jo = new JsonObject();
            jo.put("name", c.name());
            jo.put("site", c.site().toString());
            jo.put("deployment", c.deployment().name());
            jo.put("apiVersion", c.apiVersion());
            jo.put("authStrategy", c.authStrategy().name());
            jo.put("authMethod", c.authStrategy().name()); // deprecated: the name before authStrategy, for one release
            jo.put("calls", c.requests());
            jo.put("failed", c.failures());
            List<JsonObject> indicators = new ArrayList<>();
            for (HealthIndicator indicator : c.indicators()) {
                IndicatorState state = indicator.state();
                JsonObject io = new JsonObject();
                io.put("name", indicator.name());
                io.put("healthy", state.healthy());
                if (state.message() != null) {
                    io.put("message", state.message());
                }
                io.put("details", new JsonObject(state.details()));
                indicators.add(io);
            }
            jo.put("indicators", indicators);
            Map<String, Object> limits = rateLimit(c);
            if (!limits.isEmpty()) {
                jo.put("rateLimit", new JsonObject(limits));
            }
            List<JsonObject> errors = new ArrayList<>();
            for (RecentError e : c.recentErrors()) {
                JsonObject eo = new JsonObject();
                eo.put("at", e.at().toString());
                eo.put("operation", e.operation());
                eo.put("method", e.method());
                eo.put("path", e.path());
                eo.put("status", e.status());
                eo.put("requestId", e.requestId());
                eo.put("error", e.error());
                errors.add(eo);
            }
            jo.put("recentErrors", errors);
            list.add(jo);
        }
        JsonObject root = new JsonObject();
        root.put("connections", list);
        List<JsonObject> inboxes = new ArrayList<>();
        for (InboxWorker inbox : inboxes()) {
            InboxWorker.Status status = inbox.status();
            JsonObject io = new JsonObject();
            io.put("name", inbox.inbox().name());
            io.put("ackMode", inbox.options().ackMode().name());
            io.put("depth", status.depth().pending());
            io.put("capacity", inbox.options().capacity());
            io.put("oldestAgeSeconds", oldestAgeSeconds(status));
            io.put("inFlight", status.depth().inFlight());
            io.put("heldHere", status.held());
            io.put("deadLetters", status.deadLetters());
            io.put("readAt", status.at().toString());
            if (status.error() != null) {
                io.put("error", status.error());
            }
            inboxes.add(io);
        }
        root.put("webhookInboxes", inboxes);
        return root;
    }

    private List<InboxWorker> inboxes() {
        List<InboxWorker> all = new ArrayList<>();
        for (String name : getCamelContext().getComponentNames()) {
            if (getCamelContext().hasComponent(name) instanceof JiraqComponent jiraq) {
                all.addAll(jiraq.getWebhookInboxes());
            }
        }
        return all;
    }

    /**
     * What the connection's governor knows: Jira's rate-limit headers of its last answer that had any (the same values
     * the exchange that got that answer carries as CamelJiraqRateLimit* headers), and any hold on every call.
     */
    private static Map<String, Object> rateLimit(JiraqConnection connection) {
        RateLimitState state = connection.governor().state();
        Map<String, Object> facts = new LinkedHashMap<>();
        RateLimitHeaders last = state.last();
        if (last != null) {
            facts.put("at", state.lastAt().toString());
            putIfPresent(facts, "limit", last.limit());
            putIfPresent(facts, "remaining", last.remaining());
            facts.put("nearLimit", last.nearLimit());
            putIfPresent(facts, "reason", last.reason());
            putIfPresent(facts, "policy", last.policy());
            putIfPresent(facts, "quota", last.quota());
        }
        if (state.heldUntil() != null) {
            facts.put("heldUntil", state.heldUntil().toString());
            putIfPresent(facts, "holdReason", state.holdReason());
        }
        return facts;
    }

    private static void putIfPresent(Map<String, Object> facts, String name, Object value) {
        if (value != null) {
            facts.put(name, value);
        }
    }

    private List<JiraqConnection> connections() {
        List<JiraqConnection> all = new ArrayList<>();
        for (String name : getCamelContext().getComponentNames()) {
            Component component = getCamelContext().hasComponent(name);
            if (component instanceof JiraqComponent jiraq) {
                all.addAll(jiraq.getConnections().list());
            }
        }
        return all;
    }
}
