package org.jiraq.camel.webhook;

import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the webhook when the consumer starts, then on a Quartz schedule refreshes it and replays failed
 * deliveries. The schedule is a camel-quartz endpoint, so configuring the quartz component (for example clustered,
 * on a JDBC job store) makes the refresh run once per cluster.
 */
public final class WebhookLifecycle extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookLifecycle.class);

    private final CamelContext context;
    private final String name;
    private final WebhookRegistrar registrar;
    private final FailedWebhooks failed;
    private final WebhookReceiver receiver;
    private final String cron;
    private Consumer schedule;

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
        replay();
        if (cron != null) {
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
            replay();
        } catch (Exception e) {
            LOG.warn("Keeping webhook {} alive failed; trying again at the next scheduled time: {}", name, e.toString());
        }
    }

    private void replay() {
        if (failed != null) {
            failed.replay(receiver);
        }
    }
}
