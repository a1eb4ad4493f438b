package org.jiraq.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestWrapper;
import com.github.tomakehurst.wiremock.http.Request;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jira's OAuth 2.0 as Atlassian runs it, as a simulator feature.
 * <p>
 * On Cloud: the consent screen {@code GET /authorize} (it consents at once and redirects back with a code and the
 * same state), the token endpoint {@code POST /oauth/token} (authorization_code, refresh_token with rotation,
 * client_credentials; JSON or form bodies), {@code GET /oauth/token/accessible-resources}, and the API gateway: the
 * site's REST API under {@code /ex/jira/{cloudId}}. Access tokens work only through the gateway, with this site's
 * cloudId, as 3LO tokens are refused by the site itself.
 * <p>
 * On Data Center: the provider's token endpoint {@code POST /rest/oauth2/latest/token}, and access tokens sent straight
 * to the site.
 * <p>
 * Access tokens expire on the simulator clock; every refresh returns a new refresh token and retires the old one,
 * which still works for the reuse leeway and, used after it, kills the whole grant ({@code invalid_grant}, 403).
 *
 * <pre>{@code
 * AtlassianOAuth2 oauth = new AtlassianOAuth2().otherSite("Beta", "https://beta.atlassian.net");
 * JiraSimulator sim = JiraSimulator.builder().feature(oauth).start();
 * oauth.tokenRequests("refresh_token");   // how many refreshes were asked for
 * }</pre>
 */
public final class AtlassianOAuth2 implements SimulatorFeature {

    public static final String CLIENT_ID = "sim-oauth2-client";
    public static final String CLIENT_SECRET = "sim-oauth2-client-secret-4711";
    /** Who client-credentials tokens act as. */
    public static final String SERVICE_ACCOUNT = "service-account@example.com";
    public static final String ACCESSIBLE_RESOURCES = "/oauth/token/accessible-resources";
    /** The gateway's APIs for the app itself, such as personal data reporting: they take the app's access tokens. */
    public static final String APP_APIS = "/app/";
    public static final String DATA_CENTER_TOKEN_PATH = "/rest/oauth2/latest/token";

    /** Set by the gateway rewrite on the requests it forwards: the cloudId the caller addressed. */
    static final String GATEWAY_HEADER = "X-Simulator-Gateway-Cloud-Id";
    private static final Pattern GATEWAY_PATH = Pattern.compile("^(https?://[^/]+)?/ex/jira/([^/?]+)(/[^?]*)?(\\?.*)?$");

    private record Site(String cloudId, String name, String url) {
    }

    private final Map<String, String> clients = new LinkedHashMap<>(Map.of(CLIENT_ID, CLIENT_SECRET));
    private final List<Site> otherSites = new ArrayList<>();
    private final Map<String, AtomicInteger> tokenRequests = new ConcurrentHashMap<>();
    private final AtomicInteger refusedAccessTokens = new AtomicInteger();
    private final String cloudId = UUID.randomUUID().toString();
    private Duration accessTokenLifetime = Duration.ofHours(1);
    private Duration refreshTokenReuseLeeway = Duration.ofMinutes(10);
    private volatile SimulatorUser consentingUser = SimulatorUser.ofEmail(JiraSimulator.DEFAULT_USER);
    private volatile OAuth2Authority authority;
    private volatile List<Site> sites;

    /** Another OAuth 2.0 client (app) the server knows. */
    public AtlassianOAuth2 client(String clientId, String clientSecret) {
        clients.put(clientId, clientSecret);
        return this;
    }

    /** How long access tokens work, on the simulator clock; Atlassian's is one hour. */
    public AtlassianOAuth2 accessTokenLifetime(Duration lifetime) {
        this.accessTokenLifetime = lifetime;
        return this;
    }

    /** How long a replaced refresh token still works; Atlassian's leeway is ten minutes. */
    public AtlassianOAuth2 refreshTokenReuseLeeway(Duration leeway) {
        this.refreshTokenReuseLeeway = leeway;
        return this;
    }

