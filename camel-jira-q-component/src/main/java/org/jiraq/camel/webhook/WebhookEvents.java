package org.jiraq.camel.webhook;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The webhookEvent names Jira sends, with friendly aliases (jira:issue_created is issueCreated, comment_created is
 * commentCreated), and the filter of the events option.
 */
public final class WebhookEvents {

    /** The events Jira Cloud can register dynamically; admin webhooks can have all of {@link #KNOWN}. */
    public static final List<String> DYNAMIC = List.of("jira:issue_created", "jira:issue_updated",
            "jira:issue_deleted", "comment_created", "comment_updated", "comment_deleted", "issue_property_set",
            "issue_property_deleted");

    /** Every event Atlassian documents for admin webhooks. */
    public static final List<String> KNOWN = List.of(
            "jira:issue_created", "jira:issue_updated", "jira:issue_deleted",
            "issue_property_set", "issue_property_deleted",
            "worklog_created", "worklog_updated", "worklog_deleted",
            "comment_created", "comment_updated", "comment_deleted",
            "attachment_created", "attachment_deleted",
            "issuelink_created", "issuelink_deleted",
            "issuetype_created", "issuetype_updated", "issuetype_deleted",
            "project_created", "project_updated", "project_deleted", "project_soft_deleted",
            "project_restored_deleted", "project_archived", "project_restored_archived",
            "jira:version_created", "jira:version_updated", "jira:version_deleted", "jira:version_released",
            "jira:version_unreleased", "jira:version_moved", "jira:version_merged",
            "filter_created", "filter_updated", "filter_deleted",
            "user_created", "user_updated", "user_deleted",
            "option_voting_changed", "option_watching_changed", "option_unassigned_issues_changed",
            "option_subtasks_changed", "option_issuelinks_changed", "option_timetracking_changed",
            "option_timetracking_provider_changed",
            "sprint_created", "sprint_updated", "sprint_deleted", "sprint_started", "sprint_closed",
            "board_created", "board_updated", "board_deleted", "board_configuration_changed",
            "app_access_to_objects_blocked", "app_access_to_objects_in_container_blocked",
            "jira_expression_evaluation_failed");

    private static final Map<String, String> BY_ALIAS = KNOWN.stream()
            .collect(Collectors.toMap(WebhookEvents::alias, Function.identity()));

    private WebhookEvents() {
    }

    /** The alias of an event name: jira:version_released is versionReleased. */
    public static String alias(String event) {
        String[] words = event.substring(event.indexOf(':') + 1).split("_");
        StringBuilder alias = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            alias.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return alias.toString();
    }

    /**
     * The event names an events option selects, in its order; empty when it is blank (every event). Aliases are
     * resolved; names Jira may add later are accepted as they are, a misspelt alias is refused.
     */
    public static Set<String> parse(String option) {
        Set<String> names = new LinkedHashSet<>();
        if (option == null || option.isBlank()) {
            return names;
        }
        for (String raw : option.split(",")) {
            String value = raw.trim();
            if (value.isEmpty()) {
                continue;
            }
            String name = KNOWN.contains(value) ? value : BY_ALIAS.get(value);
            if (name == null && (value.contains(":") || value.contains("_"))) {
                name = value.toLowerCase(Locale.ROOT);
            }
            if (name == null) {
                throw new IllegalArgumentException("Option 'events' has an unknown event '" + value
                                                   + "'; use Jira's webhookEvent names such as jira:issue_created or"
                                                   + " their aliases such as issueCreated");
            }
            names.add(name);
        }
        return names;
    }

    /** The events of a dynamic registration: those selected, or all that can be registered; others are refused. */
    public static List<String> forDynamicRegistration(Set<String> selected) {
        if (selected.isEmpty()) {
            return DYNAMIC;
        }
        List<String> refused = selected.stream().filter(e -> !DYNAMIC.contains(e)).toList();
        if (!refused.isEmpty()) {
            throw new IllegalArgumentException("Option 'events' has " + refused + ", which Jira Cloud cannot register"
                                               + " as a dynamic webhook; it can: " + String.join(", ", DYNAMIC));
        }
        return List.copyOf(selected);
    }
}
