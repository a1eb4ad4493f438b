package org.jiraq.camel.spi;

import java.io.IOException;
import java.util.List;

/**
 * Where the replicas of an application share Jira's rate-limit state for a site and credential: budgets that are
 * booked in advance (the burst budget of an endpoint, the points quota) and holds that pause calls (a quota lock-out,
 * an issue's write window, an endpoint's Retry-After). The component's JDBC store provides one on PostgreSQL; each
 * replica books a batch of its budget at a time, so the store sees a few calls per second, never one per Jira call.
 * <p>
 * Times are microseconds since the epoch, so replicas on different machines agree as far as their clocks do.
 */
public interface RateLimitStore {

    /**
     * Books {@code units} of the budget {@code key} (a site, credential and what the budget limits), spent at
     * {@code ratePerSecond}: a virtual schedule shared by every replica, in which this booking runs from the returned
     * time for {@code units / ratePerSecond} seconds, after every earlier booking and never before {@code nowMicros}.
     *
     * @return the epoch microsecond from which the booked units may be spent
     */
    long book(String key, double ratePerSecond, double units, long nowMicros) throws IOException;

    /** Holds calls of {@code scope} ({@code *} for all) to the site {@code site} until {@code untilMicros}. */
    void hold(String site, String scope, long untilMicros, String reason) throws IOException;

    /** The holds on {@code site} that last beyond {@code nowMicros}. */
    List<RateLimitHold> holds(String site, long nowMicros) throws IOException;
}
