package org.jiraq.camel.auth.oauth1;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.ArrayList;
import java.util.List;

import org.jiraq.camel.JiraqComponent;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.LogCapture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Everything OAuth 1.0a does, successful and failing, with every log line (DEBUG and up, Camel's included) and every
 * error searched for the private key and the access tokens. The simulator answers a bad signature as Jira does, with
 * a report that echoes the signed base string, access token included.
 */
class OAuth1NoSecretsInLogsTest extends OAuth1TestSupport {

    private static final String REVOKED_TOKEN = "oauth1-revoked-token-99e4a7";
    private static final KeyPair WRONG_KEYS = TestKeys.rsa();

    @Test
    void neitherThePrivateKeyNorAnAccessTokenAppearsInAnyLogLineOrError() throws Exception {
        List<Throwable> errors = new ArrayList<>();
        String danceToken;
        try (LogCapture logs = LogCapture.start()) {
            String key = createIssue("jiraq:createIssue", "Quiet");
            template.requestBodyAndHeader("jiraq:getIssue", null, JiraqConstants.ISSUE_KEY, key);

            errors.add(template.request("jiraq:getIssue?accessToken=RAW(" + REVOKED_TOKEN + ")",
                    e -> e.getMessage().setBody("DEMO-1")).getException());
            // endpoints copy the component's options when created: each URI below is a new endpoint
            context.getComponent("jiraq", JiraqComponent.class).getConfiguration()
                    .setPrivateKey(TestKeys.pkcs8Pem(WRONG_KEYS.getPrivate()));
            errors.add(template.request("jiraq:getIssue?maxRetries=1", e -> e.getMessage().setBody("DEMO-1")).getException());
            context.getComponent("jiraq", JiraqComponent.class).getConfiguration()
                    .setPrivateKey(TestKeys.pkcs1Pem(CONSUMER_KEYS.getPrivate()).replace("MII", "M!I"));
            errors.add(catchThrowable(() -> context.getEndpoint("jiraq:getProjects?accessToken=RAW(other)")));

            danceToken = dance();
            context.getComponent("jiraq", JiraqComponent.class).getConfiguration()
                    .setPrivateKey(TestKeys.pkcs1Pem(CONSUMER_KEYS.getPrivate()));
            createIssue("jiraq:createIssue?accessToken=RAW(" + danceToken + ")", "Quiet too");

            String all = logs.text() + "\n" + traces(errors);
            assertThat(logs.lineCount()).as("the capture saw the component's debug output").isGreaterThan(5);
            assertThat(traces(errors)).contains("signature_invalid", "token_rejected",
                    "Option 'privateKey' does not hold a readable private key");
            for (String secret : secrets(danceToken)) {
                assertThat(all).as("logs and errors").doesNotContain(secret);
            }
        }
    }

    private String dance() throws Exception {
        OAuth1Dance dance = new OAuth1Dance(URI.create(sim.baseUrl()), new OAuth1Signer(CONSUMER, CONSUMER_KEYS.getPrivate()));
        OAuth1Dance.RequestToken requestToken = dance.requestToken("https://app.example.com/callback");
        HttpResponse<Void> approval = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(requestToken.authorizeUrl()).build(), HttpResponse.BodyHandlers.discarding());
        String location = approval.headers().firstValue("Location").orElseThrow();
        String verifier = location.substring(location.indexOf("oauth_verifier=") + "oauth_verifier=".length());
        return dance.accessToken(requestToken.token(), verifier);
    }

    private static List<String> secrets(String danceToken) {
        List<String> secrets = new ArrayList<>(List.of(ACCESS_TOKEN, REVOKED_TOKEN, danceToken));
        for (KeyPair keys : List.of(CONSUMER_KEYS, WRONG_KEYS)) {
            RSAPrivateCrtKey key = (RSAPrivateCrtKey) keys.getPrivate();
            secrets.add(key.getPrivateExponent().toString());
            secrets.add(key.getPrivateExponent().toString(16));
            secrets.add(key.getPrimeP().toString(16));
            for (String pem : List.of(TestKeys.pkcs1Pem(key), TestKeys.pkcs8Pem(key))) {
                // every full base64 line of the PEM, and the key without line breaks
                pem.lines().filter(line -> line.length() == 64).forEach(secrets::add);
                secrets.add(TestKeys.pemBody(pem).substring(64, 256));
            }
        }
        return secrets;
    }

    private static String traces(List<Throwable> errors) {
        StringWriter out = new StringWriter();
        errors.forEach(e -> {
            assertThat(e).isNotNull();
            e.printStackTrace(new PrintWriter(out));
        });
        return out.toString();
    }
}
