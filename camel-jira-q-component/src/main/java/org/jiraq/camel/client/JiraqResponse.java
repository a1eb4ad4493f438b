package org.jiraq.camel.client;

import java.io.IOException;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.jiraq.camel.JiraqConnectionException;

/** Jira's answer: status, headers and the body, parsed as JSON on demand. */
public final class JiraqResponse {

    private final JiraqRequest request;
    private final int status;
    private final ResponseHeaders headers;
    private final byte[] body;
    private JsonNode json;

    /** An answer made up by the component itself (an issue found rather than created). */
    public JiraqResponse(int status, ResponseHeaders headers, byte[] body) {
        this(null, status, headers, body);
    }

    /** Jira's answer to {@code request}. */
    JiraqResponse(JiraqRequest request, int status, ResponseHeaders headers, byte[] body) {
        this.request = request;
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    public int status() {
        return status;
    }

    public ResponseHeaders headers() {
        return headers;
    }

    public String header(String name) {
        return headers.first(name);
    }

    /** Jira's Retry-After in seconds (fractions allowed), or null when absent or in the HTTP-date form. */
    public Duration retryAfter() {
        String value = header("Retry-After");
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofMillis((long) (Double.parseDouble(value.trim()) * 1000));
        } catch (NumberFormatException e) {
            return null; // HTTP-date form: Jira does not send it; fall back to our own backoff
        }
    }

    public byte[] body() {
        return body;
    }

    /** The body as JSON; a missing node for an empty body (204) or one that is not JSON. */
    public JsonNode json() {
        if (json == null) {
            json = parse();
        }
        return json;
    }

    private JsonNode parse() {
        if (body.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            if (status >= 400) {
                return MissingNode.getInstance();
            }
            if (request == null) {
                throw new IllegalStateException("An answer the component made up is not JSON", e);
            }
            throw JiraqConnectionException.unreadable(request, status, e);
        }
    }
}
