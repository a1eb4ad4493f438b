package org.jiraq.camel.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.hc.core5.http.HttpEntity;

/**
 * One call to Jira, relative to the REST root ({@code /rest/api/3/issue}). Immutable; built with
 * {@link #get(String)}, {@link #post(String)}, {@link #put(String)}, {@link #delete(String)} or
 * {@link #builder(String, String)}.
 *
 * @param method       the HTTP method
 * @param path         the path below the site or gateway root, starting with {@code /}
 * @param query        query parameters in order; a name may repeat
 * @param headers      extra request headers (never the Authorization header, which belongs to the auth strategy)
 * @param jsonBody     a JSON body: a Jackson node, a Map, a POJO, or a String holding raw JSON; null for none
 * @param streamBody   any other body (multipart uploads, forms), with its content type; streamed as the connection
 *                     takes it
 * @param credentialId the stored OAuth grant to use, or null for the endpoint's default
 * @param retrySafe    whether repeating the request after a fault cannot change the outcome
 */
public record JiraqRequest(
        String method, String path, Map<String, List<String>> query, Map<String, String> headers,
        Object jsonBody, HttpEntity streamBody, String credentialId, boolean retrySafe) {

    public static Builder get(String path) {
        return builder("GET", path);
    }

    public static Builder post(String path) {
        return builder("POST", path);
    }

    public static Builder put(String path) {
        return builder("PUT", path);
    }

    public static Builder delete(String path) {
        return builder("DELETE", path);
    }

    public static Builder builder(String method, String path) {
        return new Builder(method, path);
    }

    /** A copy of this request with one query parameter set (replacing any earlier values), for paging. */
    public JiraqRequest withQueryParam(String name, String value) {
        return withQuery(Map.of(name, List.of(value)));
    }

    /**
     * A copy of this request with these query parameters set over its own (a name given replaces all its earlier
     * values), for following a link to the next page.
     */
    public JiraqRequest withQuery(Map<String, List<String>> parameters) {
        Map<String, List<String>> q = new LinkedHashMap<>(query);
        parameters.forEach((k, v) -> q.put(k, List.copyOf(v)));
        return new JiraqRequest(method, path, Collections.unmodifiableMap(q), headers, jsonBody, streamBody,
                credentialId, retrySafe);
    }

    /** A copy of this request with another JSON body, for paging through POST searches. */
    public JiraqRequest withJsonBody(Object body) {
        return new JiraqRequest(method, path, query, headers, body, streamBody, credentialId, retrySafe);
    }

    /** A copy of this request that uses another stored OAuth 2.0 grant. */
    public JiraqRequest withCredentialId(String otherCredentialId) {
        return new JiraqRequest(method, path, query, headers, jsonBody, streamBody, otherCredentialId, retrySafe);
    }

    public static final class Builder {
        private final String method;
        private final String path;
        private final Map<String, List<String>> query = new LinkedHashMap<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Object jsonBody;
        private HttpEntity streamBody;
        private String credentialId;
        private Boolean retrySafe;

        private Builder(String method, String path) {
            this.method = Objects.requireNonNull(method, "method");
            this.path = Objects.requireNonNull(path, "path");
        }

        /** Adds a query parameter; null values are skipped so optional parameters need no if. */
        public Builder query(String name, Object value) {
            if (value != null) {
                query.computeIfAbsent(name, k -> new ArrayList<>()).add(String.valueOf(value));
            }
            return this;
        }

        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Builder json(Object body) {
            this.jsonBody = body;
            return this;
        }

        /** A body that is not JSON; its content type goes with it. */
        public Builder stream(HttpEntity body) {
            this.streamBody = body;
            return this;
        }

        public Builder credentialId(String credentialId) {
            this.credentialId = credentialId;
            return this;
        }

        /** Overrides the default: GET, HEAD, PUT and DELETE are safe to repeat, POST is not. */
        public Builder retrySafe(boolean retrySafe) {
            this.retrySafe = retrySafe;
            return this;
        }

        public JiraqRequest build() {
            boolean safe = retrySafe != null ? retrySafe : !"POST".equals(method) && !"PATCH".equals(method);
            Map<String, List<String>> q = new LinkedHashMap<>();
            query.forEach((k, v) -> q.put(k, List.copyOf(v)));
            return new JiraqRequest(method, path, Collections.unmodifiableMap(q), Map.copyOf(headers), jsonBody,
                    streamBody, credentialId, safe);
        }
    }
}
