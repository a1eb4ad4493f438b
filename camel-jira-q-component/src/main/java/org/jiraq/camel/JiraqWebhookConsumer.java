package org.jiraq.camel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.jiraq.camel.deadletter.DeadLetter;
import org.jiraq.camel.deadletter.FailureReason;
import org.jiraq.camel.health.JiraqConsumerHealthCheck;
import org.jiraq.camel.webhook.AdminWebhooks;
import org.jiraq.camel.webhook.AfterRouteIntake;
import org.jiraq.camel.webhook.DynamicWebhooks;
import org.jiraq.camel.webhook.FailedWebhooks;
import org.jiraq.camel.webhook.InboxEvent;
import org.jiraq.camel.webhook.InboxIntake;
import org.jiraq.camel.webhook.InboxOptions;
import org.jiraq.camel.webhook.InboxWorker;
import org.jiraq.camel.webhook.WebhookEvent;
import org.jiraq.camel.webhook.WebhookEvents;
import org.jiraq.camel.webhook.WebhookInbox;
import org.jiraq.camel.webhook.WebhookIntake;
import org.jiraq.camel.webhook.WebhookLifecycle;
import org.jiraq.camel.webhook.WebhookLog;
import org.jiraq.camel.webhook.SourceAddresses;
import org.jiraq.camel.webhook.WebhookReceiver;
import org.jiraq.camel.webhook.WebhookVerifier;

/**
 * jiraq:webhook: Jira's events, posted to a path that Camel's platform-http serves. Each verified, new event becomes
 * one exchange (body: the event as a Map). By default (webhookAckMode=inbox) Jira is answered once the event is in
 * the inbox of the component's store, and a worker hands it to the route, redelivering it until the route completes;
 * with afterRoute the request waits for the route.
 */
public class JiraqWebhookConsumer extends DefaultConsumer {

    /** How long stopping waits for the deliveries under way; their events are taken over after their lease else. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);
    /** The prefix of the idempotency key an event gives the route. */
    static final String KEY_PREFIX = "jira-webhook:";

    private InboxWorker worker;
    private WebhookReceiver receiver;
    private Consumer http;
    private WebhookLifecycle lifecycle;

    public JiraqWebhookConsumer(JiraqEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public JiraqEndpoint getEndpoint() {
        return (JiraqEndpoint) super.getEndpoint();
    }

    /** The inbox and its worker while started: for checks and tests. */
    public InboxWorker getInbox() {
        return worker;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        JiraqEndpoint endpoint = getEndpoint();
        JiraqComponent component = endpoint.getComponent();
        JiraqConfiguration config = endpoint.getConfiguration();
        Clock clock = Clock.systemUTC();
        String owner = endpoint.getCamelContext().getName() + "/"
                       + endpoint.getCamelContext().getUuidGenerator().generateUuid();
        WebhookInbox inbox = new WebhookInbox(component.getStore(), inboxName(config), owner);
        InboxOptions options = InboxOptions.of(config);
        InboxWorker.Route route = new RouteDelivery();
        WebhookLog log = new WebhookLog(config.getWebhookLogLevel());
        worker = new InboxWorker(component.getStore(), inbox, options, route, component.getMetrics(), log, clock);
        ExecutorServiceManager threads = endpoint.getCamelContext().getExecutorServiceManager();
        worker.start(threads.newFixedThreadPool(this, "JiraqWebhookInbox", options.concurrency()),
                threads.newSingleThreadExecutor(this, "JiraqWebhookInboxWrite"),
                threads.newSingleThreadScheduledExecutor(this, "JiraqWebhookInboxPoll"));
        WebhookIntake intake;
        if (options.ackMode() == JiraqWebhookAckMode.inbox) {
            intake = new InboxIntake(worker, clock);
        } else {
            intake = new AfterRouteIntake(worker, route, clock);
        }
        component.addWebhookInbox(worker);
        component.getMetrics().webhookInbox(config.getWebhookPath(), () -> worker.status().depth().pending(),
                () -> oldestAgeSeconds(worker.status()), () -> worker.status().deadLetters());

        Set<String> events = WebhookEvents.parse(config.getEvents());
        receiver = new WebhookReceiver(SourceAddresses.of(config.getWebhookAllowedSources(),
                config.getWebhookTrustedProxies()), WebhookVerifier.of(config), events, intake,
                config.getWebhookMaxBodySize(),
                config.getWebhookMaxAge() > 0 ? Duration.ofMillis(config.getWebhookMaxAge()) : null,
                component.getMetrics(), log);
        http = serve(config.getWebhookPath(), receiver);
        lifecycle = lifecycle(config, events);
        ServiceHelper.startService(lifecycle);
        if (lifecycle != null && endpoint.getConnection() != null) {
            endpoint.getConnection().addIndicator(lifecycle);
        }
        // health checks are optional: only with camel-health is there a consumers repository
        if (HealthCheckHelper.getHealthCheckRepository(endpoint.getCamelContext(), "consumers",
                HealthCheckRepository.class) != null) {
            JiraqConsumerHealthCheck check = new JiraqConsumerHealthCheck(getRouteId(),
                    lifecycle != null ? endpoint.getConnection() : null, worker, component::isHealthCheckConsumerEnabled);
            check.setCamelContext(endpoint.getCamelContext());
            setHealthCheck(check);
        }
    }

    /** Serves the path on Camel's platform-http; without an HTTP server, says how to start one. */
    private Consumer serve(String path, Processor processor) {
        try {
            Endpoint platformHttp = getEndpoint().getCamelContext()
                    .getEndpoint("platform-http:" + path + "?httpMethodRestrict=POST");
            Consumer consumer = platformHttp.createConsumer(processor);
            ServiceHelper.startService(consumer);
            return consumer;
        } catch (Exception e) {
            throw new IllegalStateException(
                    "jiraq:webhook cannot serve " + path + " on Camel's platform-http (" + e.getMessage() + "). It needs"
                                            + " the application's HTTP server: on Camel Main add camel-platform-http-main"
                                            + " and set camel.server.enabled=true (and camel.server.port); on Spring Boot"
                                            + " add camel-platform-http-starter and spring-boot-starter-web; on Quarkus add"
                                            + " camel-quarkus-platform-http",
                    e);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (lifecycle != null && getEndpoint().getConnection() != null) {
            getEndpoint().getConnection().removeIndicator(lifecycle);
        }
        ServiceHelper.stopService(lifecycle, http);
        // no new events come in now: store the accepted ones, finish the deliveries, let go of the rest
        if (worker != null) {
            getEndpoint().getComponent().removeWebhookInbox(worker);
            worker.stop(STOP_WAIT);
        }
        super.doStop();
    }

    /** The inbox of the consumer at this path: one per path, shared by the replicas that serve it. */
    static String inboxName(JiraqConfiguration config) {
        return "webhook " + config.getWebhookPath();
    }

    private static double oldestAgeSeconds(InboxWorker.Status status) {
        Instant oldest = status.depth().oldestReceivedAt();
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, status.at()).toMillis() / 1000.0);
    }

