package org.jiraq.camel.auth.oauth1;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.apache.hc.client5.http.classic.HttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.net.PercentCodec;
import org.apache.hc.core5.net.WWWFormCodec;
import org.jiraq.camel.client.HttpClientFactory;
import org.jiraq.camel.client.JiraqClient;
import org.jiraq.camel.client.JiraqRequest;
import org.jiraq.camel.client.JiraqResponse;
import org.jiraq.camel.client.RetryPolicy;

/**
 * The OAuth 1.0a three-legged dance that gives the access token for authStrategy=oauth1, run once per Jira user
 * after a Jira administrator has created the application link (Incoming Authentication: consumer key and the
 * consumer's public key):
 * <ol>
 * <li>{@link #requestToken(String)}: POST {base}/plugins/servlet/oauth/request-token, signed with the consumer key
 * and carrying the callback;</li>
 * <li>the user opens {@link RequestToken#authorizeUrl()} ({base}/plugins/servlet/oauth/authorize?oauth_token=...) and
 * allows access; Jira shows a verification code, or sends it to the callback as oauth_verifier;</li>
 * <li>{@link #accessToken(String, String)}: POST {base}/plugins/servlet/oauth/access-token with the request token and
 * the verifier; the answer is the access token to configure as the accessToken option.</li>
 * </ol>
 * From a shell: {@code java -cp camel-jira-q.jar:<dependencies> org.jiraq.camel.auth.oauth1.OAuth1Dance <baseUrl>
 * <consumerKey> <privateKeyFile>} (or the environment variables JIRA_BASE_URL, JIRA_CONSUMER_KEY and
 * JIRA_PRIVATE_KEY_PATH) prints the authorize URL, reads the verification code and prints the access token on
 * standard output. Nothing here logs a token.
 */
public final class OAuth1Dance implements Closeable {

    /** The callback value that asks Jira to show the verification code to the user instead of redirecting. */
    public static final String OUT_OF_BAND = "oob";

    private static final String SERVLET = "/plugins/servlet/oauth";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI baseUrl;
    private final OAuth1Signer signer;
    private final HttpClient http;
    private final CloseableHttpClient owned;

    /**
     * A temporary credential of step 1 and the page where the user approves it.
     *
     * @param token        the request token (its secret is unused with RSA-SHA1)
     * @param authorizeUrl where the user allows access
     */
    public record RequestToken(String token, URI authorizeUrl) {
    }

    /**
     * @param baseUrl the Jira base URL, with any context path (https://jira.acme.internal/jira)
     * @param signer  signs with the consumer key and private key of the application link
     */
    public OAuth1Dance(URI baseUrl, OAuth1Signer signer, HttpClient http) {
        this(baseUrl, signer, http, null);
    }

    /** A dance on an HTTP client of its own, with the component's default timeouts; {@link #close()} closes it. */
    public OAuth1Dance(URI baseUrl, OAuth1Signer signer) {
        this(baseUrl, signer, null, HttpClientFactory.createDefault());
    }

    private OAuth1Dance(URI baseUrl, OAuth1Signer signer, HttpClient http, CloseableHttpClient owned) {
        this.baseUrl = baseUrl;
        this.signer = signer;
        this.http = owned != null ? owned : http;
        this.owned = owned;
    }

    /** Closes the HTTP client the dance created, if it did. */
    @Override
    public void close() {
        if (owned != null) {
            owned.close(CloseMode.GRACEFUL);
        }
    }

    /**
     * Step 1: a request token.
     *
     * @param callback where Jira sends the user back with oauth_verifier, or {@link #OUT_OF_BAND}
     */
    public RequestToken requestToken(String callback) throws IOException {
        String token = post("request-token", Map.of("oauth_callback", callback));
        URI authorize = URI.create(stripTrailingSlash(baseUrl) + SERVLET + "/authorize?oauth_token="
                                   + PercentCodec.RFC3986.encode(token));
        return new RequestToken(token, authorize);
    }

    /** Step 3: exchanges the approved request token and its verifier for the access token. */
    public String accessToken(String requestToken, String verifier) throws IOException {
        return post("access-token", Map.of("oauth_token", requestToken, "oauth_verifier", verifier));
    }

    // both token endpoints answer a form-encoded body whose oauth_token is what the step hands out
    private String post(String step, Map<String, String> protocolParameters) throws IOException {
        JiraqClient client = new JiraqClient(baseUrl, new OAuth1Auth(signer, protocolParameters), http,
                RetryPolicy.none(), TIMEOUT);
        JiraqResponse response = client.execute(JiraqRequest.post(SERVLET + "/" + step).build());
        String token = OAuth1Problem.first(
                WWWFormCodec.parse(new String(response.body(), StandardCharsets.UTF_8), StandardCharsets.UTF_8),
                "oauth_token");
        if (token == null || token.isEmpty()) {
            throw new IOException("Jira's answer to POST " + SERVLET + "/" + step + " carries no oauth_token");
        }
        return token;
    }

    private static String stripTrailingSlash(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** Runs the dance in a terminal; see the class documentation. */
    public static void main(String[] args) throws Exception {
        String baseUrl = argOrEnv(args, 0, "JIRA_BASE_URL", "baseUrl");
        String consumerKey = argOrEnv(args, 1, "JIRA_CONSUMER_KEY", "consumerKey");
        Path keyFile = Path.of(argOrEnv(args, 2, "JIRA_PRIVATE_KEY_PATH", "privateKeyFile"));
        OAuth1Signer signer = new OAuth1Signer(consumerKey, PemPrivateKeys.readFile(keyFile));
        try (OAuth1Dance dance = new OAuth1Dance(URI.create(baseUrl), signer)) {
            run(dance, new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), System.out);
        }
    }

    /** The interactive dance: prints the authorize URL, reads the verification code, prints the access token. */
    static void run(OAuth1Dance dance, BufferedReader in, PrintStream out) throws IOException {
        RequestToken requestToken = dance.requestToken(OUT_OF_BAND);
        out.println("1. Open this page as the Jira user the routes act for, and allow access:");
        out.println("   " + requestToken.authorizeUrl());
        out.print("2. Enter the verification code Jira shows: ");
        out.flush();
        String verifier = in.readLine();
        if (verifier == null || verifier.isBlank()) {
            throw new IOException("No verification code entered");
        }
        String accessToken = dance.accessToken(requestToken.token(), verifier.trim());
        out.println("3. Configure the jiraq component with authStrategy=oauth1 and this access token"
                    + " (option accessToken; keep it secret):");
        out.println(accessToken);
    }

    private static String argOrEnv(String[] args, int index, String env, String name) {
        String value = args.length > index ? args[index] : System.getenv(env);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(
                    "Missing " + name + ": usage OAuth1Dance <baseUrl> <consumerKey> <privateKeyFile>,"
                                               + " or set " + env);
        }
        return value;
    }
}
