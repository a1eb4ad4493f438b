package org.jiraq.camel.operation;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Message;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.client.Json;

/** Reads an operation's inputs from a message, with errors that say what to set. */
final class Inputs {

    private Inputs() {
    }

    /** The issue key: header {@code CamelJiraqIssueKey}, else a String body. */
    static String issueKey(Message message, String operation) {
        String key = message.getHeader(JiraqConstants.ISSUE_KEY, String.class);
        if (key == null && message.getBody() instanceof String body && !body.isBlank() && !looksLikeJson(body)) {
            key = body.trim();
        }
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException(
                    operation + " needs an issue key or id: set header " + JiraqConstants.ISSUE_KEY
                                               + " or send the key as the body");
        }
        return key.trim();
    }

    /** The issue key from header {@code CamelJiraqIssueKey} only, for operations whose body is their payload. */
    static String issueKeyHeader(Message message, String operation) {
        String key = message.getHeader(JiraqConstants.ISSUE_KEY, String.class);
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException(
                    operation + " needs an issue key or id: set header " + JiraqConstants.ISSUE_KEY);
        }
        return key.trim();
    }

    /** The body as a JSON object, when it is one (a Map, a Jackson node, a JSON object string); else null. */
    static JsonNode jsonObjectBody(Message message) {
        Object body = message.getBody();
        if (body == null || body instanceof String text && !looksLikeJson(text)) {
            return null;
        }
        if (body instanceof String || body instanceof Map || body instanceof JsonNode || body instanceof byte[]) {
            JsonNode node = Json.toNode(body);
            return node != null && node.isObject() ? node : null;
        }
        return null;
    }

    /** A value of a header that may hold a JSON object (a Map, a node or a JSON string). */
    static JsonNode jsonHeader(Message message, String header) {
        Object value = message.getHeader(header);
        if (value == null) {
            return null;
        }
        JsonNode node = Json.toNode(value);
        if (!node.isObject()) {
            throw new IllegalArgumentException("Header " + header + " must be a JSON object or a Map of field ids to values");
        }
        return node;
    }

    /** A header that must hold a Map (query parameters, HTTP headers, cookies), with its keys as strings; or null. */
    static Map<String, Object> mapHeader(Message message, String header) {
        Object value = message.getHeader(header);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("Header " + header + " must be a Map, not " + value.getClass().getName());
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
    }

    static boolean looksLikeJson(String text) {
        String t = text.stripLeading();
        return t.startsWith("{") || t.startsWith("[");
    }

    /** Encodes a value for use as one path segment, so an input can never climb out of its resource. */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
