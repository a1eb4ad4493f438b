package org.jiraq.camel.auth.oauth2;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.jiraq.camel.JiraqAuthStrategy;
import org.jiraq.camel.JiraqComponent;
import org.jiraq.camel.JiraqConfiguration;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.JiraqTestSupport;
import org.jiraq.camel.spi.TokenStore;
import org.jiraq.simulator.JiraSimulator;
import org.jiraq.simulator.auth.AtlassianOAuth2;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Jira Cloud simulator with Atlassian's OAuth 2.0, and the component set up as an app would be: authStrategy=oauth2,
 * Atlassian's hosts pointed at the simulator, the store an H2 file in a temporary directory, and the connect flow's two
 * processors behind routes (direct: stands in for the app's HTTP consumer).
 */
public abstract class OAuth2TestSupport extends JiraqTestSupport {

    static final String REDIRECT_URI = "https://app.example.com/jira/callback";

    /** Follows nothing by itself, so each redirect of the consent can be looked at. */
    private static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private static final String OTHER_REPLICA = "otherReplica";

    protected final AtlassianOAuth2 oauth = new AtlassianOAuth2();

    @TempDir
    Path storeDir;

    @Override
    protected JiraSimulator.Builder simulator() {
        return super.simulator().feature(oauth);
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        JiraqComponent jiraq = context.getComponent("jiraq", JiraqComponent.class);
        jiraq.setStoreUrl("jdbc:h2:file:" + storeDir.resolve("jiraq"));
        if (connectsOnAnotherReplica()) {
            JiraqComponent otherReplica = new JiraqComponent();
            otherReplica.setConfiguration(jiraq.getConfiguration().copy());
            otherReplica.setStoreUrl(jiraq.getStoreUrl());
            context.addComponent(OTHER_REPLICA, otherReplica);
        }
        return context;
    }

    /**
     * Whether the user connects through another component on the same store, as through another replica: the
     * endpoints' connection then knows the grant only from the store, so a test may change it there (a token near its
     * expiry) and the endpoints see the change, as they would once that much time had passed.
     */
    protected boolean connectsOnAnotherReplica() {
        return false;
    }

    @Override
    protected void configure(JiraqConfiguration config) {
        super.configure(config);
        oauth2(config, sim);
    }

    /** The OAuth 2.0 options of an app registered with the simulator's authorization server. */
    public static void oauth2(JiraqConfiguration config, JiraSimulator sim) {
        config.setUsername(null);
        config.setApiToken(null);
        config.setPersonalAccessToken(null);
        config.setAuthStrategy(JiraqAuthStrategy.oauth2);
        config.setClientId(AtlassianOAuth2.CLIENT_ID);
        config.setClientSecret(AtlassianOAuth2.CLIENT_SECRET);
        config.setScopes("read:jira-work, write:jira-work");
        config.setRedirectUri(REDIRECT_URI);
        config.setAuthorizationUrl(sim.baseUrl() + "/authorize");
        config.setTokenUrl(sim.baseUrl() + "/oauth/token");
        config.setApiGatewayUrl(sim.baseUrl());
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return routes(connectsOnAnotherReplica() ? OTHER_REPLICA : "jiraq");
    }

    /** The connect flow's processors and createIssue, as an app would route them. */
    static RouteBuilder routes() {
        return routes("jiraq");
    }

    private static RouteBuilder routes(String connectComponent) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                OAuth2AuthorizeProcessor authorize = new OAuth2AuthorizeProcessor();
                authorize.setComponent(connectComponent);
                OAuth2CallbackProcessor callback = new OAuth2CallbackProcessor();
                callback.setComponent(connectComponent);
                from("direct:connect").process(authorize);
                from("direct:callback").process(callback);
                from("direct:createIssue").to("jiraq:createIssue");
            }
        };
    }

    protected Exchange connect(String credentialId) throws Exception {
        return connect(template, credentialId);
    }

    protected Exchange callback(String rawQuery) {
        return callback(template, rawQuery, null);
    }

    protected Exchange callback(String rawQuery, String cookie) {
        return callback(template, rawQuery, cookie);
    }

    protected Exchange createIssue(String credentialId) {
        return createIssue(template, credentialId);
    }

    /** Connects a Jira account as a user would, and returns the callback's answer. */
    static Exchange connect(ProducerTemplate template, String credentialId) throws Exception {
        Exchange authorize = template.request("direct:connect",
                e -> e.getMessage().setHeader(JiraqConstants.CREDENTIAL_ID, credentialId));
        URI consentScreen = URI.create(authorize.getMessage().getHeader("Location", String.class));
        HttpResponse<Void> consented = BROWSER.send(HttpRequest.newBuilder(consentScreen).build(),
                HttpResponse.BodyHandlers.discarding());
        return callback(template, URI.create(consented.headers().firstValue("Location").orElseThrow()).getRawQuery(),
                cookieOf(authorize));
    }

    /** The cookie a browser keeps from the authorize answer and sends back to the callback. */
    static String cookieOf(Exchange authorize) {
        String setCookie = authorize.getMessage().getHeader("Set-Cookie", String.class);
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    /** What the app's HTTP consumer does at the redirect URI: the query parameters and the Cookie become headers. */
    static Exchange callback(ProducerTemplate template, String rawQuery, String cookie) {
        Map<String, Object> headers = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            headers.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        if (cookie != null) {
            headers.put("Cookie", "theme=dark; " + cookie);
        }
        return template.request("direct:callback", e -> e.getMessage().setHeaders(headers));
    }

    /** Creates an issue in DEMO as {@code credentialId} (null: the configured one); the exchange, failed or not. */
    static Exchange createIssue(ProducerTemplate template, String credentialId) {
        return template.request("direct:createIssue", e -> {
            e.getMessage().setHeader(JiraqConstants.PROJECT_KEY, "DEMO");
            e.getMessage().setHeader(JiraqConstants.ISSUE_TYPE_NAME, "Task");
            e.getMessage().setHeader(JiraqConstants.SUMMARY, "Made with OAuth 2.0");
            if (credentialId != null) {
                e.getMessage().setHeader(JiraqConstants.CREDENTIAL_ID, credentialId);
            }
        });
    }

    protected TokenStore tokenStore() {
        return tokenStore(context);
    }

    static TokenStore tokenStore(CamelContext context) {
        JiraqComponent jiraq = context.getComponent("jiraq", JiraqComponent.class);
        return jiraq.tokenStoreFor(jiraq.getConfiguration());
    }

    /** The HTTP status a connect-flow processor answered with. */
    static Object status(Exchange exchange) {
        return exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE);
    }
}
