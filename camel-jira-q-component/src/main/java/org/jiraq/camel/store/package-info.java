/**
 * The component's JDBC store (an embedded H2 file by default, PostgreSQL for replicas; schema kept by Flyway) and the
 * store implementations on it: tokens, GDPR registry, polling positions, idempotency; in-memory stores for tests and
 * demos; clustered Quartz on the same database.
 * <p>
 * Internal but for the in-memory stores. May use {@code spi} and the root package.
 */
package org.jiraq.camel.store;
