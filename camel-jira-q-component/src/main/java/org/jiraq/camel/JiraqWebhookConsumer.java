package org.jiraq.camel;

import java.time.Duration;
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
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.jiraq.camel.health.JiraqConsumerHealthCheck;
import org.jiraq.camel.webhook.AdminWebhooks;
import org.jiraq.camel.webhook.DynamicWebhooks;
import org.jiraq.camel.webhook.FailedWebhooks;
import org.jiraq.camel.webhook.WebhookEvent;
import org.jiraq.camel.webhook.WebhookEvents;
import org.jiraq.camel.webhook.WebhookLifecycle;
import org.jiraq.camel.webhook.SourceAddresses;
import org.jiraq.camel.webhook.WebhookReceiver;
import org.jiraq.camel.webhook.WebhookVerifier;

/**
 * jiraq:webhook: Jira's events, posted to a path that Camel's platform-http serves. Each verified, new event becomes
 * one exchange (body: the event as a Map), and Jira is answered only after the route has processed it.
 */
public class JiraqWebhookConsumer extends DefaultConsumer {

    /** Jira retries for about half an hour and lists failed deliveries for 72 hours; ids are kept well beyond. */
    private static final Duration KEEP_IDENTIFIERS = Duration.ofDays(7);

    private IdempotentRepository delivered;
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

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        JiraqConfiguration config = getEndpoint().getConfiguration();
        delivered = config.getIdempotentRepository() != null
                ? config.getIdempotentRepository()
                : getEndpoint().getComponent().getStoreService().idempotentRepository(
                        "webhook " + config.getWebhookPath(), KEEP_IDENTIFIERS);
        ServiceHelper.startService(delivered);
        Set<String> events = WebhookEvents.parse(config.getEvents());
        receiver = new WebhookReceiver(SourceAddresses.of(config.getWebhookAllowedSources(),
                config.getWebhookTrustedProxies()), WebhookVerifier.of(config),
                events, delivered, this::deliver, config.getWebhookMaxBodySize(),
                config.getWebhookMaxAge() > 0 ? Duration.ofMillis(config.getWebhookMaxAge()) : null,
                getEndpoint().getComponent().getMetrics(), config.getWebhookLogLevel());
        http = serve(config.getWebhookPath(), receiver);
        lifecycle = lifecycle(config, events);
        ServiceHelper.startService(lifecycle);
        if (lifecycle != null && getEndpoint().getConnection() != null) {
            getEndpoint().getConnection().addIndicator(lifecycle);
            // health checks are optional: only with camel-health is there a consumers repository
            if (HealthCheckHelper.getHealthCheckRepository(getEndpoint().getCamelContext(), "consumers",
                    HealthCheckRepository.class) != null) {
                JiraqConsumerHealthCheck check = new JiraqConsumerHealthCheck(getRouteId(),
                        getEndpoint().getConnection(), getEndpoint().getComponent()::isHealthCheckConsumerEnabled);
                check.setCamelContext(getEndpoint().getCamelContext());
                setHealthCheck(check);
            }
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
        ServiceHelper.stopService(lifecycle, http, delivered);
        super.doStop();
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

    /** One exchange per event; only the component's own CamelJiraq headers, never the request's. */
    private boolean deliver(WebhookEvent event, Map<String, Object> httpHeaders) {
        Exchange exchange = createExchange(false);
        try {
            Message message = exchange.getMessage();
            message.getHeaders().putAll(httpHeaders);
            message.setHeader(JiraqConstants.WEBHOOK_EVENT, event.name());
            setIfPresent(message, JiraqConstants.WEBHOOK_IDENTIFIER, event.identifier());
            setIfPresent(message, JiraqConstants.WEBHOOK_RETRY, event.retry());
            setIfPresent(message, JiraqConstants.ISSUE_EVENT_TYPE, event.issueEventType());
            setIfPresent(message, JiraqConstants.ISSUE_ID, event.issueId());
            setIfPresent(message, JiraqConstants.ISSUE_KEY, event.issueKey());
            setIfPresent(message, JiraqConstants.PROJECT_KEY, event.projectKey());
            message.setBody(event.body());
            try {
                getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            return exchange.getException() == null;
        } finally {
            releaseExchange(exchange, false);
        }
    }

    private static void setIfPresent(Message message, String header, Object value) {
        if (value != null) {
            message.setHeader(header, value);
        }
    }
}
