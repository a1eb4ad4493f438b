package org.jiraq.simulator.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestWrapper;
import com.github.tomakehurst.wiremock.http.Request;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jiraq.simulator.JiraSimulator;
import org.jiraq.simulator.SimulatorContext;
import org.jiraq.simulator.SimulatorFeature;
import org.jiraq.simulator.http.ApiRequest;
import org.jiraq.simulator.http.ApiResponse;
import org.jiraq.simulator.http.ContractValidator;
import org.jiraq.simulator.http.GatewayApi;
import org.jiraq.simulator.http.Interceptor;
import org.jiraq.simulator.http.Json;
import org.jiraq.simulator.model.SimulatorUser;

/**
 * Jira's OAuth 2.0 as Atlassian runs it, as a simulator feature.
 * <p>
 * On Cloud: the consent screen {@code GET /authorize} (audience api.atlassian.com), the token endpoint
 * {@code POST /oauth/token} (authorization_code, refresh_token with rotation, client_credentials; JSON or form bodies),
 * {@code GET /oauth/token/accessible-resources}, and the API gateway: the site's REST API under
 * {@code /ex/jira/{cloudId}}, and the gateway APIs addressed by cloudId (Customer Service Management, Operations) or
 * by an Assets workspace id. Access tokens work only through the gateway with this site's ids, as 3LO tokens are
 * refused by the site itself. With {@link #checkScopes()}, each call must carry the scopes Atlassian's OpenAPI
 * documents list for its operation, else the gateway answers 401 "scope does not match", as Atlassian's does.
 * <p>
 * On Data Center: the provider of Jira DC ({@code /rest/oauth2/latest/authorize} and {@code /token}): scopes READ,
 * WRITE, ADMIN and SYSTEM_ADMIN (with {@link #checkScopes()}, a call needs the one its operation does: reading READ,
 * changing WRITE, configuring ADMIN), PKCE (S256 or plain), a refresh token with every user grant, rotated on each use
 * with no reuse leeway and ending the previous access token; access tokens sent straight to the site.
 * <p>
 * The consent screen consents at once and redirects back with a code and the same state, unless
 * {@link #interactiveConsent()} is set: then it is an HTML page with a form the user (a test playing the browser, see
 * {@link ConsentBrowser}) approves or denies. Access tokens expire on the simulator clock; every refresh returns a new
 * refresh token and retires the old one, which on Cloud still works for the reuse leeway and, used after it, kills
 * the whole grant ({@code invalid_grant}, 403).
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
    public static final String CLOUD_AUTHORIZE_PATH = "/authorize";
    public static final String DATA_CENTER_AUTHORIZE_PATH = "/rest/oauth2/latest/authorize";
    public static final String DATA_CENTER_TOKEN_PATH = "/rest/oauth2/latest/token";
    /** The scopes Jira Data Center's provider knows, each including the ones before it. */
    public static final List<String> DATA_CENTER_SCOPES = List.of("READ", "WRITE", "ADMIN", "SYSTEM_ADMIN");

    /** Set by the gateway rewrite on the requests it forwards: the cloudId the caller addressed. */
    static final String GATEWAY_HEADER = "X-Simulator-Gateway-Cloud-Id";
    /** Atlassian's gateway answer to a token that lacks a scope the operation needs. */
    static final String SCOPE_MISMATCH = "Unauthorized; scope does not match";
    private static final Pattern GATEWAY_PATH = Pattern.compile("^(https?://[^/]+)?/ex/jira/([^/?]+)(/[^?]*)?(\\?.*)?$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Site(String cloudId, String name, String url) {
    }

    /** An authorization request waiting on the consent screen for the user's decision. */
    private record PendingConsent(String clientId, String redirectUri, String scope, String state,
            OAuth2Authority.Challenge challenge) {
    }

    private final Map<String, String> clients = new LinkedHashMap<>(Map.of(CLIENT_ID, CLIENT_SECRET));
    private final List<Site> otherSites = new ArrayList<>();
    private final Map<String, AtomicInteger> tokenRequests = new ConcurrentHashMap<>();
    private final Map<String, PendingConsent> consents = new ConcurrentHashMap<>();
    private final Set<String> gatewayIds = new CopyOnWriteArraySet<>();
    private final AtomicInteger refusedAccessTokens = new AtomicInteger();
    private final String cloudId = UUID.randomUUID().toString();
    private Duration accessTokenLifetime = Duration.ofHours(1);
    private Duration refreshTokenReuseLeeway;
    private boolean interactiveConsent;
    private boolean checkScopes;
    private volatile SimulatorUser consentingUser = SimulatorUser.ofEmail(JiraSimulator.DEFAULT_USER);
    private volatile OAuth2Authority authority;
    private volatile List<Site> sites;
    private volatile JiraSimulator.Flavour flavour;

    public AtlassianOAuth2() {
        gatewayIds.add(cloudId);
    }

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

    /**
     * How long a replaced refresh token still works: by default ten minutes on Cloud (Atlassian's leeway), none on
     * Data Center.
     */
    public AtlassianOAuth2 refreshTokenReuseLeeway(Duration leeway) {
        this.refreshTokenReuseLeeway = leeway;
        return this;
    }

    /** The consent screen waits for the user: an HTML form to approve or deny, instead of consenting at once. */
    public AtlassianOAuth2 interactiveConsent() {
        this.interactiveConsent = true;
        return this;
    }

    /**
     * Calls with an access token must hold the scopes their operation needs: on Cloud as on Atlassian's gateway, on
     * Data Center READ, WRITE or ADMIN (each including the ones before it); off by default, so tests that do not care
     * about scopes need not list them.
     */
    public AtlassianOAuth2 checkScopes() {
        this.checkScopes = true;
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
        flavour = context.flavour();
        boolean cloud = flavour == JiraSimulator.Flavour.CLOUD;
        Duration leeway = refreshTokenReuseLeeway != null ? refreshTokenReuseLeeway
                : cloud ? Duration.ofMinutes(10) : Duration.ZERO;
        authority = new OAuth2Authority(context.clock(), clients,
                new OAuth2Authority.Policy(accessTokenLifetime, leeway, !cloud, !cloud));
        List<Site> all = new ArrayList<>(otherSites);
        all.add(new Site(cloudId, "Simulated Jira", context.baseUrl()));
        sites = List.copyOf(all);
        context.authentication(request -> authenticate(context.flavour(), request));
        String authorizePath = cloud ? CLOUD_AUTHORIZE_PATH : DATA_CENTER_AUTHORIZE_PATH;
        context.route("GET", authorizePath, this::authorize).anonymous().contractExempt();
        context.route("POST", authorizePath, this::decide).anonymous().contractExempt();
        if (cloud) {
            context.route("POST", "/oauth/token", this::token).anonymous().contractExempt();
            context.route("GET", ACCESSIBLE_RESOURCES, this::accessibleResources).contractExempt();
            context.rewrite(AtlassianOAuth2::throughGateway);
            if (checkScopes) {
                context.interceptor(Interceptor.ORDER_AUTHENTICATION + 10, this::enforceScopes);
            }
        } else {
            context.route("POST", DATA_CENTER_TOKEN_PATH, this::token).anonymous().contractExempt();
            if (checkScopes) {
                context.interceptor(Interceptor.ORDER_AUTHENTICATION + 10, this::enforceDataCenterScopes);
            }
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

    /** Another id that addresses this site on the gateway, such as its Assets workspace id. */
    public void addGatewayId(String id) {
        gatewayIds.add(id);
    }

    private ApiResponse authorize(ApiRequest request) {
        PendingConsent consent = readAuthorizationRequest(request);
        if (!interactiveConsent) {
            return consented(consent);
        }
        String ticket = HexFormat.of().formatHex(randomBytes());
        consents.put(ticket, consent);
        return ApiResponse.text(200, "text/html; charset=utf-8", ConsentBrowser.page(request.path(), ticket,
                consent.clientId(), consent.scope()));
    }

    /** The user's answer on the consent screen: the code (or access_denied) goes back to the app with the state. */
    private ApiResponse decide(ApiRequest request) {
        Map<String, String> form = formParameters(request.bodyAsString());
        PendingConsent consent = form.get(ConsentBrowser.TICKET) == null ? null
                : consents.remove(form.get(ConsentBrowser.TICKET));
        if (consent == null) {
            return ApiResponse.text(400, "text/plain; charset=utf-8", "This consent request is unknown or was answered");
        }
        if (!ConsentBrowser.APPROVE.equals(form.get(ConsentBrowser.DECISION))) {
            return ApiResponse.redirect(withQuery(consent.redirectUri(), "error=access_denied"
                    + (consent.state() == null ? "" : "&state=" + encode(consent.state()))));
        }
        return consented(consent);
    }

    private ApiResponse consented(PendingConsent consent) {
        String code = authority.issueCode(consent.clientId(), consent.redirectUri(), consent.scope(), consentingUser,
                consent.challenge());
        return ApiResponse.redirect(withQuery(consent.redirectUri(), "code=" + encode(code)
                + (consent.state() == null ? "" : "&state=" + encode(consent.state()))));
    }

    /** The checked parameters of an authorization request; a request the server cannot serve is a 400. */
    private PendingConsent readAuthorizationRequest(ApiRequest request) {
        String clientId = request.query("client_id");
        String redirectUri = request.query("redirect_uri");
        String scope = request.query("scope") == null ? "" : request.query("scope");
        if (!"code".equals(request.query("response_type")) || !authority.knowsClient(clientId) || redirectUri == null) {
            throw OAuth2Authority.error(400, "invalid_request",
                    "authorize needs response_type=code, a known client_id and a redirect_uri");
        }
        if (flavour == JiraSimulator.Flavour.CLOUD && !"api.atlassian.com".equals(request.query("audience"))) {
            throw OAuth2Authority.error(400, "invalid_request", "authorize needs audience=api.atlassian.com");
        }
        if (flavour == JiraSimulator.Flavour.DATA_CENTER) {
            List<String> unknown = Arrays.stream(scope.split(" ")).filter(s -> !s.isBlank())
                    .filter(s -> !DATA_CENTER_SCOPES.contains(s)).toList();
            if (scope.isBlank() || !unknown.isEmpty()) {
                throw OAuth2Authority.error(400, "invalid_scope", "scope must be some of " + DATA_CENTER_SCOPES
                        + (unknown.isEmpty() ? "" : "; unknown: " + unknown));
            }
        }
        OAuth2Authority.Challenge challenge = null;
        String codeChallenge = request.query("code_challenge");
        if (codeChallenge != null) {
            String method = request.query("code_challenge_method") == null ? "plain"
                    : request.query("code_challenge_method");
            if (flavour == JiraSimulator.Flavour.CLOUD || !"S256".equals(method) && !"plain".equals(method)) {
                throw OAuth2Authority.error(400, "invalid_request", flavour == JiraSimulator.Flavour.CLOUD
                        ? "Atlassian Cloud's authorization server does not offer PKCE"
                        : "code_challenge_method must be S256 or plain");
            }
            challenge = new OAuth2Authority.Challenge(codeChallenge, method);
        }
        return new PendingConsent(clientId, redirectUri, scope, request.query("state"), challenge);
    }

    private ApiResponse token(ApiRequest request) {
        Map<String, String> params = tokenParameters(request);
        String grantType = params.getOrDefault("grant_type", "");
        tokenRequests.computeIfAbsent(grantType, type -> new AtomicInteger()).incrementAndGet();
        String clientId = params.get("client_id");
        String secret = params.get("client_secret");
        OAuth2Authority.Tokens tokens = switch (grantType) {
            case "authorization_code" -> authority.redeemCode(clientId, secret, params.get("code"),
                    params.get("redirect_uri"), params.get("code_verifier"));
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
     * site's ids (or by accessible-resources and the app APIs); on Data Center accepted by the site itself.
     */
    private SimulatorAuth.Result authenticate(JiraSimulator.Flavour site, ApiRequest request) {
        Optional<OAuth2Authority.Access> access = accessOf(request);
        if (access.isEmpty()) {
            return SimulatorAuth.Result.abstain();
        }
        boolean reachable = site == JiraSimulator.Flavour.DATA_CENTER
                || ACCESSIBLE_RESOURCES.equals(request.path()) || request.path().startsWith(APP_APIS)
                || cloudId.equals(request.header(GATEWAY_HEADER))
                || GatewayApi.addressedId(request.path()).filter(gatewayIds::contains).isPresent();
        if (authority.isExpired(access.get()) || !reachable) {
            refusedAccessTokens.incrementAndGet();
            return SimulatorAuth.Result.refuse();
        }
        return SimulatorAuth.Result.authenticated(access.get().grant().user());
    }

    /**
     * The gateway's scope check: a call with an access token must hold every scope of one of the sets Atlassian's
     * OpenAPI documents list for its operation (the classic set or the granular one).
     */
    private ApiResponse enforceScopes(ApiRequest request, Interceptor.Chain next) {
        Optional<OAuth2Authority.Access> access = accessOf(request);
        if (access.isPresent()) {
            Set<String> granted = Set.of(access.get().grant().scope().split(" "));
            Optional<OperationScopes.Requirement> needed = OperationScopes.cloud().requirement(request.method(),
                    request.path());
            if (needed.isPresent() && !needed.get().satisfiedBy(granted)) {
                return ApiResponse.json(401, Json.object().put("code", 401).put("message", SCOPE_MISMATCH))
                        .withHeader(ContractValidator.UNDOCUMENTED_ANSWER, "gateway scope check");
            }
        }
        return next.proceed(request);
    }

    /**
     * Data Center's scope check: a call with an access token must hold the scope its operation needs (READ, WRITE or
     * ADMIN, see {@link OperationScopes#dataCenterScope}) or a higher one. Which status and message Jira DC answers is
     * not documented; this simulator answers 403 with Jira's error envelope naming the scopes.
     */
    private ApiResponse enforceDataCenterScopes(ApiRequest request, Interceptor.Chain next) {
        Optional<OAuth2Authority.Access> access = accessOf(request);
        if (access.isPresent() && request.path().startsWith("/rest/") && !request.path().startsWith("/rest/oauth2/")) {
            String needed = OperationScopes.cloud().dataCenterScope(request.method(), request.path());
            String granted = access.get().grant().scope();
            int held = Arrays.stream(granted.split(" ")).mapToInt(DATA_CENTER_SCOPES::indexOf).max().orElse(-1);
            if (held < DATA_CENTER_SCOPES.indexOf(needed)) {
                return ApiResponse.error(403, "The OAuth 2.0 token's scopes (" + granted
                        + ") do not allow this request; it needs " + needed);
            }
        }
        return next.proceed(request);
    }

    private Optional<OAuth2Authority.Access> accessOf(ApiRequest request) {
        String token = PersonalAccessTokenAuth.bearerToken(request);
        return token == null ? Optional.empty() : authority.access(token);
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

    /**
     * The token request's parameters: a JSON object (Atlassian Cloud's documented form), an RFC 6749 form body, or
     * query parameters (which Jira Data Center's provider also reads).
     */
    private static Map<String, String> tokenParameters(ApiRequest request) {
        String contentType = request.header("Content-Type");
        Map<String, String> params = new HashMap<>();
        for (String name : List.of("grant_type", "client_id", "client_secret", "code", "redirect_uri", "code_verifier",
                "refresh_token", "scope")) {
            if (request.query(name) != null) {
                params.put(name, request.query(name));
            }
        }
        if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
            params.putAll(formParameters(request.bodyAsString()));
            return params;
        }
        JsonNode body = request.json();
        body.fields().forEachRemaining(field -> params.put(field.getKey(), field.getValue().asText()));
        return params;
    }

    static Map<String, String> formParameters(String body) {
        Map<String, String> params = new HashMap<>();
        for (String pair : body == null ? new String[0] : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
            }
        }
        return params;
    }

    private static String withQuery(String uri, String query) {
        return uri + (uri.contains("?") ? "&" : "?") + query;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
