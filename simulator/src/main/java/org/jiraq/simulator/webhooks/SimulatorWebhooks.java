package org.jiraq.simulator.webhooks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jiraq.simulator.JiraSimulator;
import org.jiraq.simulator.SimulatorClock;
import org.jiraq.simulator.http.Json;
import org.jiraq.simulator.jql.Jql;
import org.jiraq.simulator.model.Issue;
import org.jiraq.simulator.model.Project;
import org.jiraq.simulator.model.SimulatorState;
import org.jiraq.simulator.model.SimulatorUser;
import org.jiraq.simulator.model.StateChange;
import org.jiraq.simulator.platform.JiraJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator's outgoing webhooks: admin webhooks (from the builder or {@code /rest/webhooks/1.0/webhook}) and
 * the dynamic webhooks apps register, each told about the changes it asks for. Deliveries go out on a background
 * thread, in order, like Jira's: signed, with an identifier that stays the same on every retry; retried after 408,
 * 409, 425, 429, 5xx or a connection failure, with {@code X-Atlassian-Webhook-Retry}; kept in the failed list after
 * the last retry. Tests can make it send every delivery several times, as Jira sometimes does.
 */
public final class SimulatorWebhooks implements AutoCloseable {

    /** Who signs the JWT of app webhooks; the receiver may check it. */
    static final String JWT_ISSUER = "jira-simulator";
    private static final Logger LOG = LoggerFactory.getLogger(SimulatorWebhooks.class);
    private static final Duration DYNAMIC_LIFETIME = Duration.ofDays(30);

    /** A registered admin webhook. */
    record Admin(long id, String name, AdminWebhook webhook) {
    }

    private record Delivery(String identifier, String url, String webhookEvent, byte[] body, Map<String, String> headers,
            boolean dynamic) {
    }

