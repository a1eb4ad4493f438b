package org.jiraq.camel.polling;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** What a poll needs to know about one issue from the search: who it is and when it last changed. */
public record IssueChange(String id, String key, String projectKey, Instant updated) {

    /** Jira's timestamp format, e.g. 2026-11-22T12:00:00.000+0000. */
    private static final DateTimeFormatter JIRA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    /** Reads an issue as searchIssues returns it; it must carry the updated field. */
    public static IssueChange of(Map<String, Object> issue) {
        Map<?, ?> fields = issue.get("fields") instanceof Map<?, ?> f ? f : Map.of();
        Object updated = fields.get("updated");
        if (!(updated instanceof String text)) {
            throw new IllegalStateException("Jira returned issue " + issue.get("key") + " without its updated field");
        }
        Map<?, ?> project = fields.get("project") instanceof Map<?, ?> p ? p : Map.of();
        return new IssueChange(String.valueOf(issue.get("id")), (String) issue.get("key"), (String) project.get("key"),
                parse(text));
    }

    static Instant parse(String text) {
        try {
            return JIRA_TIME.parse(text, Instant::from);
        } catch (DateTimeParseException e) {
            return java.time.OffsetDateTime.parse(text).toInstant();
        }
    }
}
