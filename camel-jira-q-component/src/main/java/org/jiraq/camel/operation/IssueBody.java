package org.jiraq.camel.operation;

import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Message;
import org.apache.camel.StreamCache;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.client.Json;

/**
 * How createIssue, updateIssue and bulkCreateIssues read a body, so that a message is never silently misread: a Map
 * or JSON object is Jira's request only in Jira's own shape ({@code {"fields":...}}, optionally with {@code update}),
 * or as a flat map of fields when option bodyAsFields says so; text is the description; anything else is refused
 * with a message that says what was found and what to do.
 */
final class IssueBody {

    /** The parts of Jira's create and edit requests; a body with other keys is something else. */
    private static final Set<String> REQUEST_PARTS = Set.of("fields", "update", "properties", "historyMetadata",
            "transition");

    /** What a body says: Jira's request, or the description text, or nothing (both null). */
    record Read(ObjectNode request, String text) {
    }

    private IssueBody() {
    }

    /** Reads the message's body for {@code operation}. */
    static Read read(Message message, String operation, boolean asFields) {
        Object body = message.getBody();
        if (body instanceof byte[] || body instanceof InputStream || body instanceof Reader
                || body instanceof StreamCache) {
            body = message.getBody(String.class);
        }
        if (body == null || body instanceof String text && text.isBlank()) {
            return new Read(null, null);
        }
        if (body instanceof String text && !Inputs.looksLikeJson(text)) {
            return new Read(null, text);
        }
        if (body instanceof String || body instanceof Map || body instanceof JsonNode) {
            return new Read(request(Json.toNode(body), body, operation + " reads a Map or JSON body",
                    "Give the fields as headers (" + JiraqConstants.SUMMARY + ", " + JiraqConstants.DESCRIPTION + ", "
                                                                      + JiraqConstants.PRIORITY + ", " + JiraqConstants.FIELDS
                                                                      + " ...) and make the body the description text or"
                                                                      + " empty",
                    asFields), null);
        }
        throw new IllegalArgumentException(operation + " cannot read a body of type " + body.getClass().getName()
                                           + ": send text (the description), Jira's {\"fields\":{...}} as a Map or"
                                           + " JSON, or no body, and give the fields as headers");
    }

    /**
     * Jira's request from a JSON value: as it is when it has Jira's shape, else (with {@code asFields}) the value
     * as its fields.
     *
     * @param original what the value was read from, named in the error
     * @param subject  what reads it, for the error: "createIssue reads a Map or JSON body"
     * @param advice   what to do instead, for the error
     */
    static ObjectNode request(JsonNode value, Object original, String subject, String advice, boolean asFields) {
        if (value == null || !value.isObject()) {
            throw new IllegalArgumentException(subject + " as a JSON object, not " + describe(value, original)
                                               + (value != null && value.isArray()
                                                       ? "; to create several issues use bulkCreateIssues" : ""));
        }
        ObjectNode request = Json.object();
        if (jiraShaped(value)) {
            request.setAll((ObjectNode) value.deepCopy());
        } else if (asFields) {
            request.set("fields", value.deepCopy());
        } else {
            throw new IllegalArgumentException(
                    subject + " only in Jira's shape {\"fields\":{...}} (with \"update\" if needed), but got "
                                               + describe(value, original) + ". " + advice
                                               + ", or set option bodyAsFields=true to read these keys as Jira field ids");
        }
        return request;
    }

    /** Jira's shape: fields or update, and nothing that is not part of an issue request. */
    private static boolean jiraShaped(JsonNode value) {
        List<String> keys = keys(value);
        return (value.has("fields") || value.has("update")) && REQUEST_PARTS.containsAll(keys);
    }

    private static String describe(JsonNode value, Object original) {
        String type = original instanceof String ? "a JSON string" : "a " + original.getClass().getName();
        if (value == null) {
            return type;
        }
        return value.isObject() ? type + " with keys " + keys(value) : type + " holding a JSON " + value.getNodeType()
                .name().toLowerCase(Locale.ROOT);
    }

    private static List<String> keys(JsonNode value) {
        List<String> keys = new ArrayList<>();
        value.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
