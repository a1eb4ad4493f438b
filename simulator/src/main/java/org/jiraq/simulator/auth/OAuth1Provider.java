package org.jiraq.simulator.auth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.jiraq.simulator.JiraSimulator;
import org.jiraq.simulator.SimulatorClock;
import org.jiraq.simulator.SimulatorContext;
import org.jiraq.simulator.SimulatorFeature;
import org.jiraq.simulator.http.ApiRequest;
import org.jiraq.simulator.http.ApiResponse;
import org.jiraq.simulator.http.Interceptor;
import org.jiraq.simulator.http.Route;
import org.jiraq.simulator.model.SimulatorUser;

/**
 * Jira Data Center's OAuth 1.0a provider, as application links with Incoming Authentication run it: consumers known
 * by key and RSA public key, requests signed with RSA-SHA1, and the three-legged dance under
 * /plugins/servlet/oauth (request-token, authorize, access-token).
 * <p>
 * Like Jira's OAuth filter, every request that carries an OAuth Authorization header is checked before anything else
 * sees it: signature, consumer, timestamp (within {@link #TIMESTAMP_WINDOW} of the simulator's clock), nonce (once
 * only) and access token. A failure is Jira's 401 with an oauth_problem report. The authorize page approves at once,
 * as the configured user, as if that user had clicked Allow.
 *
 * <pre>{@code
 * JiraSimulator.builder().flavour(Flavour.DATA_CENTER)
 *         .feature(new OAuth1Provider().consumer("jiraq", publicKey).accessToken("token", "jiraq", "alice@example.com"))
 *         .start();
 * }</pre>
 */
public final class OAuth1Provider implements SimulatorFeature {

    public static final String SERVLET = "/plugins/servlet/oauth";
    public static final String REQUEST_TOKEN_PATH = SERVLET + "/request-token";
    public static final String AUTHORIZE_PATH = SERVLET + "/authorize";
    public static final String ACCESS_TOKEN_PATH = SERVLET + "/access-token";
    /** How far oauth_timestamp may be from the simulator's clock, either way. */
    public static final Duration TIMESTAMP_WINDOW = Duration.ofMinutes(5);
    /** Jira grants OAuth 1.0a access for five years. */
    private static final String FIVE_YEARS = Long.toString(Duration.ofDays(5 * 365).toSeconds());

    private record Grant(String consumerKey, SimulatorUser user) {
    }

    /** A request token of a dance in progress; verifier and user are set once the user approves it. */
    private record PendingGrant(String consumerKey, String callback, String verifier, SimulatorUser user) {
    }

    private final Map<String, PublicKey> consumers = new ConcurrentHashMap<>();
    private final Map<String, Grant> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, PendingGrant> requestTokens = new ConcurrentHashMap<>();
    private final Map<String, Long> usedNonces = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private volatile SimulatorUser approver = SimulatorUser.ofEmail(JiraSimulator.DEFAULT_USER);
    private SimulatorClock clock;
    private String realm;

    /** An application link: the consumer key and the public key of the consumer's RSA key pair. */
    public OAuth1Provider consumer(String consumerKey, PublicKey publicKey) {
        consumers.put(consumerKey, publicKey);
        return this;
    }

    /** An access token granted earlier to a consumer, acting for the user with this e-mail address. */
    public OAuth1Provider accessToken(String token, String consumerKey, String userEmail) {
        accessTokens.put(token, new Grant(consumerKey, SimulatorUser.ofEmail(userEmail)));
        return this;
    }

    /** The user who approves on the authorize page (the default user unless set). */
    public OAuth1Provider approvingAs(String userEmail) {
        this.approver = SimulatorUser.ofEmail(userEmail);
        return this;
    }

    @Override
    public void register(SimulatorContext context) {
        this.clock = context.clock();
        this.realm = context.baseUrl();
        context.interceptor(Interceptor.ORDER_AUTHENTICATION - 1, this::filter);
        context.authentication(this::authenticate);
        // signed calls to the token endpoints are answered by the filter; these handlers see only unsigned ones
        Route.Handler unsigned = request -> new OAuth1Rejection("parameter_absent",
                Map.of("oauth_parameters_absent", "oauth_consumer_key&oauth_signature")).response(realm);
        context.route("POST", REQUEST_TOKEN_PATH, unsigned).contractExempt().anonymous();
        context.route("POST", ACCESS_TOKEN_PATH, unsigned).contractExempt().anonymous();
        context.route("GET", AUTHORIZE_PATH, this::authorize).contractExempt().anonymous();
    }

    private ApiResponse filter(ApiRequest request, Interceptor.Chain next) {
        if (!OAuth1SignedRequest.isSigned(request)) {
            return next.proceed(request);
        }
        try {
            OAuth1SignedRequest signed = verify(request);
            if (request.path().equals(REQUEST_TOKEN_PATH)) {
                return issueRequestToken(signed);
            }
            if (request.path().equals(ACCESS_TOKEN_PATH)) {
                return issueAccessToken(signed);
            }
            Grant grant = grantOf(signed);
            if (grant == null || !grant.consumerKey().equals(signed.param("oauth_consumer_key"))) {
                throw new OAuth1Rejection("token_rejected");
            }
            return next.proceed(request);
        } catch (OAuth1Rejection e) {
            return e.response(realm);
        }
    }

    /** The user of a request the filter let through: the one its access token acts for. */
    private SimulatorAuth.Result authenticate(ApiRequest request) {
        if (!OAuth1SignedRequest.isSigned(request)) {
            return SimulatorAuth.Result.abstain();
        }
        Grant grant = grantOf(OAuth1SignedRequest.of(request));
        return grant == null ? SimulatorAuth.Result.refuse() : SimulatorAuth.Result.authenticated(grant.user());
    }