    /**
     * Another site the grants reach, listed before this one in the accessible resources. The simulator does not serve
     * it: gateway calls with its cloudId are refused.
     */
    public AtlassianOAuth2 otherSite(String name, String url) {
        otherSites.add(new Site(UUID.randomUUID().toString(), name, url));
        return this;
    }

    @Override
    public void register(SimulatorContext context) {
        authority = new OAuth2Authority(context.clock(), clients, accessTokenLifetime, refreshTokenReuseLeeway);
        List<Site> all = new ArrayList<>(otherSites);
        all.add(new Site(cloudId, "Simulated Jira", context.baseUrl()));
        sites = List.copyOf(all);
        context.authentication(request -> authenticate(context.flavour(), request));
        if (context.flavour() == JiraSimulator.Flavour.CLOUD) {
            context.route("GET", "/authorize", this::authorize).anonymous().contractExempt();
            context.route("POST", "/oauth/token", this::token).anonymous().contractExempt();
            context.route("GET", ACCESSIBLE_RESOURCES, this::accessibleResources).contractExempt();
            context.rewrite(AtlassianOAuth2::throughGateway);
        } else {
            context.route("POST", DATA_CENTER_TOKEN_PATH, this::token).anonymous().contractExempt();
        }
    }

    /** The cloudId of the simulated site. */
    public String cloudId() {
        return cloudId;
    }

    /** How many token requests of {@code grantType} (authorization_code, refresh_token, client_credentials) came in. */
    public int tokenRequests(String grantType) {
        AtomicInteger count = tokenRequests.get(grantType);
        return count == null ? 0 : count.get();
    }

    /** How many API calls were refused an access token this server issued (expired, or not through the gateway). */
    public int refusedAccessTokens() {
        return refusedAccessTokens.get();
    }

    /** Later consents are given by this user, so tests can connect several accounts. */
    public void consentAs(String email) {
        consentingUser = SimulatorUser.ofEmail(email);
    }

    /** Revokes every grant, as when users remove the app under Connected apps: refreshing fails with invalid_grant. */
    public void revokeGrants() {
        authority.revokeAll();
    }

    /** Every code and token this server issued, for tests that look for leaks. */
    public List<String> issuedSecrets() {
        return authority.issuedSecrets();
    }

    private ApiResponse authorize(ApiRequest request) {
        String clientId = request.query("client_id");
        String redirectUri = request.query("redirect_uri");
        if (!"code".equals(request.query("response_type")) || !authority.knowsClient(clientId) || redirectUri == null
                || !"api.atlassian.com".equals(request.query("audience"))) {
            throw OAuth2Authority.error(400, "invalid_request",
                    "authorize needs response_type=code, a known client_id, a redirect_uri and audience=api.atlassian.com");
        }
        String code = authority.issueCode(clientId, redirectUri, request.query("scope") == null ? "" : request.query("scope"),
                consentingUser);
        String state = request.query("state");
        return ApiResponse.redirect(redirectUri + (redirectUri.contains("?") ? "&" : "?") + "code=" + encode(code)
                + (state == null ? "" : "&state=" + encode(state)));
    }

    private ApiResponse token(ApiRequest request) {
        Map<String, String> params = tokenParameters(request);
        String grantType = params.getOrDefault("grant_type", "");
        tokenRequests.computeIfAbsent(grantType, type -> new AtomicInteger()).incrementAndGet();
        String clientId = params.get("client_id");
        String secret = params.get("client_secret");
        OAuth2Authority.Tokens tokens = switch (grantType) {
            case "authorization_code" -> authority.redeemCode(clientId, secret, params.get("code"),
                    params.get("redirect_uri"));
            case "refresh_token" -> authority.refresh(clientId, secret, params.get("refresh_token"));
            case "client_credentials" -> authority.clientCredentials(clientId, secret, params.getOrDefault("scope", ""),
                    SimulatorUser.ofEmail(SERVICE_ACCOUNT));
            default -> throw OAuth2Authority.error(400, "unsupported_grant_type", "Unsupported grant type: " + grantType);
        };
        ObjectNode body = Json.object().put("access_token", tokens.accessToken())
                .put("expires_in", tokens.expiresInSeconds()).put("token_type", "Bearer").put("scope", tokens.scope());
        if (tokens.refreshToken() != null) {
            body.put("refresh_token", tokens.refreshToken());
        }
        return ApiResponse.ok(body);
    }

