package org.jiraq.camel.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import javax.net.ssl.SSLException;

import org.apache.hc.client5.http.classic.HttpClient;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.net.PercentCodec;
import org.apache.hc.core5.util.Timeout;
import org.jiraq.camel.JiraqConnectionException;
import org.jiraq.camel.JiraqHttpException;
import org.jiraq.camel.JiraqRateLimitPriority;
import org.jiraq.camel.auth.AuthRequest;
import org.jiraq.camel.auth.AuthStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way the component talks to Jira. Every operation goes through {@link #execute(JiraqRequest)}, which adds
 * credentials (only for hosts the site trusts), retries what is safe to retry, renews credentials once on a 401,
 * follows redirects without leaking credentials, and turns error answers into {@link JiraqHttpException}.
 */
public final class JiraqClient {

    private static final Logger LOG = LoggerFactory.getLogger(JiraqClient.class);
    private static final int MAX_REDIRECTS = 5;
    private static final Duration MIN_PACING_WAIT = Duration.ofSeconds(1);
    private static final byte[] EMPTY = new byte[0];
    // JSON is UTF-8 by definition (RFC 8259), so no charset parameter, as in Atlassian's examples
    private static final ContentType JSON = ContentType.create("application/json");

    private final URI siteUrl;
    private final AuthStrategy auth;
    private final HttpClient http;
    private final RetryPolicy retryPolicy;
    private final Duration requestTimeout;
    private final RequestConfig requestConfig;
    private final Set<String> trustedHosts;
    private final String credentialId;
    private final URI fixedRoot;
    private final RateLimitGovernor governor;
    private final Map<Class<?>, Object> connectionState;
    private final JiraqRateLimitPriority priority;
    private final JiraqClientListener listener;

    /** A client with a governor of its own: for a one-off client (a command-line tool, a test). */
    public JiraqClient(URI siteUrl, AuthStrategy auth, HttpClient http, RetryPolicy retryPolicy, Duration requestTimeout) {
        this(siteUrl, auth, http, retryPolicy, requestTimeout, new RateLimitGovernor(siteUrl.toString(), "standalone"),
             JiraqClientListener.NONE);
    }

    /**
     * @param governor paces the calls; share one between all clients of a site and credential
     * @param listener hears about each call (metrics, health, dev console)
     */
    public JiraqClient(URI siteUrl, AuthStrategy auth, HttpClient http, RetryPolicy retryPolicy, Duration requestTimeout,
                       RateLimitGovernor governor, JiraqClientListener listener) {
        this.siteUrl = stripTrailingSlash(siteUrl);
        this.auth = auth;
        this.http = http;
        this.retryPolicy = retryPolicy;
        this.requestTimeout = requestTimeout;
        this.requestConfig = requestConfig(requestTimeout);
        Set<String> hosts = new HashSet<>();
        auth.trustedHosts().forEach(h -> hosts.add(h.toLowerCase(Locale.ROOT)));
        this.trustedHosts = Set.copyOf(hosts);
        this.credentialId = null;
        this.fixedRoot = null;
        this.governor = governor;
        this.connectionState = new ConcurrentHashMap<>();
        this.priority = JiraqRateLimitPriority.normal;
        this.listener = listener;
    }

    private JiraqClient(JiraqClient base, String credentialId, URI fixedRoot) {
        this(base, credentialId, fixedRoot, base.retryPolicy, base.requestTimeout, base.priority, base.listener,
             base.trustedHosts);
    }

    private JiraqClient(JiraqClient base, String credentialId, URI fixedRoot, RetryPolicy retryPolicy,
                        Duration requestTimeout, JiraqRateLimitPriority priority, JiraqClientListener listener,
                        Set<String> trustedHosts) {
        this.siteUrl = base.siteUrl;
        this.auth = base.auth;
        this.http = base.http;
        this.retryPolicy = retryPolicy;
        this.requestTimeout = requestTimeout;
        this.requestConfig = requestTimeout.equals(base.requestTimeout) ? base.requestConfig
                : requestConfig(requestTimeout);
        this.trustedHosts = trustedHosts;
        this.credentialId = credentialId;
        this.fixedRoot = fixedRoot;
        this.governor = base.governor;
        this.connectionState = base.connectionState;
        this.listener = listener;
        this.priority = priority;
    }

    /**
     * This client acting for one stored OAuth 2.0 grant: requests (and the pages of a paginator) that name none use
     * {@code credentialId}. Null gives this client back.
     */
    public JiraqClient forCredential(String credentialId) {
        return credentialId == null || credentialId.isBlank() ? this : new JiraqClient(this, credentialId, fixedRoot);
    }

    /**
     * This client sending its requests below {@code root} instead of the auth strategy's REST root: for Atlassian's
     * app APIs on the gateway ({@code https://api.atlassian.com/app/...}), which belong to no site. Credentials go
     * there only when it is the site's origin or a host the auth strategy names (see {@link #sendsCredentialsTo}).
     */
    public JiraqClient atRoot(URI root) {
        return new JiraqClient(this, credentialId, stripTrailingSlash(root));
    }

    /**
     * This client sending its requests below {@code root}, an API that Atlassian serves on its gateway for the site
     * (Customer Service Management, Assets, Operations) and that the route addressed by name: the credentials go to
     * that root's host as well (over https, as to any host but the site), and nowhere else.
     */
    public JiraqClient atGatewayApi(URI root) {
        Set<String> hosts = new HashSet<>(trustedHosts);
        hosts.add(hostOf(root));
        return new JiraqClient(this, credentialId, stripTrailingSlash(root), retryPolicy, requestTimeout, priority,
                listener, Set.copyOf(hosts));
    }

    /** Whether requests to {@code target} carry this client's credentials. */
    public boolean sendsCredentialsTo(URI target) {
        return isTrusted(target, siteUrl);
    }

    public URI siteUrl() {
        return siteUrl;
    }

    public AuthStrategy auth() {
        return auth;
    }

    /** Sends the request, retrying as the policy allows; an answer of 400 or more is thrown. */
    public JiraqResponse execute(JiraqRequest request) throws IOException {
        return execute(request, null);
    }

    /**
     * Sends the request, retrying as the policy allows; an answer of 400 or more is thrown. This loop is the one place
     * where calls are paced ({@link RateLimitGovernor}) and retried ({@link RetryPolicy}).
     *
     * @param  guard                    for a write that is not safe to repeat: after a fault that may have let it
     *                                  through, the guard is asked whether it happened before the write is sent again,
     *                                  and once more before the call gives up (but after a timeout, when the write may
     *                                  still be queued), so a failure says whether the write happened; null to never
     *                                  resend such a write
     * @throws JiraqHttpException       Jira's error answer, saying whether it is worth retrying
     * @throws JiraqConnectionException no usable answer, saying whether Jira may have processed the request
     */
    public JiraqResponse execute(JiraqRequest request, DuplicateGuard guard) throws IOException {
        if (credentialId != null && request.credentialId() == null) {
            request = request.withCredentialId(credentialId);
        }
        int retries = 0;
        boolean renewed = false;
        while (true) {
            if (guard != null && guard.outcomeUnknownSince() != null) {
                JiraqResponse existing = guard.lookUp(this);
                if (existing != null) {
                    return existing;
                }
                request = guard.resend(request);
            }
            Duration paced = governor.beforeSend(request, pacingWait(), priority);
            if (!paced.isZero()) {
                listener.paced(request, paced);
            }
            Instant attemptStart = Instant.now();
            Sent sent;
            try {
                sent = sendFollowingRedirects(request);
            } catch (IOException e) {
                boolean unknown = !request.retrySafe() && RetryPolicy.mayHaveReachedJira(e);
                if (unknown && guard != null) {
                    guard.outcomeUnknown(attemptStart);
                }
                // TLS refused is a configuration mistake; sending again cannot succeed
                boolean retryable = (!unknown || guard != null) && !(e instanceof SSLException);
                if (!retryable || !retryPolicy.canRetry(retries) || RetryPolicy.failsFast(e)) {
                    // a request that timed out may still be queued at Jira: looking now could miss it
                    if (unknown && guard != null && !(e instanceof SocketTimeoutException)) {
                        JiraqResponse existing = guard.lookUp(this);
                        if (existing != null) {
                            return existing;
                        }
                        unknown = false;
                    }
                    throw new JiraqConnectionException(request, rootFor(request), e, retryable, unknown);
                }
                // a request that timed out may still be queued at Jira: give it as long again before looking for it
                Duration settle = unknown && e instanceof SocketTimeoutException ? requestTimeout : null;
                pause(request, retries++, settle, e.getClass().getSimpleName());
                continue;
            }
            JiraqResponse response = sent.response();
            governor.afterResponse(request, response);
            if (response.status() < 400) {
                return response;
            }
            // the strategy is told which credentials were refused, so it renews only what nobody renewed meanwhile;
            // a token refused for its scopes stays refused however fresh, so it is not renewed for nothing
            if (response.status() == 401 && !renewed && !refusedForScope(response)
                    && auth.renewAfterUnauthorized(request.credentialId(), sent.authorization())) {
                renewed = true;
                continue;
            }
            Duration retryAfter = response.retryAfter();
            boolean unknown = retryPolicy.outcomeUnknown(request, response.status(), retryAfter);
            if (unknown && guard != null) {
                guard.outcomeUnknown(attemptStart);
            }
            boolean retryable = retryPolicy.isRetryable(request, response.status(), retryAfter)
                                || unknown && guard != null;
            if (!retryable || !retryPolicy.canRetry(retries) || retryPolicy.waitsTooLong(retryAfter)) {
                if (unknown && guard != null) {
                    JiraqResponse existing = guard.lookUp(this);
                    if (existing != null) {
                        return existing;
                    }
                    unknown = false;
                }
                throw new JiraqHttpException(request, response, retryable, unknown);
            }
            pause(request, retries++, retryAfter, "status " + response.status());
        }
    }

    /**
     * The longest a call waits in the governor before it fails unsent: the retry policy's longest delay, but at least
     * a second, so even a client that never retries (a health check) waits for its paced slot.
     */
    private Duration pacingWait() {
        return retryPolicy.maxDelay().compareTo(MIN_PACING_WAIT) < 0 ? MIN_PACING_WAIT : retryPolicy.maxDelay();
    }

    /** The governor that paces this client's calls, shared with every client of the same site and credential. */
    public RateLimitGovernor rateLimitGovernor() {
        return governor;
    }

    /**
     * What every client of one connection shares besides the governor, made on first use: what operations learn about
     * the site (the highest issue keys seen), kept with the connection rather than in a static.
     */
    public <T> T connectionState(Class<T> type, Supplier<T> create) {
        return type.cast(connectionState.computeIfAbsent(type, t -> create.get()));
    }

    /** Lazily walks every page of a paged resource, one request per page, as items are consumed. */
    public Paginator paginate(JiraqRequest firstPage, PageStyle style, long limit) {
        return new Paginator(this, firstPage, style, limit);
    }

    /**
     * This client with an endpoint's own retries, timeout, rate-limit priority and listener: one connection serves
     * endpoints whose options differ, each reporting its calls under its own operation.
     */
    public JiraqClient with(RetryPolicy retryPolicy, Duration requestTimeout, JiraqRateLimitPriority priority,
                            JiraqClientListener listener) {
        return new JiraqClient(this, credentialId, fixedRoot, retryPolicy, requestTimeout, priority, listener,
                trustedHosts);
    }

    /** This client also telling {@code extra} about each call (after its own listener): for one exchange. */
    public JiraqClient alsoReportingTo(JiraqClientListener extra) {
        return new JiraqClient(this, credentialId, fixedRoot, retryPolicy, requestTimeout, priority,
                JiraqClientListener.both(listener, extra), trustedHosts);
    }

    /**
     * The request for a page Jira linked to (a cursor's {@code next}): the same resource, with the link's query
     * parameters set over the request's own. A link to another origin or another resource is refused, so the
     * credentials never follow it anywhere else.
     */
    public JiraqRequest followLink(JiraqRequest current, String link) throws IOException {
        URI root = rootFor(current.credentialId() != null ? current : current.withCredentialId(credentialId));
        URI target;
        try {
            target = URI.create(root + current.path()).resolve(link);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Jira's next-page link '" + link + "' is not a valid URL", e);
        }
        boolean sameResource = sameOrigin(target, siteUrl) && current.path().equals(pathBelow(siteUrl, target))
                || sameOrigin(target, root) && current.path().equals(pathBelow(root, target));
        if (!sameResource) {
            throw new IllegalStateException("Jira's next-page link '" + link + "' leaves " + current.path() + " on "
                                            + siteUrl + "; it is not followed, so the credentials stay with the site");
        }
        return current.withQuery(RestPath.decodeQuery(target.getRawQuery()));
    }

    /** The part of {@code target}'s path below {@code base}'s path, or null when it is not below it. */
    private static String pathBelow(URI base, URI target) {
        String basePath = base.getRawPath() == null ? "" : base.getRawPath();
        String path = target.normalize().getRawPath();
        return path != null && path.startsWith(basePath) ? path.substring(basePath.length()) : null;
    }

    /** Jira's answer and the Authorization header it answered (null when none was sent). */
    private record Sent(JiraqResponse response, String authorization) {
    }

    /** Where the request goes: the fixed root, else the auth strategy's REST root for its credential. */
    private URI rootFor(JiraqRequest request) throws IOException {
        return fixedRoot != null ? fixedRoot : stripTrailingSlash(auth.apiRoot(siteUrl, request.credentialId()));
    }

    private Sent sendFollowingRedirects(JiraqRequest request) throws IOException {
        URI root = rootFor(request);
        // a fixed root is trusted like any other host, not because a request is aimed at it
        URI trustedRoot = fixedRoot != null ? siteUrl : root;
        URI uri = resolve(root, request);
        for (int hop = 0; ; hop++) {
            long start = System.nanoTime();
            Sent sent;
            try {
                sent = send(request, uri, isTrusted(uri, trustedRoot));
            } catch (IOException e) {
                listener.failed(request, e, System.nanoTime() - start);
                throw e;
            }
            JiraqResponse response = sent.response();
            listener.answered(request, response.status(), response.headers(), System.nanoTime() - start);
            if (LOG.isDebugEnabled()) {
                LOG.debug("{} {} -> {} in {} ms", request.method(), uri.getRawPath(), response.status(),
                        (System.nanoTime() - start) / 1_000_000);
            }
            String location = response.header("Location");
            if (!isRedirect(response.status()) || location == null || hop == MAX_REDIRECTS
                    || !"GET".equals(request.method())) {
                return sent;
            }
            uri = uri.resolve(location);
        }
    }

    /** Credentials go only to the site, the REST root and the hosts the auth strategy names; never to a redirect target. */
    private boolean isTrusted(URI target, URI root) {
        return sameOrigin(target, siteUrl) || sameOrigin(target, root) || trustedHosts.contains(hostOf(target))
                && "https".equalsIgnoreCase(target.getScheme());
    }

    private Sent send(JiraqRequest request, URI uri, boolean trusted) throws IOException {
        HttpUriRequestBase message = new HttpUriRequestBase(request.method(), uri);
        message.setConfig(requestConfig);
        message.setHeader("Accept", "application/json");
        // a route's own headers may replace Accept; its cookies are for the site only, like the credentials
        request.headers().forEach((name, value) -> {
            if (trusted || !"Cookie".equalsIgnoreCase(name)) {
                message.setHeader(name, value);
            }
        });
        HttpEntity body = request.streamBody() != null ? request.streamBody()
                : request.jsonBody() != null ? new ByteArrayEntity(Json.write(request.jsonBody()), JSON)
                : null;
        if (body != null) {
            message.setEntity(body);
            message.setHeader("Content-Type", body.getContentType());
        }
        if (trusted) {
            auth.authenticate(new AuthRequest(request.method(), uri, Map.of(), request.credentialId(),
                    message::setHeader));
        }
        Header authorization = message.getFirstHeader("Authorization");
        return http.execute(message, answer -> new Sent(
                new JiraqResponse(request, answer.getCode(), ResponseHeaders.of(answer.getHeaders()),
                        answer.getEntity() == null ? EMPTY : EntityUtils.toByteArray(answer.getEntity())),
                authorization == null ? null : authorization.getValue()));
    }

    /** The endpoint's request timeout, per request, since endpoints with different timeouts share one pool. */
    private static RequestConfig requestConfig(Duration requestTimeout) {
        Timeout timeout = Timeout.of(requestTimeout);
        return RequestConfig.custom().setResponseTimeout(timeout).setConnectionRequestTimeout(timeout).build();
    }

    private static URI resolve(URI root, JiraqRequest request) {
        StringBuilder uri = new StringBuilder(root.toString()).append(request.path());
        if (!request.query().isEmpty()) {
            StringJoiner q = new StringJoiner("&", "?", "");
            // RFC 3986 (%20 for spaces), so OAuth 1.0a base strings and Jira read the same value
            request.query().forEach((name, values) -> values.forEach(
                    v -> q.add(PercentCodec.RFC3986.encode(name) + "=" + PercentCodec.RFC3986.encode(v))));
            uri.append(q);
        }
        return URI.create(uri.toString());
    }

    private void pause(JiraqRequest request, int retry, Duration retryAfter, String cause) throws IOException {
        Duration delay = retryPolicy.delay(retry, retryAfter);
        listener.retrying(request, retry + 1, delay, cause);
        LOG.info("Retrying {} {} after {} in {} ms (retry {} of {})", request.method(), request.path(), cause,
                delay.toMillis(), retry + 1, retryPolicy.maxRetries());
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting to retry a Jira call");
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && hostOf(a).equals(hostOf(b)) && port(a) == port(b);
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static String hostOf(URI uri) {
        return uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    }

    private static URI stripTrailingSlash(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : uri;
    }

    /** Atlassian's gateway answer to a token without the scopes of the call: {@code {"code":401,"message":...}}. */
    private static boolean refusedForScope(JiraqResponse response) {
        return response.json().path("message").asText("").contains("scope does not match");
    }
}
