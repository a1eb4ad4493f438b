/**
 * Camel health checks of the component's Jira connections.
 * <p>
 * Internal. May use {@code connection}, {@code client}, {@code spi} and the root package.
 */
package org.jiraq.camel.health;