    private ApiResponse accessibleResources(ApiRequest request) {
        OAuth2Authority.Access access = authority.access(PersonalAccessTokenAuth.bearerToken(request)).orElseThrow();
        ArrayNode resources = Json.array();
        List<String> scopes = Arrays.stream(access.grant().scope().split(" "))
                .filter(s -> !s.isBlank() && !OAuth2Authority.OFFLINE_ACCESS.equals(s)).toList();
        for (Site site : sites) {
            ObjectNode resource = resources.addObject().put("id", site.cloudId()).put("name", site.name())
                    .put("url", site.url()).put("avatarUrl", site.url() + "/avatar.png");
            scopes.forEach(resource.putArray("scopes")::add);
        }
        return ApiResponse.json(200, resources);
    }

    /**
     * Access tokens this server issued: refused once expired; on Cloud accepted only through the gateway with this
     * site's cloudId (or by accessible-resources and the app APIs); on Data Center accepted by the site itself.
     */
    private SimulatorAuth.Result authenticate(JiraSimulator.Flavour flavour, ApiRequest request) {
        String token = PersonalAccessTokenAuth.bearerToken(request);
        Optional<OAuth2Authority.Access> access = token == null ? Optional.empty() : authority.access(token);
        if (access.isEmpty()) {
            return SimulatorAuth.Result.abstain();
        }
        boolean reachable = flavour == JiraSimulator.Flavour.DATA_CENTER
                || ACCESSIBLE_RESOURCES.equals(request.path()) || request.path().startsWith(APP_APIS)
                || cloudId.equals(request.header(GATEWAY_HEADER));
        if (authority.isExpired(access.get()) || !reachable) {
            refusedAccessTokens.incrementAndGet();
            return SimulatorAuth.Result.refuse();
        }
        return SimulatorAuth.Result.authenticated(access.get().grant().user());
    }

    /** Serves {@code /ex/jira/{cloudId}/rest/...} as the site's {@code /rest/...}, telling auth which cloudId was asked. */
    private static Request throughGateway(Request request) {
        Matcher gateway = GATEWAY_PATH.matcher(request.getUrl());
        boolean marked = request.containsHeader(GATEWAY_HEADER);
        RequestWrapper.Builder rewrite = RequestWrapper.create();
        if (gateway.matches()) {
            String addressed = gateway.group(2);
            rewrite.transformAbsoluteUrl(url -> url.replaceFirst("/ex/jira/[^/?]+", ""));
            // the marker is the gateway's to set: a value the caller sent is replaced
            return (marked ? rewrite.transformHeader(GATEWAY_HEADER, values -> List.of(addressed))
                    : rewrite.addHeader(GATEWAY_HEADER, addressed)).wrap(request);
        }
        if (!marked) {
            return request;
        }
        // a marker sent straight to the site is dropped (removal matches names case-sensitively, as received)
        request.getAllHeaderKeys().stream().filter(GATEWAY_HEADER::equalsIgnoreCase).forEach(rewrite::removeHeader);
        return rewrite.wrap(request);
    }

    /** The token request's parameters: a JSON object (Atlassian's documented form) or an RFC 6749 form body. */
    private static Map<String, String> tokenParameters(ApiRequest request) {
        String contentType = request.header("Content-Type");
        Map<String, String> params = new HashMap<>();
        if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
            for (String pair : request.bodyAsString().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
                }
            }
            return params;
        }
        JsonNode body = request.json();
        body.fields().forEachRemaining(field -> params.put(field.getKey(), field.getValue().asText()));
        return params;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
