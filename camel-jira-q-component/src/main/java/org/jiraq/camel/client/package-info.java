/**
 * The one way the component talks to Jira over HTTP: {@link org.jiraq.camel.client.JiraqClient} with its requests and
 * responses, credentials only to trusted hosts, retries, pagination and rate limiting (the last two package-private
 * behind the client).
 * <p>
 * Internal. May use {@code auth} (the strategy hooks it calls), {@code spi} (the store replicas share rate limits
 * through, health indicators) and the root package (options, exceptions).
 */
package org.jiraq.camel.client;
