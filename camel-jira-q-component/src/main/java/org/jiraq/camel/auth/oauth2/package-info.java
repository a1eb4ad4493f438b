/**
 * OAuth 2.0: the strategy, the token manager that refreshes rotating refresh tokens once for every thread and replica,
 * the token endpoint client, and the consent flow's processors
 * ({@link org.jiraq.camel.auth.oauth2.OAuth2AuthorizeProcessor}, {@link org.jiraq.camel.auth.oauth2.OAuth2CallbackProcessor}).
 * <p>
 * Internal but for the two processors. May use {@code auth}, {@code client}, {@code spi} and the root package.
 */
package org.jiraq.camel.auth.oauth2;
