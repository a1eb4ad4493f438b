/**
 * One small handler per producer operation: reads the exchange's inputs, calls Jira through the client, writes the
 * result. {@link org.jiraq.camel.JiraqOperation} names the handler of each operation.
 * <p>
 * Internal. May use {@code client}, {@code auth} and {@code auth.oauth2} (the gateway APIs' cloudId), {@code adf},
 * {@code gdpr}, {@code spi} and the root package.
 */
package org.jiraq.camel.operation;