    private Grant grantOf(OAuth1SignedRequest signed) {
        String token = signed.param("oauth_token");
        return token == null ? null : accessTokens.get(token);
    }

    // in the order Jira's validator checks: parameters, version, method, consumer, timestamp, signature, nonce
    private OAuth1SignedRequest verify(ApiRequest request) {
        OAuth1SignedRequest signed = OAuth1SignedRequest.of(request);
        List<String> absent = Stream.of("oauth_consumer_key", "oauth_signature_method", "oauth_signature",
                "oauth_timestamp", "oauth_nonce").filter(name -> signed.param(name) == null).toList();
        if (!absent.isEmpty()) {
            throw new OAuth1Rejection("parameter_absent", Map.of("oauth_parameters_absent", String.join("&", absent)));
        }
        if (signed.param("oauth_version") != null && !"1.0".equals(signed.param("oauth_version"))) {
            throw new OAuth1Rejection("version_rejected", Map.of("oauth_acceptable_versions", "1.0-1.0"));
        }
        if (!"RSA-SHA1".equals(signed.param("oauth_signature_method"))) {
            throw new OAuth1Rejection("signature_method_rejected",
                    Map.of("oauth_acceptable_signature_methods", "RSA-SHA1"));
        }
        PublicKey consumerKey = consumers.get(signed.param("oauth_consumer_key"));
        if (consumerKey == null) {
            throw new OAuth1Rejection("consumer_key_unknown");
        }
        long now = clock.now().getEpochSecond();
        long window = TIMESTAMP_WINDOW.toSeconds();
        long timestamp = parseTimestamp(signed.param("oauth_timestamp"));
        if (Math.abs(now - timestamp) > window) {
            throw new OAuth1Rejection("timestamp_refused",
                    Map.of("oauth_acceptable_timestamps", (now - window) + "-" + (now + window)));
        }
        if (!signed.signatureVerifies(consumerKey)) {
            // Jira echoes what it expected to see signed, a great help when debugging a client
            throw new OAuth1Rejection("signature_invalid", Map.of("oauth_signature", signed.param("oauth_signature"),
                    "oauth_signature_base_string", signed.baseString(), "oauth_signature_method", "RSA-SHA1"));
        }
        usedNonces.values().removeIf(seen -> seen < now - window);
        String nonce = signed.param("oauth_consumer_key") + "&" + timestamp + "&" + signed.param("oauth_nonce");
        if (usedNonces.putIfAbsent(nonce, timestamp) != null) {
            throw new OAuth1Rejection("nonce_used");
        }
        return signed;
    }

    private static long parseTimestamp(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new OAuth1Rejection("parameter_rejected", Map.of("oauth_parameters_rejected", "oauth_timestamp"));
        }
    }

    private ApiResponse issueRequestToken(OAuth1SignedRequest signed) {
        String callback = signed.param("oauth_callback");
        if (callback == null) {
            throw new OAuth1Rejection("parameter_absent", Map.of("oauth_parameters_absent", "oauth_callback"));
        }
        String token = randomToken();
        requestTokens.put(token, new PendingGrant(signed.param("oauth_consumer_key"), callback, null, null));
        return form("oauth_token=" + token + "&oauth_token_secret=" + randomToken() + "&oauth_callback_confirmed=true");
    }

    private ApiResponse authorize(ApiRequest request) {
        String token = request.query("oauth_token");
        String verifier = randomToken();
        PendingGrant approved = token == null ? null : requestTokens.computeIfPresent(token,
                (t, pending) -> new PendingGrant(pending.consumerKey(), pending.callback(), verifier, approver));
        if (approved == null) {
            return new OAuth1Rejection("token_rejected").response(realm);
        }
        if ("oob".equals(approved.callback())) {
            return ApiResponse.text(200, "text/html;charset=UTF-8",
                    "<html><body><h1>Access Approved</h1><p>Your verification code is '" + verifier
                                                                    + "'.</p></body></html>");
        }
        String separator = approved.callback().contains("?") ? "&" : "?";
        return ApiResponse.text(302, "text/html;charset=UTF-8", "")
                .withHeader("Location", approved.callback() + separator + "oauth_token=" + encode(token)
                                        + "&oauth_verifier=" + encode(verifier));
    }

    private ApiResponse issueAccessToken(OAuth1SignedRequest signed) {
        String requestToken = signed.param("oauth_token");
        PendingGrant pending = requestToken == null ? null : requestTokens.get(requestToken);
        if (pending == null || !pending.consumerKey().equals(signed.param("oauth_consumer_key"))) {
            throw new OAuth1Rejection("token_rejected");
        }
        if (pending.verifier() == null) {
            throw new OAuth1Rejection("permission_unknown");
        }
        if (!pending.verifier().equals(signed.param("oauth_verifier"))) {
            throw new OAuth1Rejection("token_rejected");
        }
        // a request token is good for one exchange only
        if (!requestTokens.remove(requestToken, pending)) {
            throw new OAuth1Rejection("token_rejected");
        }
        String accessToken = randomToken();
        accessTokens.put(accessToken, new Grant(pending.consumerKey(), pending.user()));
        return form("oauth_token=" + accessToken + "&oauth_token_secret=" + randomToken() + "&oauth_expires_in="
                    + FIVE_YEARS + "&oauth_session_handle=" + randomToken() + "&oauth_authorization_expires_in="
                    + FIVE_YEARS);
    }

    private static ApiResponse form(String body) {
        return ApiResponse.text(200, "text/plain;charset=UTF-8", body);
    }

    private String randomToken() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
