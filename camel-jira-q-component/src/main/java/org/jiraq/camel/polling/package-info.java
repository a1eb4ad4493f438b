/**
 * Change polling for {@code jiraq:issues}: the JQL that finds changed issues after a persisted position, and the
 * changes it yields.
 * <p>
 * Internal. May use {@code client}, {@code spi} and the root package.
 */
package org.jiraq.camel.polling;
