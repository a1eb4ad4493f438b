/**
 * Camel health checks on Camel's own repositories: a connection's readiness check in the {@code producers} repository
 * while a producer of it runs, and the check of a registering {@code jiraq:webhook} consumer, which Camel's
 * {@code consumers} repository calls. Loaded only when the application has camel-health.
 * <p>
 * Internal. May use {@code connection}, {@code client}, {@code spi} and the root package.
 */
package org.jiraq.camel.health;
