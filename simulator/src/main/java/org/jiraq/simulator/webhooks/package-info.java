/**
 * Outgoing webhooks and their administration: admin webhooks (builder or {@code /rest/webhooks/1.0}), apps' dynamic
 * webhooks ({@code /rest/api/3/webhook}, expiry, refresh, failed deliveries), JQL filters, delivery with Jira's retries
 * and signatures, and the catalogue of events. Tests read deliveries through
 * {@link org.jiraq.simulator.webhooks.SimulatorWebhooks}; the payload builder and the signer are internal. Uses
 * {@code http}, {@code jql}, {@code model} and {@code platform} (issue JSON in payloads).
 */
package org.jiraq.simulator.webhooks;
