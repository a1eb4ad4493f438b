/**
 * Who may call: the authentication chain ({@link org.jiraq.simulator.auth.SimulatorAuth} schemes run by
 * {@link org.jiraq.simulator.auth.AuthInterceptor}), Basic and personal access tokens, OAuth 1.0a as Data Center's
 * application links do it, and OAuth 2.0 as Atlassian's authorization servers do it, with the scopes each Cloud
 * operation needs. Features users add ({@link org.jiraq.simulator.auth.AtlassianOAuth2},
 * {@link org.jiraq.simulator.auth.OAuth1Provider}) and the {@link org.jiraq.simulator.auth.ConsentBrowser} tests drive
 * are public; signature checks, the authority's state and the scope table are internal. Uses {@code http} and
 * {@code model}.
 */
package org.jiraq.simulator.auth;
