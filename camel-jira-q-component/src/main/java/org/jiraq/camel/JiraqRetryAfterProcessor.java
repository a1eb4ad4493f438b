package org.jiraq.camel;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Lets Camel's own redelivery honour Jira's Retry-After: sets the header CamelRedeliveryDelay, which Camel's error
 * handler prefers over its policy, to the wait the failure carries, times a jitter between 1.0 and 1.3 so that
 * exchanges held by the same 429 do not all come back at once. Without a wait from Jira it removes the delay it set
 * before, so the policy's own backoff applies.
 * <p>
 * Camel decides the delay before it calls an onRedelivery processor, so register this one as
 * {@code onExceptionOccurred}:
 *
 * <pre>{@code
 * onException(JiraqException.class).onWhen(exchange -> JiraqRetryAfterProcessor.isRetryable(exchange))
 *     .maximumRedeliveries(5).redeliveryDelay(1000).useExponentialBackOff()
 *     .onExceptionOccurred(new JiraqRetryAfterProcessor());
 * }</pre>
 */
public class JiraqRetryAfterProcessor implements Processor {

    private static final String DELAY_SET = "CamelJiraqRetryAfterDelaySet";
    private static final double JITTER_MAX = 1.3;

    @Override
    public void process(Exchange exchange) {
        JiraqException failure = JiraqException.of(failureOf(exchange));
        Duration wait = failure == null ? null : failure.getRetryAfter();
        if (wait != null && !wait.isZero() && !wait.isNegative()) {
            long jittered = (long) (wait.toMillis() * ThreadLocalRandom.current().nextDouble(1.0, JITTER_MAX));
            exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, jittered);
            exchange.setProperty(DELAY_SET, true);
        } else if (exchange.removeProperty(DELAY_SET) != null) {
            exchange.getMessage().removeHeader(Exchange.REDELIVERY_DELAY);
        }
    }

    /** Whether the exchange failed with a {@link JiraqException} that is worth retrying; for onWhen and retryWhile. */
    public static boolean isRetryable(Exchange exchange) {
        JiraqException failure = JiraqException.of(failureOf(exchange));
        return failure != null && failure.isRetryable();
    }

    private static Throwable failureOf(Exchange exchange) {
        Throwable error = exchange.getException();
        return error != null ? error : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    }
}