    private WebhookLifecycle lifecycle(JiraqConfiguration config, Set<String> events) {
        JiraqEndpoint endpoint = getEndpoint();
        String url = config.getWebhookUrl();
        String name = "webhook" + config.getWebhookPath().replace('/', '-');
        return switch (config.getWebhookRegistration()) {
            case none -> null;
            case dynamic -> new WebhookLifecycle(endpoint.getCamelContext(), name,
                    new DynamicWebhooks(endpoint.getClient(), endpoint.apiPath(), url,
                            WebhookEvents.forDynamicRegistration(events), config.getJql()),
                    config.isWebhookReplayFailed() ? new FailedWebhooks(endpoint.getClient(), endpoint.apiPath(), url) : null,
                    receiver, config.getWebhookRefreshCron());
            case admin -> new WebhookLifecycle(endpoint.getCamelContext(), name,
                    new AdminWebhooks(endpoint.getClient(), "jiraq " + config.getWebhookPath(), url, List.copyOf(events),
                            config.getJql(),
                            config.getWebhookVerification() == JiraqWebhookVerification.hmac ? config.getWebhookSecret() : null),
                    null, receiver, null);
        };
    }

    /**
     * The idempotency key an event gives the route: from its delivery identifier, which Jira keeps across retries,
     * so a jiraq:createIssue further down makes one issue per event however often the event is delivered.
     */
    static String idempotencyKey(String deliveryKey) {
        String key = KEY_PREFIX + deliveryKey;
        if (key.length() <= 255) {
            return key;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(deliveryKey.getBytes(StandardCharsets.UTF_8));
            return KEY_PREFIX + "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** Hands events to the route: one exchange each, with only the component's own CamelJiraq headers set. */
    private final class RouteDelivery implements InboxWorker.Route {

        @Override
        public void deliver(InboxEvent stored) throws Exception {
            Exchange exchange = createExchange(false);
            try {
                Message message = exchange.getMessage();
                message.getHeaders().putAll(stored.headers());
                message.getHeaders().putAll(eventHeaders(stored));
                message.setHeader(JiraqConstants.WEBHOOK_ATTEMPT, stored.attempts() + 1);
                message.setHeader(JiraqConstants.IDEMPOTENCY_KEY, idempotencyKey(stored.key()));
                message.setBody(stored.event().body());
                try {
                    getProcessor().process(exchange);
                } catch (Exception e) {
                    exchange.setException(e);
                }
                if (exchange.getException() != null) {
                    throw exchange.getException();
                }
            } finally {
                releaseExchange(exchange, false);
            }
        }

        @Override
        public void deadLetter(InboxEvent stored, int attempts, Throwable failure) throws IOException {
            getEndpoint().getComponent().getDeadLetterStore().add(new DeadLetter(0, getRouteId(), Instant.now(), attempts,
                    stored.payload(), eventHeaders(stored), FailureReason.of(failure)));
        }

        @Override
        public int deadLetters() throws IOException {
            return getEndpoint().getComponent().getDeadLetterStore().count(getRouteId());
        }

        /** What the route and a dead letter learn of the event, as CamelJiraq headers. */
        private static Map<String, Object> eventHeaders(InboxEvent stored) {
            WebhookEvent event = stored.event();
            Map<String, Object> headers = new LinkedHashMap<>();
            headers.put(JiraqConstants.WEBHOOK_EVENT, event.name());
            headers.put(JiraqConstants.WEBHOOK_IDENTIFIER, stored.key());
            putIfPresent(headers, JiraqConstants.WEBHOOK_RETRY, event.retry());
            putIfPresent(headers, JiraqConstants.ISSUE_EVENT_TYPE, event.issueEventType());
            putIfPresent(headers, JiraqConstants.ISSUE_ID, event.issueId());
            putIfPresent(headers, JiraqConstants.ISSUE_KEY, event.issueKey());
            putIfPresent(headers, JiraqConstants.PROJECT_KEY, event.projectKey());
            return headers;
        }

        private static void putIfPresent(Map<String, Object> headers, String name, Object value) {
            if (value != null) {
                headers.put(name, value);
            }
        }
    }
}
