package org.jiraq.camel.polling;

import java.time.Instant;
import java.util.Map;

import org.jiraq.camel.client.JiraTime;

/** What a poll needs to know about one issue from the search: who it is and when it last changed. */
public record IssueChange(String id, String key, String projectKey, Instant updated) {

    /** Reads an issue as searchIssues returns it; it must carry the updated field. */
    public static IssueChange of(Map<String, Object> issue) {
        Map<?, ?> fields = issue.get("fields") instanceof Map<?, ?> f ? f : Map.of();
        Object updated = fields.get("updated");
        if (!(updated instanceof String text)) {
            throw new IllegalStateException("Jira returned issue " + issue.get("key") + " without its updated field");
        }
        Map<?, ?> project = fields.get("project") instanceof Map<?, ?> p ? p : Map.of();
        return new IssueChange(String.valueOf(issue.get("id")), (String) issue.get("key"), (String) project.get("key"),
                JiraTime.parse(text));
    }
}
