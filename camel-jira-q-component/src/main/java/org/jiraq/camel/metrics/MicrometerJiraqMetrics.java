package org.jiraq.camel.metrics;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.apache.camel.spi.Registry;

import static org.jiraq.camel.metrics.JiraqMeters.TAG_CAUSE;
import static org.jiraq.camel.metrics.JiraqMeters.TAG_EVENT;
import static org.jiraq.camel.metrics.JiraqMeters.TAG_METHOD;
import static org.jiraq.camel.metrics.JiraqMeters.TAG_OPERATION;
import static org.jiraq.camel.metrics.JiraqMeters.TAG_OUTCOME;
import static org.jiraq.camel.metrics.JiraqMeters.TAG_PATH;
import static org.jiraq.camel.metrics.JiraqMeters.TAG_REASON;
import static org.jiraq.camel.metrics.JiraqMeters.TAG_SITE;
import static org.jiraq.camel.metrics.JiraqMeters.TAG_STATUS;

/** {@link JiraqMetrics} on a Micrometer {@link MeterRegistry}. Loaded only when Micrometer is on the class path. */
public final class MicrometerJiraqMetrics implements JiraqMetrics {

    /** The name camel-micrometer binds its registry under. */
    static final String CAMEL_REGISTRY_NAME = "metricsRegistry";

    private final MeterRegistry registry;
    private final Map<String, AtomicLong> remaining = new ConcurrentHashMap<>();
    private final Map<String, InboxGauges> inboxes = new ConcurrentHashMap<>();

    /** The suppliers behind one path's inbox gauges; a restarted consumer replaces them, the gauges stay. */
    private static final class InboxGauges {
        volatile LongSupplier depth;
        volatile DoubleSupplier oldestAge;
        volatile LongSupplier dead;
    }

    public MicrometerJiraqMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Finds the registry as camel-micrometer does: by its name, else the only one, else the only composite. */
    static JiraqMetrics lookup(Registry camelRegistry) {
        MeterRegistry found = camelRegistry.lookupByNameAndType(CAMEL_REGISTRY_NAME, MeterRegistry.class);
        if (found == null) {
            Set<MeterRegistry> all = camelRegistry.findByType(MeterRegistry.class);
            if (all.size() == 1) {
                found = all.iterator().next();
            } else {
                Set<CompositeMeterRegistry> composites = camelRegistry.findByType(CompositeMeterRegistry.class);
                found = composites.size() == 1 ? composites.iterator().next() : null;
            }
        }
        return found == null ? NOOP : new MicrometerJiraqMetrics(found);
    }

    public MeterRegistry registry() {
        return registry;
    }

    @Override
    public void requestCompleted(String site, String operation, String method, String status, long nanos) {
        Timer.builder(JiraqMeters.REQUESTS).description("HTTP exchanges with Jira")
                .tags(TAG_SITE, site, TAG_OPERATION, operation, TAG_METHOD, method, TAG_STATUS, status)
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void retried(String site, String operation, String cause) {
        count(JiraqMeters.RETRIES, "Requests sent to Jira again", TAG_SITE, site, TAG_OPERATION, operation, TAG_CAUSE,
                cause);
    }

    @Override
    public void rateLimited(String site, String operation, String reason) {
        count(JiraqMeters.RATE_LIMITED, "429 answers from Jira", TAG_SITE, site, TAG_OPERATION, operation, TAG_REASON,
                reason);
    }

    @Override
    public void rateLimitWait(String site, String operation, long nanos) {
        Timer.builder(JiraqMeters.RATE_LIMIT_WAITS).description("Time calls waited in the client's rate-limit governor")
                .tags(TAG_SITE, site, TAG_OPERATION, operation).register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void rateLimitRemaining(String site, long value) {
        remaining.computeIfAbsent(site, s -> {
            AtomicLong holder = new AtomicLong(value);
            Gauge.builder(JiraqMeters.RATE_LIMIT_REMAINING, holder, AtomicLong::doubleValue)
                    .description("The last X-RateLimit-Remaining Jira sent").tag(TAG_SITE, s).register(registry);
            return holder;
        }).set(value);
    }

    @Override
    public void tokenRefreshed(String site, String outcome) {
        count(JiraqMeters.TOKEN_REFRESHES, "OAuth 2.0 token refreshes", TAG_SITE, site, TAG_OUTCOME, outcome);
    }

    @Override
    public void webhookEvent(String event, String outcome) {
        count(JiraqMeters.WEBHOOK_EVENTS, "Webhook deliveries from Jira", TAG_EVENT, event, TAG_OUTCOME, outcome);
    }

    @Override
    public void webhookInbox(String path, LongSupplier depth, DoubleSupplier oldestAge, LongSupplier deadEvents) {
        InboxGauges gauges = inboxes.computeIfAbsent(path, p -> {
            InboxGauges created = new InboxGauges();
            Gauge.builder(JiraqMeters.WEBHOOK_INBOX_DEPTH, created, g -> g.depth.getAsLong())
                    .description("Webhook events waiting in the inbox or being delivered").tag(TAG_PATH, p)
                    .register(registry);
            Gauge.builder(JiraqMeters.WEBHOOK_INBOX_OLDEST_AGE, created, g -> g.oldestAge.getAsDouble())
                    .description("Seconds since the oldest waiting webhook event arrived").baseUnit("seconds")
                    .tag(TAG_PATH, p).register(registry);
            Gauge.builder(JiraqMeters.WEBHOOK_INBOX_DEAD, created, g -> g.dead.getAsLong())
                    .description("Webhook events given up on, in the dead letters").tag(TAG_PATH, p)
                    .register(registry);
            return created;
        });
        gauges.depth = depth;
        gauges.oldestAge = oldestAge;
        gauges.dead = deadEvents;
    }

    @Override
    public void gdprCycle(String outcome) {
        count(JiraqMeters.GDPR_CYCLES, "Personal-data reporting cycles", TAG_OUTCOME, outcome);
    }

    @Override
    public void gdprAccounts(String status, int count) {
        Counter.builder(JiraqMeters.GDPR_ACCOUNTS).description("Accounts handled by personal-data reporting")
                .tags(TAG_STATUS, status).register(registry).increment(count);
    }

    private void count(String name, String description, String... tags) {
        Counter.builder(name).description(description).tags(tags).register(registry).increment();
    }
}
