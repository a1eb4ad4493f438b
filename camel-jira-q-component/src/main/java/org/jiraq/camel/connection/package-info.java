/**
 * One Jira connection per component, site and credential: what it is (site, deployment, API version, auth strategy)
 * and what happened lately (calls, failures, recent errors, indicators), shared by the endpoints that use it; and the
 * factory that builds an endpoint's auth strategy from its options.
 * <p>
 * Internal. May use {@code client}, {@code auth} (and its sub-packages), {@code metrics}, {@code spi} and the root
 * package.
 */
package org.jiraq.camel.connection;
