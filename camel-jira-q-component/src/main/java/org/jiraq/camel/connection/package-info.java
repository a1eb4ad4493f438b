/**
 * One Jira connection per component, site and credential fingerprint, reference-counted by the endpoints that use it:
 * it owns the HTTP pool (when the component built it), the auth strategy with its one OAuth 2.0 token manager, and the
 * rate-limit governor, and knows what happened lately (calls, failures, recent errors, indicators) for the health
 * checks, the dev console and the meters. The place for what every replica of a connection will share (a governor
 * backed by the store).
 * <p>
 * Internal. May use {@code client}, {@code auth} (and its sub-packages), {@code metrics}, {@code spi} and the root
 * package.
 */
package org.jiraq.camel.connection;