    private final SimulatorClock clock;
    private final SimulatorState state;
    private final List<AdminWebhook> configured = new CopyOnWriteArrayList<>();
    private final List<Admin> admins = new CopyOnWriteArrayList<>();
    private final Map<Long, DynamicWebhook> dynamic = new LinkedHashMap<>();
    private final List<FailedWebhook> failed = new CopyOnWriteArrayList<>();
    private final List<WebhookAttempt> attempts = new CopyOnWriteArrayList<>();
    private final AtomicLong nextIdentifier = new AtomicLong(7_000_000_000L);
    private final AtomicLong nextWebhookId = new AtomicLong(10_000);
    private final AtomicLong nextEntityId = new AtomicLong(20_000);
    private final AtomicInteger pending = new AtomicInteger();
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "jira-simulator-webhooks");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private JiraJson json;
    private volatile String appSecret;
    private volatile String jwtIssuer = JWT_ISSUER;
    private volatile String jwtAudience;
    private volatile int copies = 1;
    private volatile int maxRetries = 5;
    private volatile Duration retryDelay = Duration.ofMillis(200);
    private volatile Duration timeout = Duration.ofSeconds(20);

    public SimulatorWebhooks(SimulatorState state, SimulatorClock clock) {
        this.state = state;
        this.clock = clock;
    }

    /** Starts listening to the state once the site's JSON shapes are known. */
    void attach(JiraJson siteJson) {
        this.json = siteJson;
        state.onChange(this::changed);
    }

    /** The client secret the simulated OAuth app signs its webhooks' JWT with; unsigned when not set. */
    public SimulatorWebhooks appSecret(String secret) {
        this.appSecret = secret;
        return this;
    }

    /**
     * The iss and aud claims of the app webhooks' JWT. Atlassian does not document them; by default iss is
     * {@value #JWT_ISSUER} and there is no aud.
     *
     * @param audience null for none
     */
    public SimulatorWebhooks appJwtClaims(String issuer, String audience) {
        this.jwtIssuer = issuer;
        this.jwtAudience = audience;
        return this;
    }

    /** Sends every delivery this many times with the same identifier (1, the default, sends it once). */
    public SimulatorWebhooks copies(int times) {
        this.copies = times;
        return this;
    }

    /** How often a failed delivery is retried (5 by default, as on Jira Cloud) and after how long, in real time. */
    public SimulatorWebhooks retries(int maxRetries, Duration delay) {
        this.maxRetries = maxRetries;
        this.retryDelay = delay;
        return this;
    }

    /**
     * How long a delivery waits for the receiver's answer before it counts as failed and is retried (Jira Cloud: about
     * 20 s, the default). A shorter one makes a retry arrive while the receiver is still working on the first attempt.
     */
    public SimulatorWebhooks timeout(Duration answerTimeout) {
        this.timeout = answerTimeout;
        return this;
    }

    /** Adds an admin webhook, as Jira's administration would; it stays after a {@link JiraSimulator#reset()}. */
    public SimulatorWebhooks configureAdmin(AdminWebhook webhook) {
        configured.add(webhook);
        addAdmin("webhook", webhook);
        return this;
    }

    /** Back to the configured admin webhooks: no dynamic ones, no attempts, no failures. */
    public synchronized void reset() {
        admins.clear();
        configured.forEach(webhook -> addAdmin("webhook", webhook));
        dynamic.clear();
        failed.clear();
        attempts.clear();
    }

    /** Every POST made so far, oldest first. */
    public List<WebhookAttempt> attempts() {
        return List.copyOf(attempts);
    }

    /** The dynamic webhooks registered and not yet expired. */
    public synchronized List<DynamicWebhook> dynamicWebhooks() {
        purgeExpired();
        return List.copyOf(dynamic.values());
    }

    public List<FailedWebhook> failed() {
        return List.copyOf(failed);
    }

    /** Whether no delivery is waiting to be sent or retried. */
    public boolean idle() {
        return pending.get() == 0;
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }

    List<Admin> admins() {
        return admins;
    }

    Admin addAdmin(String name, AdminWebhook webhook) {
        Admin admin = new Admin(nextWebhookId.getAndIncrement(), name, webhook);
        admins.add(admin);
        return admin;
    }

    boolean replaceAdmin(long id, Admin replacement) {
        for (int i = 0; i < admins.size(); i++) {
            if (admins.get(i).id() == id) {
                admins.set(i, replacement);
                return true;
            }
        }
        return false;
    }

    boolean removeAdmin(long id) {
        return admins.removeIf(a -> a.id() == id);
    }

    synchronized DynamicWebhook register(String owner, String url, List<String> events, String jqlFilter) {
        long id = nextWebhookId.getAndIncrement();
        DynamicWebhook webhook = new DynamicWebhook(id, owner, url, events, jqlFilter,
                clock.now().plus(DYNAMIC_LIFETIME));
        dynamic.put(id, webhook);
        return webhook;
    }

    /** The caller's live dynamic webhooks. */
    synchronized List<DynamicWebhook> dynamicOf(String owner) {
        purgeExpired();
        return dynamic.values().stream().filter(w -> w.ownerAccountId().equals(owner)).toList();
    }

    /** Refreshes the caller's webhooks among {@code ids}; returns the new expiration date. */
    synchronized Instant refresh(String owner, List<Long> ids) {
        purgeExpired();
        Instant expiration = clock.now().plus(DYNAMIC_LIFETIME);
        ids.forEach(id -> dynamic.computeIfPresent(id,
                (k, w) -> w.ownerAccountId().equals(owner) ? w.refreshedUntil(expiration) : w));
        return expiration;
    }

    synchronized void delete(String owner, List<Long> ids) {
        ids.forEach(id -> dynamic.computeIfPresent(id, (k, w) -> w.ownerAccountId().equals(owner) ? null : w));
    }

    /** Failed deliveries after {@code after}, oldest first. */
    List<FailedWebhook> failedAfter(Instant after) {
        return failed.stream().filter(f -> after == null || f.failureTime().isAfter(after)).toList();
    }

    private void purgeExpired() {
        Instant now = clock.now();
        dynamic.values().removeIf(w -> w.expiredAt(now));
    }

    /** Under the state's write lock: builds each delivery now, so it shows the state as the change left it. */
    private synchronized void changed(StateChange change) {
        if (admins.isEmpty() && dynamic.isEmpty()) {
            return;
        }
        deliver(change.webhookEvent(), change.issue(), WebhookPayload.of(change, json));
    }

    /**
     * Announces any event of {@link WebhookEventCatalog#ADMIN_EVENTS}, as Jira does when that happens on the site:
     * each webhook that asks for it gets a delivery (signed, retried like every other), whose body carries the entity
     * the event is about. Issue-related events need the key of an issue of the site; the others concern project
     * DEMO and the default user.
     *
     * @param issueKey the issue an issue-related event is about; ignored by the others
     */
    public void announce(String webhookEvent, String issueKey) {
        if (!WebhookEventCatalog.ADMIN_EVENTS.contains(webhookEvent)) {
            throw new IllegalArgumentException("Jira announces no event " + webhookEvent + " to admin webhooks");
        }
        state.read(() -> {
            Issue issue = issueKey == null ? null : state.issue(issueKey);
            if (WebhookEventCatalog.aboutAnIssue(webhookEvent) && issue == null) {
                throw new IllegalArgumentException(webhookEvent + " is about an issue; " + issueKey + " is none");
            }
            Project project = issue != null ? issue.project() : state.project(SimulatorState.DEMO.key());
            SimulatorUser actor = SimulatorUser.ofEmail(JiraSimulator.DEFAULT_USER);
            StateChange change = WebhookEventCatalog.issueChange(webhookEvent, issue, actor, clock.now());
            synchronized (this) {
                deliver(webhookEvent, issue, change != null ? WebhookPayload.of(change, json)
                        : WebhookEventCatalog.payload(webhookEvent, issue, project, actor, clock.now(),
                                nextEntityId.getAndIncrement(), json));
            }
            return null;
        });
    }

    /** Sends {@code payload} to every webhook that asks for the event (and whose JQL the issue matches). */
    private void deliver(String webhookEvent, Issue issue, ObjectNode payload) {
        for (Admin admin : admins) {
            AdminWebhook webhook = admin.webhook();
            if (webhook.wants(webhookEvent) && matches(webhook.jql(), issue)) {
                byte[] body = Json.write(payload).getBytes(StandardCharsets.UTF_8);
                Map<String, String> headers = new LinkedHashMap<>();
                if (webhook.secret() != null) {
                    headers.put("X-Hub-Signature", WebhookSigner.hubSignature(webhook.secret(), body));
                }
                enqueue(new Delivery(newIdentifier(), webhook.url(), webhookEvent, body, headers, false));
            }
        }
        purgeExpired();
        Map<String, List<Long>> matchedByUrl = new LinkedHashMap<>();
        for (DynamicWebhook webhook : dynamic.values()) {
            if (webhook.events().contains(webhookEvent) && matches(webhook.jqlFilter(), issue)) {
                matchedByUrl.computeIfAbsent(webhook.url(), u -> new ArrayList<>()).add(webhook.id());
            }
        }
        matchedByUrl.forEach((url, ids) -> {
            ObjectNode copy = payload.deepCopy();
            ArrayNode matched = copy.putArray("matchedWebhookIds");
            ids.forEach(matched::add);
            Map<String, String> headers = new LinkedHashMap<>();
            if (appSecret != null) {
                headers.put("Authorization", WebhookSigner.bearerJwt(appSecret, jwtIssuer, jwtAudience));
            }
            enqueue(new Delivery(newIdentifier(), url, webhookEvent,
                    Json.write(copy).getBytes(StandardCharsets.UTF_8), headers, true));
        });
    }

    private boolean matches(String jql, Issue issue) {
        if (jql == null || jql.isBlank()) {
            return true;
        }
        return issue != null && Jql.compile(jql, state, clock.now()).matches(issue);
    }

    private String newIdentifier() {
        return Long.toString(nextIdentifier.getAndIncrement());
    }

    private void enqueue(Delivery delivery) {
        for (int copy = 0; copy < copies; copy++) {
            pending.incrementAndGet();
            sender.execute(() -> send(delivery, 0));
        }
    }

    private void send(Delivery delivery, int retry) {
        int status = post(delivery, retry);
        attempts.add(new WebhookAttempt(delivery.identifier(), delivery.url(), delivery.webhookEvent(), retry, status));
        boolean retryable = status < 0 || status == 408 || status == 409 || status == 425 || status == 429
                || status >= 500;
        if (status >= 200 && status < 300 || !retryable) {
            pending.decrementAndGet();
        } else if (retry < maxRetries) {
            try {
                sender.schedule(() -> send(delivery, retry + 1), retryDelay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                pending.decrementAndGet();
            }
        } else {
            if (delivery.dynamic()) {
                failed.add(new FailedWebhook(delivery.identifier(), new String(delivery.body(), StandardCharsets.UTF_8),
                        delivery.url(), clock.now()));
            }
            pending.decrementAndGet();
        }
    }

    private int post(Delivery delivery, int retry) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(delivery.url()))
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("User-Agent", "Atlassian Webhook HTTP Client")
                .header("X-Atlassian-Webhook-Identifier", delivery.identifier())
                .header("X-Atlassian-Webhook-Flow", "Primary")
                .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()));
        if (retry > 0) {
            request.header("X-Atlassian-Webhook-Retry", Integer.toString(retry));
        }
        delivery.headers().forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            LOG.debug("Webhook {} to {} failed: {}", delivery.identifier(), delivery.url(), e.toString());
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
