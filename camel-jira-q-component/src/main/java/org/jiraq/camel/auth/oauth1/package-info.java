/**
 * OAuth 1.0a RSA-SHA1 for Jira Data Center application links: request signing, PEM private keys, Jira's problem
 * reports, and {@link org.jiraq.camel.auth.oauth1.OAuth1Dance}, the one-time command that obtains an access token.
 * <p>
 * Internal but for {@code OAuth1Dance}. May use {@code auth}, {@code client} and the root package.
 */
package org.jiraq.camel.auth.oauth1;
