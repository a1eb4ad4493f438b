package org.jiraq.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The body of a webhook delivery, shaped like Jira's: {@code timestamp}, {@code webhookEvent}, and for issue events
 * {@code issue_event_type_name}, {@code user}, {@code issue} with all fields and a {@code changelog}; comment events
 * carry the {@code comment} with its body as plain text (webhooks use the REST v2 shape); project events the
 * {@code project}.
 */
final class WebhookPayload {

    static final FieldSelection ALL_FIELDS = FieldSelection.parse(List.of("*all"), "*all");

    private WebhookPayload() {
    }

    static ObjectNode of(StateChange change, JiraJson json) {
        ObjectNode payload = Json.object()
                .put("timestamp", change.at().toEpochMilli())
                .put("webhookEvent", change.webhookEvent());
        if (change.issueEventType() != null) {
            payload.put("issue_event_type_name", change.issueEventType());
        }
        if (change.user() != null) {
            payload.set("user", json.user(change.user()));
        }
        if (change.issue() != null) {
            payload.set("issue", json.issue(change.issue(), ALL_FIELDS, false));
        }
        if (!change.changedFields().isEmpty()) {
            ObjectNode changelog = payload.putObject("changelog").put("id", Long.toString(change.at().toEpochMilli()));
            ArrayNode items = changelog.putArray("items");
            change.changedFields().forEach(field -> items.addObject()
                    .put("field", field).put("fieldtype", "jira").put("fieldId", field));
        }
        if (change.comment() != null) {
            ObjectNode comment = json.comment(change.issue(), change.comment());
            comment.put("body", change.comment().bodyText());
            payload.set("comment", comment);
        }
        if (change.issue() == null && change.project() != null) {
            payload.set("project", json.project(change.project()));
        }
        return payload;
    }
}
