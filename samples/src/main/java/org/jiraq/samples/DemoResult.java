package org.jiraq.samples;

import java.util.List;
import java.util.Map;

/** What one run of the demo route did, for printing and for tests. */
public record DemoResult(
        String site, boolean simulated, String dsl, String issueKey, String commentId, String jql, List<?> found) {

    /** The status the search reported for the created issue. */
    public String foundStatus() {
        if (found == null || found.isEmpty()) {
            return null;
        }
        Map<?, ?> fields = (Map<?, ?>) ((Map<?, ?>) found.get(0)).get("fields");
        return (String) ((Map<?, ?>) fields.get("status")).get("name");
    }

    public String describe() {
        return String.join(System.lineSeparator(),
                "camel-jira-q sample (" + dsl + " DSL) on " + site + (simulated ? " (embedded simulator)" : ""),
                "Created issue " + issueKey,
                "Commented on " + issueKey + " (comment " + commentId + ")",
                "Moved " + issueKey + " to In Progress",
                "Search \"" + jql + "\" found " + (found == null ? 0 : found.size()) + " issue(s); " + issueKey
                                                                                + " is " + foundStatus());
    }
}
