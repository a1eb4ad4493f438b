/**
 * How the component proves who it is to Jira: the {@link org.jiraq.camel.auth.AuthStrategy} hooks the HTTP client
 * calls for each request, and the strategies that need nothing but their options (API token, personal access token).
 * OAuth 1.0a and OAuth 2.0 live in the sub-packages {@code auth.oauth1} and {@code auth.oauth2}.
 * <p>
 * Internal. May use the root package (option enums) only; the client depends on it, so it never uses the client.
 */
package org.jiraq.camel.auth;
