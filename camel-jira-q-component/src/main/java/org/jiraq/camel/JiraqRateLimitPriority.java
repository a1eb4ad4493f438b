package org.jiraq.camel;

/**
 * Who waits first when Jira's points quota runs short: calls of a lower priority hold back while the quota's schedule
 * is booked ahead, so calls of a higher priority (webhook-driven writes, say) get the points before them (a bulk
 * export, say).
 */
public enum JiraqRateLimitPriority {
    /** Books the next free slot of the quota however far ahead it lies. */
    high,
    /** Holds back while the quota is booked more than a second ahead. */
    normal,
    /** Holds back while the quota is booked ahead at all. */
    low
}
