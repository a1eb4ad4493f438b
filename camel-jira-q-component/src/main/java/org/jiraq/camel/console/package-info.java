/**
 * The {@code jiraq} developer console: every connection, its indicators, rate limits and recent errors; never a
 * credential.
 * <p>
 * Internal (Camel finds the console through its service file). May use {@code connection}, {@code spi} and the root
 * package.
 */
package org.jiraq.camel.console;
