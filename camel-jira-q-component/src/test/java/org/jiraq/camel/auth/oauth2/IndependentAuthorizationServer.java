package org.jiraq.camel.auth.oauth2;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import okhttp3.mockwebserver.RecordedRequest;
import org.jiraq.camel.JiraqDeployment;
import org.jiraq.camel.JiraqGrantType;
import org.jiraq.camel.client.HttpClientFactory;
import org.jiraq.camel.client.RetryPolicy;
import org.jiraq.camel.spi.TokenStore;

/**
 * NAV's mock-oauth2-server (built on Nimbus, rotating refresh tokens), an OAuth 2.0 server written by others, with
 * what the tests need around it: a consent walked as a browser would, and settings and context that point at it in
 * the RFC 6749 form style the component uses for Data Center.
 */
final class IndependentAuthorizationServer implements AutoCloseable {

    static final String ISSUER = "jira";
    static final String REDIRECT_URI = "http://localhost:8080/jira/callback";
    static final String CLIENT_SECRET = "s3cr=t";
    static final URI SITE = URI.create("https://jira.example.internal");

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    final MockOAuth2Server server = new MockOAuth2Server(new OAuth2Config(false, null, null, true));

    IndependentAuthorizationServer() {
        server.start();
    }

    OAuth2Settings settings(JiraqGrantType grantType, String refreshToken) {
        return new OAuth2Settings(grantType, "camel", CLIENT_SECRET, "READ WRITE", refreshToken, null, "default",
                URI.create(server.authorizationEndpointUrl(ISSUER).toString()),
                URI.create(server.tokenEndpointUrl(ISSUER).toString()), URI.create("https://api.atlassian.com"),
                REDIRECT_URI, SITE, JiraqDeployment.datacenter);
    }

    OAuth2TokenClient tokenClient(OAuth2Settings settings) {
        return new OAuth2TokenClient(settings, HttpClientFactory.createDefault(), RetryPolicy.none(), Duration.ofSeconds(10));
    }

    /** Consents as a browser would: the server consents at once and redirects back with a code and the state. */
    String consentCode() throws Exception {
        URI authorize = URI.create(server.authorizationEndpointUrl(ISSUER) + "?client_id=camel&response_type=code"
                                   + "&scope=openid&state=xyz&redirect_uri=" + REDIRECT_URI);
        URI back = URI.create(http.send(HttpRequest.newBuilder(authorize).build(), HttpResponse.BodyHandlers.discarding())
                .headers().firstValue("Location").orElseThrow());
        if (!back.getQuery().contains("state=xyz")) {
            throw new IllegalStateException("The consent came back without its state: " + back);
        }
        nextRequest(); // the authorize request itself
        return back.getQuery().replaceAll(".*code=([^&]+).*", "$1");
    }

    /** The next request the server received that the test has not looked at yet. */
    RecordedRequest nextRequest() {
        return server.takeRequest(1, TimeUnit.SECONDS);
    }

    /** Whether the server received no request the test has not looked at, within a short wait. */
    boolean receivedNothingMore() {
        try {
            server.takeRequest(200, TimeUnit.MILLISECONDS);
            return false;
        } catch (RuntimeException none) {
            return true;
        }
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
