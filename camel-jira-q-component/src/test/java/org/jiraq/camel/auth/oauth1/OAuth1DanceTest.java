package org.jiraq.camel.auth.oauth1;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.hc.core5.net.WWWFormCodec;
import org.jiraq.camel.JiraqConfiguration;
import org.jiraq.camel.JiraqHttpException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The three-legged dance against the simulator's OAuth 1.0a provider, and the access token it yields put to work,
 * with the consumer's key given as PKCS#8 PEM text.
 */
class OAuth1DanceTest extends OAuth1TestSupport {

    private static final String CALLBACK = "https://app.example.com/jira/callback?state=42";
    private static final Pattern VERIFICATION_CODE = Pattern.compile("verification code is '([^']+)'");

    private final HttpClient browser = HttpClient.newHttpClient();

    /** Here the key is PKCS#8 text and the access token comes from the dance. */
    @Override
    protected void configure(JiraqConfiguration config) {
        super.configure(config);
        config.setPrivateKey(TestKeys.pkcs8Pem(CONSUMER_KEYS.getPrivate()));
        config.setAccessToken(null);
    }

    private OAuth1Dance dance() throws Exception {
        return new OAuth1Dance(URI.create(sim.baseUrl()), new OAuth1Signer(CONSUMER, CONSUMER_KEYS.getPrivate()));
    }

    /** What the user's browser does on the authorize page: Jira approves and redirects to the callback. */
    private String approveAndReadVerifier(OAuth1Dance.RequestToken requestToken) throws Exception {
        HttpResponse<String> approval = browser.send(HttpRequest.newBuilder(requestToken.authorizeUrl()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(approval.statusCode()).isEqualTo(302);
        URI callback = URI.create(approval.headers().firstValue("Location").orElseThrow());
        assertThat(callback.getHost()).isEqualTo("app.example.com");
        Map<String, String> query = new HashMap<>();
        WWWFormCodec.parse(callback.getRawQuery(), StandardCharsets.UTF_8).forEach(p -> query.put(p.getName(), p.getValue()));
        assertThat(query).containsEntry("state", "42").containsEntry("oauth_token", requestToken.token());
        return query.get("oauth_verifier");
    }

    private String createIssueWith(String accessToken) {
        return createIssue("jiraq:createIssue?accessToken=RAW(" + accessToken + ")", "Filed with a token from the dance");
    }

    @Test
    void theDanceYieldsAnAccessTokenTheRoutesCanUse() throws Exception {
        OAuth1Dance dance = dance();

        OAuth1Dance.RequestToken requestToken = dance.requestToken(CALLBACK);
        String accessToken = dance.accessToken(requestToken.token(), approveAndReadVerifier(requestToken));

        assertThat(requestToken.authorizeUrl())
                .hasToString(sim.baseUrl() + "/plugins/servlet/oauth/authorize?oauth_token=" + requestToken.token());
        assertThat(createIssueWith(accessToken)).startsWith("DEMO-");
    }

    @Test
    void aRequestTokenIsExchangedOnlyOnce() throws Exception {
        OAuth1Dance dance = dance();
        OAuth1Dance.RequestToken requestToken = dance.requestToken(CALLBACK);
        String verifier = approveAndReadVerifier(requestToken);
        dance.accessToken(requestToken.token(), verifier);

        assertThatThrownBy(() -> dance.accessToken(requestToken.token(), verifier))
                .isInstanceOf(JiraqHttpException.class)
                .hasMessageContaining("POST /plugins/servlet/oauth/access-token")
                .hasMessageContaining("OAuth 1.0a problem token_rejected");
    }

    @Test
    void aTokenTheUserHasNotApprovedIsRefused() throws Exception {
        OAuth1Dance dance = dance();
        OAuth1Dance.RequestToken requestToken = dance.requestToken(CALLBACK);

        assertThatThrownBy(() -> dance.accessToken(requestToken.token(), "guessed"))
                .hasMessageContaining("OAuth 1.0a problem permission_unknown");
    }

    @Test
    void aConsumerWithAnotherKeyCannotStartTheDance() throws Exception {
        OAuth1Dance impostor = new OAuth1Dance(URI.create(sim.baseUrl()),
                new OAuth1Signer(CONSUMER, TestKeys.rsa().getPrivate()));

        assertThatThrownBy(() -> impostor.requestToken(CALLBACK))
                .hasMessageContaining("401").hasMessageContaining("OAuth 1.0a problem signature_invalid");
    }

    @Test
    void theTerminalHelperShowsTheAuthorizePageReadsTheCodeAndPrintsTheToken() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        // the user: opens the page printed so far, reads the code Jira shows and types it in
        BufferedReader user = new BufferedReader(Reader.nullReader()) {
            @Override
            public String readLine() throws IOException {
                Matcher url = Pattern.compile("https?://\\S+/authorize\\?oauth_token=\\S+")
                        .matcher(printed.toString(StandardCharsets.UTF_8));
                assertThat(url.find()).as("the authorize URL was printed before the prompt").isTrue();
                try {
                    String page = browser.send(HttpRequest.newBuilder(URI.create(url.group())).build(),
                            HttpResponse.BodyHandlers.ofString()).body();
                    Matcher code = VERIFICATION_CODE.matcher(page);
                    assertThat(code.find()).isTrue();
                    return code.group(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
        };

        OAuth1Dance.run(dance(), user, new PrintStream(printed, true, StandardCharsets.UTF_8));

        List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
        String accessToken = lines.get(lines.size() - 1);
        assertThat(lines.get(lines.size() - 2)).contains("accessToken");
        assertThat(createIssueWith(accessToken)).startsWith("DEMO-");
    }
}
