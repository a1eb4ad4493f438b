/**
 * What a busy Jira does to its callers, as features users add: {@link org.jiraq.simulator.limits.SimulatorRateLimits}
 * (Cloud's per-method, per-issue-write and points-based limits with their 429 headers) and
 * {@link org.jiraq.simulator.limits.SimulatorFaults} (seeded 5xx bursts, 429 storms, resets, lost and late answers).
 * The points quota is internal. Uses {@code http}.
 */
package org.jiraq.simulator.limits;
