package org.jiraq.camel;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.camel.CamelExchangeException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledPollConsumer;
import org.jiraq.camel.gdpr.PersonalDataReporter;
import org.jiraq.camel.gdpr.ReportingCycle;
import org.jiraq.camel.spi.AccountAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code jiraq:gdpr}: on every tick of its schedule, runs the personal data reporting cycle when one is due or was
 * interrupted, and routes one exchange per account Atlassian answered {@code closed} (erase) or {@code updated}
 * (refresh). An erasure is confirmed, and the account leaves the registry, only when its exchange completed without
 * an exception, including one an error handler handled.
 */
public class JiraqGdprConsumer extends ScheduledPollConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(JiraqGdprConsumer.class);
    /** How long stopping waits for the account being routed, so the cycle is left consistent and its lease freed. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private final ReentrantLock running = new ReentrantLock();
    private ReportingCycle cycle;
    private ScheduledExecutorService keepAlive;
    private Duration lease;

    public JiraqGdprConsumer(JiraqEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public JiraqEndpoint getEndpoint() {
        return (JiraqEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        JiraqEndpoint endpoint = getEndpoint();
        JiraqConfiguration config = endpoint.getConfiguration();
        String owner = getEndpoint().getCamelContext().getUuidGenerator().generateUuid();
        lease = Duration.ofMillis(config.getLeaseDuration());
        cycle = new ReportingCycle(endpoint.getComponent().getGdprStore(),
                new PersonalDataReporter(endpoint.getClient(), config.getApiGatewayUrl()),
                Duration.ofMillis(config.getCyclePeriod()), owner, lease, Clock.systemUTC());
        keepAlive = endpoint.getCamelContext().getExecutorServiceManager()
                .newSingleThreadScheduledExecutor(this, "JiraqGdprLease");
        super.doStart();
    }

    @Override
    protected int poll() throws Exception {
        // a tick while a long cycle still runs (Quartz fires on its own threads) has nothing to add
        if (!running.tryLock()) {
            return 0;
        }
        long every = Math.max(1, lease.toMillis() / 3);
        ScheduledFuture<?> renewing = keepAlive.scheduleAtFixedRate(this::keepLease, every, every, TimeUnit.MILLISECONDS);
        try {
            return cycle.run(new RouteHandler());
        } catch (Exception e) {
            getEndpoint().getComponent().getMetrics().gdprCycle("failed");
            throw e;
        } finally {
            renewing.cancel(false);
            running.unlock();
        }
    }

    /** Keeps the cycle's lease while the route works on an account, so no other replica takes it over meanwhile. */
    private void keepLease() {
        try {
            cycle.keepAlive();
        } catch (Exception e) {
            LOG.warn("Could not renew the lease of the personal data reporting cycle: {}", e.getMessage());
        }
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        // the cycle stops after the account being routed; wait for it so the next start resumes right there
        if (running.tryLock(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            running.unlock();
        } else {
            LOG.warn("The personal data reporting cycle did not stop within {} s; it resumes from the store after"
                     + " its lease runs out", STOP_WAIT.toSeconds());
        }
        getEndpoint().getCamelContext().getExecutorServiceManager().shutdown(keepAlive);
    }

    /** Routes one exchange per account and tells the cycle how it went. */
    private final class RouteHandler implements ReportingCycle.Handler {

        @Override
        public boolean canContinue() {
            return isPollAllowed();
        }

        @Override
        public ReportingCycle.Delivery deliver(AccountAction action) {
            Exchange exchange = createExchange(false);
            Message message = exchange.getMessage();
            message.setHeader(JiraqConstants.ACCOUNT_ID, action.accountId());
            message.setHeader(JiraqConstants.ACCOUNT_STATUS, action.status().name());
            message.setBody(action.accountId());
            try {
                getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            try {
                if (!failed(exchange)) {
                    getEndpoint().getComponent().getMetrics().gdprAccounts(action.status().name(), 1);
                    return ReportingCycle.Delivery.HANDLED;
                }
                if (!isPollAllowed()) {
                    // refused or cut short by the route stopping: it stays pending for the resumed cycle
                    return ReportingCycle.Delivery.NOT_DELIVERED;
                }
                Throwable cause = exchange.getException() != null ? exchange.getException()
                        : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
                if (cause == null) {
                    cause = new CamelExchangeException("The exchange was rolled back", exchange);
                }
                getExceptionHandler().handleException("The route failed on " + action.status() + " account "
                                                      + action.accountId() + "; it stays registered for the next cycle",
                        exchange, cause);
                return ReportingCycle.Delivery.FAILED;
            } finally {
                releaseExchange(exchange, false);
            }
        }

        @Override
        public void cycleCompleted() {
            getEndpoint().getComponent().getMetrics().gdprCycle("completed");
        }

        private static boolean failed(Exchange exchange) {
            return exchange.isFailed() || exchange.isRollbackOnly()
                    || Boolean.TRUE.equals(exchange.getExchangeExtension().getErrorHandlerHandled());
        }
    }
}
