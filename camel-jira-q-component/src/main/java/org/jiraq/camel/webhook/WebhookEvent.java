package org.jiraq.camel.webhook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import org.jiraq.camel.client.Json;

/**
 * One event Jira sent: its webhookEvent name, the delivery identifier Jira keeps across retries, the retry count, and
 * the payload as a map.
 *
 * @param identifier the delivery identifier as it is kept for de-duplication: Jira's, or for one longer than
 *                   {@value #MAX_IDENTIFIER_LENGTH} characters (the store's column) {@code sha256:} and its hex
 *                   SHA-256, so its retries still match
 */
public record WebhookEvent(String name, String identifier, Integer retry, Map<String, Object> body) {

    /** The longest identifier kept as it is: the width of the store's column. */
    public static final int MAX_IDENTIFIER_LENGTH = 255;

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    /**
     * Reads a payload; anything that is not a JSON object with a webhookEvent name, or comes with a malformed
     * delivery identifier, is refused, naming what is wrong.
     */
    public static WebhookEvent parse(byte[] raw, String identifier, Integer retry) {
        String kept = identifier(identifier);
        Map<String, Object> body;
        try {
            body = Json.MAPPER.readValue(raw, JSON_OBJECT);
        } catch (IOException e) {
            throw new IllegalArgumentException("The body is not a JSON object");
        }
        if (body == null || !(body.get("webhookEvent") instanceof String name) || name.isBlank()) {
            throw new IllegalArgumentException("The body is not a Jira event: no webhookEvent");
        }
        return new WebhookEvent(name, kept, retry, body);
    }

    /**
     * The identifier to keep: an empty one or one with control characters is refused (Jira sends a number or a
     * UUID), a longer one than the store holds is hashed.
     */
    static String identifier(String raw) {
        if (raw == null) {
            return null;
        }
        if (raw.isBlank()) {
            throw new IllegalArgumentException("The X-Atlassian-Webhook-Identifier header is empty: Jira sends a"
                                               + " non-empty identifier with every delivery; send Jira's, or none");
        }
        if (raw.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("The X-Atlassian-Webhook-Identifier header holds control characters:"
                                               + " Jira's identifiers are plain text; check what rewrites the header");
        }
        if (raw.length() <= MAX_IDENTIFIER_LENGTH) {
            return raw;
        }
        try {
            return "sha256:" + HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** When the event happened: the payload's {@code timestamp} (epoch milliseconds), or null without one. */
    public Instant timestamp() {
        Object value = body.get("timestamp");
        if (value instanceof Number number) {
            return Instant.ofEpochMilli(number.longValue());
        }
        try {
            return value instanceof String text ? Instant.ofEpochMilli(Long.parseLong(text.trim())) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The issue's id: of the event's issue, else of the worklog an event is about (which names only its issue's id). */
    public String issueId() {
        Object id = issue().get("id");
        return text(id != null ? id : map(body.get("worklog")).get("issueId"));
    }

    /** The issue_event_type_name of an issue event, or null. */
    public String issueEventType() {
        return text(body.get("issue_event_type_name"));
    }

    public String issueKey() {
        return text(issue().get("key"));
    }

    /** The project of the issue, or of a project event. */
    public String projectKey() {
        Object project = map(issue().get("fields")).get("project");
        if (project == null) {
            project = body.get("project");
        }
        return text(map(project).get("key"));
    }

    private Map<?, ?> issue() {
        return map(body.get("issue"));
    }

    private static Map<?, ?> map(Object value) {
        return value instanceof Map<?, ?> m ? m : Map.of();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
