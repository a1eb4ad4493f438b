package org.jiraq.camel.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

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

    private final URI siteUrl;
    private final AuthStrategy auth;
    private final HttpClient http;
    private final RetryPolicy retryPolicy;
    private final Duration requestTimeout;
    private final Set<String> trustedHosts;
    private volatile JiraqClientListener listener = JiraqClientListener.NONE;

    public JiraqClient(URI siteUrl, AuthStrategy auth, HttpClient http, RetryPolicy retryPolicy, Duration requestTimeout) {
        this.siteUrl = stripTrailingSlash(siteUrl);
        this.auth = auth;
        this.http = http;
        this.retryPolicy = retryPolicy;
        this.requestTimeout = requestTimeout;
        Set<String> hosts = new HashSet<>();
        auth.trustedHosts().forEach(h -> hosts.add(h.toLowerCase(Locale.ROOT)));
        this.trustedHosts = Set.copyOf(hosts);
    }

    public URI siteUrl() {
        return siteUrl;
    }

    public AuthStrategy auth() {
        return auth;
    }

    /** Sends the request, retrying as the policy allows; an answer of 400 or more is thrown. */
    public JiraqResponse execute(JiraqRequest request) throws IOException {
        int retries = 0;
        boolean renewed = false;
        while (true) {
            JiraqResponse response;
            try {
                response = sendFollowingRedirects(request);
            } catch (IOException e) {
                if (!request.retrySafe() || !retryPolicy.canRetry(retries)) {
                    throw e;
                }
                pause(request, retries++, null, e.getClass().getSimpleName());
                continue;
            }
            if (response.status() < 400) {
                return response;
            }
            if (response.status() == 401 && !renewed
                    && auth.renewAfterUnauthorized(request.credentialId(), null)) {
                renewed = true;
                continue;
            }
            JiraqHttpException error = new JiraqHttpException(request, response);
            if (!error.isRetryable() || !retryPolicy.canRetry(retries)) {
                throw error;
            }
            pause(request, retries++, error.getRetryAfter(), "status " + response.status());
        }
    }

    /** Lazily walks every page of a paged resource, one request per page, as items are consumed. */
    public Paginator paginate(JiraqRequest firstPage, PageStyle style, long limit) {
        return new Paginator(this, firstPage, style, limit);
    }

    /** Who hears about each call (metrics, health, dev console); set once when the endpoint starts. */
    public void setListener(JiraqClientListener listener) {
        this.listener = listener;
    }

    /** A client for the same site and credentials that never retries: for health checks, which must answer quickly. */
    public JiraqClient withoutRetries() {
        return new JiraqClient(siteUrl, auth, http, RetryPolicy.none(), requestTimeout);
    }

    private JiraqResponse sendFollowingRedirects(JiraqRequest request) throws IOException {
        URI root = stripTrailingSlash(auth.apiRoot(siteUrl, request.credentialId()));
        URI uri = resolve(root, request);
        for (int hop = 0; ; hop++) {
            long start = System.nanoTime();
            HttpResponse<byte[]> raw;
            try {
                raw = send(request, uri, isTrusted(uri, root));
            } catch (IOException e) {
                listener.failed(request, e, System.nanoTime() - start);
                throw e;
            }
            listener.answered(request, raw.statusCode(), raw.headers(), System.nanoTime() - start);
            if (LOG.isDebugEnabled()) {
                LOG.debug("{} {} -> {} in {} ms", request.method(), uri.getRawPath(), raw.statusCode(),
                        (System.nanoTime() - start) / 1_000_000);
            }
            String location = raw.headers().firstValue("Location").orElse(null);
            if (!isRedirect(raw.statusCode()) || location == null || hop == MAX_REDIRECTS
                    || !"GET".equals(request.method())) {
                return new JiraqResponse(raw.statusCode(), raw.headers(), raw.body());
            }
            uri = uri.resolve(location);
        }
    }

    /** Credentials go only to the site, the REST root and the hosts the auth strategy names; never to a redirect target. */
    private boolean isTrusted(URI target, URI root) {
        return sameOrigin(target, siteUrl) || sameOrigin(target, root) || trustedHosts.contains(hostOf(target))
                && "https".equalsIgnoreCase(target.getScheme());
    }

    private HttpResponse<byte[]> send(JiraqRequest request, URI uri, boolean trusted) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(requestTimeout)
                .header("Accept", "application/json");
        request.headers().forEach(builder::header);
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        if (request.streamBody() != null) {
            body = request.streamBody();
            builder.header("Content-Type", request.contentType());
        } else if (request.jsonBody() != null) {
            body = HttpRequest.BodyPublishers.ofByteArray(Json.write(request.jsonBody()));
            builder.header("Content-Type", "application/json");
        }
        builder.method(request.method(), body);
        if (trusted) {
            auth.authenticate(new AuthRequest(request.method(), uri, Map.of(), request.credentialId(),
                    builder::setHeader));
        }
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while calling Jira");
        }
    }

    private static URI resolve(URI root, JiraqRequest request) {
        StringBuilder uri = new StringBuilder(root.toString()).append(request.path());
        if (!request.query().isEmpty()) {
            StringJoiner q = new StringJoiner("&", "?", "");
            request.query().forEach((name, values) -> values.forEach(v -> q.add(encode(name) + "=" + encode(v))));
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

    /** Percent-encoding with %20 for spaces, so OAuth 1.0a base strings and Jira read the same value. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
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
}
