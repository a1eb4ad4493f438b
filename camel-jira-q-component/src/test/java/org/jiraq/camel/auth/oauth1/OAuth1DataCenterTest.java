package org.jiraq.camel.auth.oauth1;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.jiraq.camel.JiraqConfiguration;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.JiraqHttpException;
import org.jiraq.simulator.JiraSimulator;
import org.jiraq.simulator.RecordedRequest;
import org.jiraq.simulator.auth.OAuth1Provider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** authStrategy=oauth1 against a Data Center simulator whose application link holds the consumer's public key. */
class OAuth1DataCenterTest extends OAuth1TestSupport {

    private static final KeyPair OTHER_KEYS = TestKeys.rsa();

    @TempDir
    static Path keys;

    /** Here the key comes from a PKCS#1 file. */
    @Override
    protected void configure(JiraqConfiguration config) {
        super.configure(config);
        config.setPrivateKey(null);
        config.setPrivateKeyFile(keyFile("consumer.pem", TestKeys.pkcs1Pem(CONSUMER_KEYS.getPrivate())).toString());
    }

    static Path keyFile(String name, String pem) {
        try {
            return Files.writeString(keys.resolve(name), pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void createAndSearchIssuesWithSignedRequests() {
        String key = createIssue("jiraq:createIssue", "Signed with RSA-SHA1 + 100% ~unicode é");

        List<?> found = template.requestBodyAndHeader("jiraq:searchIssues?fields=summary,reporter", null, JiraqConstants.JQL,
                "project = DEMO AND summary ~ \"RSA-SHA1\" ORDER BY key ASC", List.class);

        assertThat(found.stream().map(issue -> (Object) ((Map<?, ?>) issue).get("key"))).contains(key);
        Map<?, ?> fields = (Map<?, ?>) ((Map<?, ?>) found.get(found.size() - 1)).get("fields");
        assertThat(fields.get("summary")).isEqualTo("Signed with RSA-SHA1 + 100% ~unicode é");
        RecordedRequest search = sim.requests("GET", "/rest/api/2/search").get(0);
        assertThat(search.headers().get("Authorization").get(0))
                .startsWith("OAuth realm=")
                .contains("oauth_consumer_key=\"" + CONSUMER + "\"", "oauth_signature_method=\"RSA-SHA1\"");
    }

    @Test
    void aWrongPrivateKeyIsRefusedWithAMessageThatSaysSo() {
        Path wrong = keyFile("other.pem", TestKeys.pkcs8Pem(OTHER_KEYS.getPrivate()));

        JiraqHttpException error = failure("jiraq:getIssue?privateKeyFile=" + wrong);

        assertThat(error.getStatusCode()).isEqualTo(401);
        assertThat(error.getMessage()).contains("OAuth 1.0a problem signature_invalid")
                .contains("the private key does not match the public key of the application link")
                .doesNotContain(ACCESS_TOKEN);
    }

    @Test
    void anUnknownConsumerKeyIsRefused() {
        assertThat(failure("jiraq:getIssue?consumerKey=stranger").getMessage())
                .contains("OAuth 1.0a problem consumer_key_unknown (no application link has this consumerKey)");
    }

    @Test
    void anUnknownAccessTokenIsRefusedWithAHintToRunTheDance() {
        JiraqHttpException error = failure("jiraq:getIssue?accessToken=RAW(revoked-token-31)");

        assertThat(error.getMessage()).contains("OAuth 1.0a problem token_rejected").contains("OAuth1Dance")
                .doesNotContain("revoked-token-31");
    }

    @Test
    void aClockFarFromJirasIsRefused() {
        sim.clock().advance(OAuth1Provider.TIMESTAMP_WINDOW.plusMinutes(1));

        assertThat(failure("jiraq:getIssue").getMessage()).contains("OAuth 1.0a problem timestamp_refused");
    }

    @Test
    void aReplayedRequestIsRefusedAsNonceUsed() throws Exception {
        OAuth1Signer signer = new OAuth1Signer(CONSUMER, CONSUMER_KEYS.getPrivate());
        URI uri = URI.create(sim.baseUrl() + "/rest/api/2/myself");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Authorization", signer.authorization("GET", uri, Map.of(), Map.of("oauth_token", ACCESS_TOKEN)))
                .build();
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> first = http.send(request, HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> replay = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).as("the token acts for its user").contains(JiraSimulator.DEFAULT_USER);
        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(replay.body()).isEqualTo("oauth_problem=nonce_used");
        assertThat(replay.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).contains("oauth_problem=\"nonce_used\""));
    }

    private JiraqHttpException failure(String uri) {
        Exchange result = template.request(uri, e -> e.getMessage().setBody("DEMO-1"));
        assertThat(result.getException()).isInstanceOf(JiraqHttpException.class);
        return (JiraqHttpException) result.getException();
    }
}
