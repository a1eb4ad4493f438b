package org.jiraq.camel.webhook;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.jiraq.camel.JiraqConfiguration;
import org.jiraq.camel.JiraqWebhookAckMode;

/**
 * How a webhook consumer's inbox behaves, read once from its options.
 *
 * @param capacity              events that may wait before deliveries are answered 503
 * @param concurrency           events this process hands to the route at once
 * @param maximumRedeliveries   failed deliveries after the first before an event is dead; -1 for ever
 * @param lease                 how long a process holds an event without renewing
 * @param retention             how long the keys of settled events are remembered
 */
public record InboxOptions(JiraqWebhookAckMode ackMode, int capacity, int concurrency, int maximumRedeliveries,
                           Duration redeliveryDelay, Duration maximumRedeliveryDelay, Duration lease,
                           Duration retention) {

    /** Jira retries for about half an hour and lists failed deliveries for 72 hours; keys are kept well beyond. */
    static final Duration RETENTION = Duration.ofDays(7);
    /** The spread of redelivery delays, so events that failed together are not redelivered together. */
    private static final double JITTER = 0.15;

    public static InboxOptions of(JiraqConfiguration config) {
        return new InboxOptions(config.getWebhookAckMode(), config.getInboxCapacity(), config.getInboxConcurrency(),
                config.getInboxMaximumRedeliveries(), Duration.ofMillis(config.getInboxRedeliveryDelay()),
                Duration.ofMillis(config.getInboxMaximumRedeliveryDelay()), Duration.ofMillis(config.getLeaseDuration()),
                RETENTION);
    }

    /** Whether an event whose delivery failed {@code failedAttempts} times gets another. */
    boolean redeliver(int failedAttempts) {
        return maximumRedeliveries < 0 || failedAttempts <= maximumRedeliveries;
    }

    /** The wait before the next delivery after {@code failedAttempts} failures: doubling from the first, capped. */
    Duration redeliveryDelay(int failedAttempts) {
        double delay = redeliveryDelay.toMillis() * Math.pow(2, Math.min(failedAttempts - 1, 40));
        delay = Math.min(delay, maximumRedeliveryDelay.toMillis());
        delay *= 1 + ThreadLocalRandom.current().nextDouble(-JITTER, JITTER);
        return Duration.ofMillis(Math.round(delay));
    }

    /** How often the store is looked at for due events, taken-over work and the inbox's depth. */
    Duration pollInterval() {
        long millis = Math.max(100, Math.min(1_000, lease.toMillis() / 4));
        return Duration.ofMillis(millis);
    }

    /** How long a delivery that finds its event in flight elsewhere waits for that attempt to end. */
    Duration inFlightWait() {
        return lease.compareTo(Duration.ofSeconds(10)) < 0 ? lease : Duration.ofSeconds(10);
    }
}
