package org.jiraq.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * Every event Jira announces to admin webhooks, and the body of each, for {@link SimulatorWebhooks#announce}.
 * <p>
 * Atlassian documents one complete payload, the one of issue events ({@code timestamp}, {@code webhookEvent},
 * {@code issue_event_type_name}, {@code user}, {@code issue}, {@code changelog}); of the others its webhooks page says
 * only that they carry the entity the event is about. So each other body carries that entity under its name
 * ({@code worklog}, {@code comment} with its {@code issue}, {@code attachment}, {@code issueLink}, {@code issueType},
 * {@code project}, {@code version}, {@code filter}, {@code user}, {@code sprint}, {@code board}), in the REST v2
 * representation webhook bodies use (plain-text rich text, {@code self} links to {@code /rest/api/2}); option events
 * carry the {@code property} that changed; the app-access and Jira-expression events only the two fields every
 * delivery has. Where the shape goes beyond what Atlassian documents it is the simulator's reading, not Jira's word.
 */
public final class WebhookEventCatalog {

    /** Every webhookEvent of admin webhooks, as Atlassian's webhooks page lists them. */
    public static final List<String> ADMIN_EVENTS = List.of(
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

    private static final String AGILE = "/rest/agile/1.0/";

    private WebhookEventCatalog() {
    }

    /** Whether the event is about an issue, so it needs one to be announced. */
    static boolean aboutAnIssue(String webhookEvent) {
        return webhookEvent.startsWith("jira:issue_") || webhookEvent.startsWith("issue_property_")
               || webhookEvent.startsWith("worklog_") || webhookEvent.startsWith("comment_")
               || webhookEvent.startsWith("issuelink_");
    }

    /**
     * The state change of an issue event, so its body is the documented one (and the issue's JQL filters apply).
     *
     * @return null when the event is not an issue event
     */
    static StateChange issueChange(String webhookEvent, Issue issue, SimulatorUser actor, Instant at) {
        return switch (webhookEvent) {
            case "jira:issue_created" -> StateChange.issue(webhookEvent, "issue_created", issue, actor, List.of(), at);
            case "jira:issue_updated" -> StateChange.issue(webhookEvent, "issue_updated", issue, actor,
                    List.of("summary"), at);
            case "jira:issue_deleted" -> StateChange.issue(webhookEvent, "issue_deleted", issue, actor, List.of(), at);
            default -> null;
        };
    }

    /**
     * The body of any other event: the two fields every delivery has and the entity the event is about.
     *
     * @param issue    the issue an issue-related event is about, else null
     * @param entityId the id of the announced entity (worklog, version, sprint...)
     */
    static ObjectNode payload(String webhookEvent, Issue issue, Project project, SimulatorUser actor, Instant at,
            long entityId, JiraJson json) {
        ObjectNode payload = Json.object().put("timestamp", at.toEpochMilli()).put("webhookEvent", webhookEvent);
        String id = Long.toString(entityId);
        switch (webhookEvent.substring(webhookEvent.indexOf(':') + 1).split("_")[0]) {
            case "option" -> {
                String option = webhookEvent.substring("option_".length(), webhookEvent.length() - "_changed".length());
                payload.putObject("property").put("key", "jira.option." + option.replace("_", "")).put("value", "true");
            }
            case "issue" -> {
                payload.putObject("property").put("key", "sim.property").putObject("value").put("stage", "review");
                payload.set("issue", json.issue(issue, WebhookPayload.ALL_FIELDS, false));
            }
            case "worklog" -> payload.set("worklog", worklog(issue, actor, at, id, json));
            case "comment" -> {
                Comment comment = new Comment(entityId, actor, Json.MAPPER.getNodeFactory().textNode("A comment"), at, at);
                payload.set("comment", json.comment(issue, comment).put("body", comment.bodyText()));
                payload.set("issue", json.issue(issue, WebhookPayload.ALL_FIELDS, false));
            }
            case "attachment" -> payload.set("attachment", Json.object().put("self", json.self("attachment/" + id))
                    .put("id", id).put("filename", "screenshot.png").<ObjectNode>set("author", json.user(actor))
                    .put("created", JiraTime.format(at)).put("size", 2048).put("mimeType", "image/png")
                    .put("content", json.self("attachment/content/" + id)));
            case "issuelink" -> payload.set("issueLink", issueLink(issue, id));
            case "issuetype" -> payload.set("issueType", json.issueType(JiraCatalog.BUG));
            case "project" -> payload.set("project", json.project(project));
            case "version" -> {
                payload.set("version", version(project, id, webhookEvent, json));
                if ("jira:version_merged".equals(webhookEvent)) {
                    payload.set("mergedTo", version(project, Long.toString(entityId + 1), webhookEvent, json));
                }
            }
            case "filter" -> payload.set("filter", Json.object().put("self", json.self("filter/" + id)).put("id", id)
                    .put("name", "My open issues").<ObjectNode>set("owner", json.user(actor))
                    .put("jql", "assignee = currentUser() AND resolution = Unresolved").put("favourite", false));
            case "user" -> payload.set("user", json.user(actor));
            case "sprint" -> payload.set("sprint", sprint(webhookEvent, id, json));
            case "board" -> {
                ObjectNode board = Json.object().put("id", entityId).put("self", agile(json, "board/" + id))
                        .put("name", project.key() + " board").put("type", "scrum");
                payload.set("board", board);
                if ("board_configuration_changed".equals(webhookEvent)) {
                    payload.putObject("configuration").put("id", entityId).put("name", board.path("name").asText())
                            .put("type", "scrum").put("self", agile(json, "board/" + id + "/configuration"));
                }
            }
            default -> {
                // app access and Jira expression events: Atlassian documents nothing beyond the two common fields
            }
        }
        return payload;
    }

    private static ObjectNode worklog(Issue issue, SimulatorUser actor, Instant at, String id, JiraJson json) {
        return Json.object().put("self", json.self("issue/" + issue.id() + "/worklog/" + id))
                .<ObjectNode>set("author", json.user(actor)).<ObjectNode>set("updateAuthor", json.user(actor))
                .put("comment", "Worked on it").put("created", JiraTime.format(at)).put("updated", JiraTime.format(at))
                .put("started", JiraTime.format(at)).put("timeSpent", "1h").put("timeSpentSeconds", 3600)
                .put("id", id).put("issueId", Long.toString(issue.id()));
    }

    private static ObjectNode issueLink(Issue issue, String id) {
        ObjectNode link = Json.object().put("id", Long.parseLong(id)).put("sourceIssueId", issue.id())
                .put("destinationIssueId", issue.id() + 1).put("sequence", 0).put("systemLink", false);
        link.putObject("issueLinkType").put("id", 10000).put("name", "Blocks").put("outwardName", "blocks")
                .put("inwardName", "is blocked by").put("isSubTaskLinkType", false).put("isSystemLinkType", false);
        return link;
    }

    private static ObjectNode version(Project project, String id, String webhookEvent, JiraJson json) {
        boolean released = "jira:version_released".equals(webhookEvent);
        return Json.object().put("self", json.self("version/" + id)).put("id", id).put("description", "")
                .put("name", "1." + id).put("archived", false).put("released", released).put("overdue", false)
                .put("projectId", project.id());
    }

    private static ObjectNode sprint(String webhookEvent, String id, JiraJson json) {
        String state = switch (webhookEvent) {
            case "sprint_started" -> "active";
            case "sprint_closed" -> "closed";
            default -> "future";
        };
        return Json.object().put("id", Long.parseLong(id)).put("self", agile(json, "sprint/" + id)).put("state", state)
                .put("name", "Sprint " + id).put("originBoardId", 1).put("goal", "");
    }

    private static String agile(JiraJson json, String resource) {
        String platform = json.self("");
        return platform.substring(0, platform.indexOf("/rest/")) + AGILE + resource;
    }
}
