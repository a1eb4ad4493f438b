package org.jiraq.camel.webhook;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import org.jiraq.camel.client.Json;

/**
 * One event Jira sent: its webhookEvent name, the delivery identifier Jira keeps across retries, the retry count, and
 * the payload as a map.
 */
public record WebhookEvent(String name, String identifier, Integer retry, Map<String, Object> body) {

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    /**
     * Reads a payload; anything that is not a JSON object with a webhookEvent name is refused, naming what is
     * wrong.
     */
    public static WebhookEvent parse(byte[] raw, String identifier, Integer retry) {
        Map<String, Object> body;
        try {
            body = Json.MAPPER.readValue(raw, JSON_OBJECT);
        } catch (IOException e) {
            throw new IllegalArgumentException("The body is not a JSON object");
        }
        if (body == null || !(body.get("webhookEvent") instanceof String name) || name.isBlank()) {
            throw new IllegalArgumentException("The body is not a Jira event: no webhookEvent");
        }
        return new WebhookEvent(name, identifier, retry, body);
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
