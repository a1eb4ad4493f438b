package org.jiraq.camel.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.apache.camel.CamelContext;

/**
 * The component's meters as the application has them now: Micrometer once a MeterRegistry is bound, even after routes
 * and connections started (Spring Boot and Quarkus bind theirs late), else nothing. Until one is found it looks again
 * at most once a second, so a call costs no registry lookup. Gauges given before the registry was found are registered
 * with it when it is.
 */
public final class JiraqMetricsBinding implements JiraqMetrics {

    private static final long LOOKUP_INTERVAL = TimeUnit.SECONDS.toNanos(1);

    private final Supplier<JiraqMetrics> lookup;
    private volatile JiraqMetrics bound = NOOP;
    private volatile long lastLookup;
    private volatile boolean looked;
    private final Map<String, Runnable> inboxGauges = new ConcurrentHashMap<>();

    JiraqMetricsBinding(Supplier<JiraqMetrics> lookup) {
        this.lookup = lookup;
    }

    /** The meters of a component on {@code context}. */
    public static JiraqMetricsBinding of(CamelContext context) {
        return new JiraqMetricsBinding(() -> JiraqMetrics.lookup(context));
    }

    /** What the meters record into: Micrometer, or {@link JiraqMetrics#NOOP} while no registry is bound. */
    public JiraqMetrics bound() {
        JiraqMetrics current = bound;
        if (current == NOOP) {
            long now = System.nanoTime();
            if (!looked || now - lastLookup >= LOOKUP_INTERVAL) {
                looked = true;
                lastLookup = now;
                current = lookup.get();
                bound = current;
                if (current != NOOP) {
                    inboxGauges.values().forEach(Runnable::run);
                }
            }
        }
        return current;
    }

    @Override
    public void requestCompleted(String site, String operation, String method, String status, long nanos) {
        bound().requestCompleted(site, operation, method, status, nanos);
    }

    @Override
    public void retried(String site, String operation, String cause) {
        bound().retried(site, operation, cause);
    }

    @Override
    public void rateLimited(String site, String operation, String reason) {
        bound().rateLimited(site, operation, reason);
    }

    @Override
    public void rateLimitWait(String site, String operation, long nanos) {
        bound().rateLimitWait(site, operation, nanos);
    }

    @Override
    public void rateLimitRemaining(String site, long remaining) {
        bound().rateLimitRemaining(site, remaining);
    }

    @Override
    public void tokenRefreshed(String site, String outcome) {
        bound().tokenRefreshed(site, outcome);
    }

    @Override
    public void webhookEvent(String event, String outcome) {
        bound().webhookEvent(event, outcome);
    }

    @Override
    public void webhookInbox(String path, LongSupplier depth, DoubleSupplier oldestAge, LongSupplier deadEvents) {
        Runnable register = () -> bound.webhookInbox(path, depth, oldestAge, deadEvents);
        inboxGauges.put(path, register);
        if (bound() != NOOP) {
            register.run();
        }
    }

    @Override
    public void gdprCycle(String outcome) {
        bound().gdprCycle(outcome);
    }

    @Override
    public void gdprAccounts(String status, int count) {
        bound().gdprAccounts(status, count);
    }
}
