package org.jiraq.camel.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;
import org.jiraq.camel.JiraqHttpException;
import org.jiraq.camel.OptionalDependency;
import org.jiraq.camel.spi.HealthIndicator;
import org.jiraq.camel.spi.IndicatorState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the webhook when the consumer starts, then on a Quartz schedule refreshes it and replays failed
 * deliveries. The schedule is a camel-quartz endpoint, so configuring the quartz component (for example clustered,
 * on a JDBC job store) makes the refresh run once per cluster. Its state is part of the connection's health check:
 * unhealthy while keeping the registration alive fails, so a webhook never expires unnoticed.
 */
public final class WebhookLifecycle extends ServiceSupport implements HealthIndicator {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookLifecycle.class);

    private final CamelContext context;
    private final String name;
    private final WebhookRegistrar registrar;
    private final FailedWebhooks failed;
    private final WebhookReceiver receiver;
    private final String cron;
    private final Clock clock = Clock.systemUTC();
    private Consumer schedule;
    private volatile Instant registeredAt;
    private volatile Instant lastRefreshAt;
    private volatile String failure;
    private volatile Instant failingSince;

    /**
     * @param failed the failed-delivery list to replay, or null
     * @param cron   when to refresh and replay, or null for no schedule
     */
    public WebhookLifecycle(CamelContext context, String name, WebhookRegistrar registrar, FailedWebhooks failed,
                            WebhookReceiver receiver, String cron) {
        this.context = context;
        this.name = name;
        this.registrar = registrar;
        this.failed = failed;
        this.receiver = receiver;
        this.cron = cron;
    }

    @Override
    protected void doStart() throws Exception {
        registrar.register();
        registeredAt = clock.instant();
        replay();
        if (cron != null) {
            OptionalDependency.requireQuartz("jiraq:webhook, which refreshes a dynamic webhook on a Quartz schedule,");
            Endpoint quartz = context.getEndpoint("quartz://jiraq/" + name + "?cron=" + cron.trim().replace(' ', '+'));
            schedule = quartz.createConsumer(exchange -> tick());
            ServiceHelper.startService(schedule);
        }
    }

    @Override
    protected void doStop() {
        ServiceHelper.stopService(schedule);
        schedule = null;
    }

    /** One scheduled run; a failure is logged and left to the next run, well before the registration expires. */
    private void tick() {
        try {
            registrar.refresh();
            lastRefreshAt = clock.instant();
            failure = null;
            failingSince = null;
            replay();
        } catch (Exception e) {
            failure = e instanceof JiraqHttpException http ? "Jira answered " + http.getStatusCode() : e.toString();
            if (failingSince == null) {
                failingSince = clock.instant();
            }
            LOG.warn("Keeping webhook {} alive failed; trying again at the next scheduled time: {}", name, e.toString());
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public IndicatorState state() {
        Map<String, Object> details = new LinkedHashMap<>(registrar.details());
        if (registeredAt != null) {
            details.put("registeredAt", registeredAt.toString());
        }
        if (lastRefreshAt != null) {
            details.put("lastRefreshAt", lastRefreshAt.toString());
        }
        String failed = failure;
        if (failed != null) {
            details.put("state", "refresh-failing");
            details.put("failingSince", String.valueOf(failingSince));
            return IndicatorState.unhealthy("keeping the webhook registration alive fails (" + failed
                                            + "); Jira drops a dynamic webhook 30 days after its last refresh", details);
        }
        details.put("state", registeredAt != null ? "registered" : "not-registered");
        return IndicatorState.healthy(details);
    }

    private void replay() {
        if (failed != null) {
            failed.replay(receiver);
        }
    }
}
