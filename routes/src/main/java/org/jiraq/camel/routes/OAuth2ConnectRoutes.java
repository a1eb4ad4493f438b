package org.jiraq.camel.routes;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

import static org.apache.camel.builder.PredicateBuilder.and;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.auth.oauth2.OAuth2AuthorizeProcessor;
import org.jiraq.camel.auth.oauth2.OAuth2CallbackProcessor;
import org.jiraq.camel.auth.oauth2.OAuth2ConnectedAccount;

/**
 * The route template {@value #OAUTH2_CONNECT}: connects a Jira account to the application over Camel's platform-http,
 * with the OAuth 2.0 options of the jiraq component ({@code clientId}, {@code clientSecret}, {@code scopes},
 * {@code redirectUri}: the public URL of {@code {path}/callback}).
 * <ul>
 * <li>{@code GET {path}/connect} answers 302 to the consent screen (Atlassian's on Cloud, with offline_access unless
 * {@code offlineAccess} is false; the site's on Data Center, with PKCE) with a single-use state, bound to the browser
 * that asked (a cookie) and to the credentialId the grant will be stored under;</li>
 * <li>{@code GET {path}/callback} checks the state, trades the code, finds the Jira Cloud site, stores the grant and
 * answers a small page; each connected account is also sent to {@code connected}: JSON text
 * {@code {"credentialId", "siteUrl", "cloudId", "scopes"}} with header {@code CamelJiraqCredentialId}.</li>
 * </ul>
 * The credentialId is the {@code credentialId} parameter (by default the component's), never anything the request
 * says: a multi-user application sets it from its own login, by using the two processors in its own routes.
 */
public class OAuth2ConnectRoutes extends RouteBuilder {

    public static final String OAUTH2_CONNECT = "jiraq-oauth2-connect";

    @Override
    public void configure() {
        routeTemplate(OAUTH2_CONNECT)
                .templateParameter("path", "/jira", "The HTTP path below which /connect and /callback are served")
                .templateOptionalParameter("credentialId",
                        "The credentialId to store the grant under; by default the jiraq component's credentialId")
                .templateParameter("component", "jiraq", "The name of the jiraq component whose OAuth 2.0 options to use")
                .templateParameter("connected", "log:org.jiraq.camel.routes.OAuth2Connect?level=INFO&showBody=false",
                        "Where each connected account is announced: JSON text (credentialId, siteUrl, cloudId, scopes),"
                        + " with header CamelJiraqCredentialId")
                .templateParameter("offlineAccess", "true",
                        "Whether to ask Jira Cloud for a refresh token (offline_access), so the grant outlives its first"
                        + " hour; Data Center's provider issues one anyway")
                .templateBean("authorize", OAuth2AuthorizeProcessor.class, rtc -> {
                    OAuth2AuthorizeProcessor processor = new OAuth2AuthorizeProcessor();
                    processor.setComponent(rtc.getProperty("component", String.class));
                    processor.setOfflineAccess(rtc.getProperty("offlineAccess", Boolean.class));
                    return processor;
                })
                .templateBean("callback", OAuth2CallbackProcessor.class, rtc -> {
                    OAuth2CallbackProcessor processor = new OAuth2CallbackProcessor();
                    processor.setComponent(rtc.getProperty("component", String.class));
                    return processor;
                })
                .from("platform-http:{{path}}?matchOnUriPrefix=true&httpMethodRestrict=GET")
                    // the credentialId is the application's to choose, never the request's
                    .removeHeaders("CamelJiraq*")
                    .setHeader(JiraqConstants.CREDENTIAL_ID, constant("{{?credentialId}}"))
                    .choice()
                        .when(header(Exchange.HTTP_PATH).endsWith("/connect"))
                            .process("{{authorize}}")
                        .when(header(Exchange.HTTP_PATH).endsWith("/callback"))
                            .process("{{callback}}")
                        .otherwise()
                            .removeHeaders("*")
                            .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(404))
                            .setBody(constant("Not found"))
                    .end()
                    .filter(and(header(Exchange.HTTP_PATH).endsWith("/callback"),
                            header(Exchange.HTTP_RESPONSE_CODE).isEqualTo(200)))
                        .wireTap("{{connected}}").onPrepare(new OAuth2ConnectedAccount())
                    .end();
    }
}
