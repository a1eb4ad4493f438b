package org.jiraq.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Jira's JSON representations of the simulator's objects, shaped per flavour the way the OpenAPI documents describe
 * them (the Cloud schemas forbid unknown properties, so only documented ones appear).
 */
public final class JiraJson {

    private static final String ISSUE_EXPAND = "renderedFields,names,schema,operations,editmeta,changelog,"
            + "versionedRepresentations";

    /** The system fields the simulator keeps, in the order Jira prints them. */
    static final List<String> SYSTEM_FIELDS = List.of("summary", "description", "issuetype", "parent", "project",
            "status", "priority", "labels", "components", "fixVersions", "duedate", "assignee", "reporter", "creator",
            "created", "updated", "watches", "comment");

    private final JiraSimulator.Flavour flavour;
    private final String baseUrl;
    private final String restUrl;

    JiraJson(JiraSimulator.Flavour flavour, String baseUrl) {
        this.flavour = flavour;
        this.baseUrl = baseUrl;
        this.restUrl = baseUrl + flavour.restRoot();
    }

    private boolean cloud() {
        return flavour == JiraSimulator.Flavour.CLOUD;
    }

    /** The REST URL of a resource below the platform root, e.g. {@code issue/10000}. */
    public String self(String resource) {
        return restUrl + "/" + resource;
    }

    /** A user as it appears inside other objects (reporter, comment author). */
    public ObjectNode user(SimulatorUser user) {
        if (user == null) {
            return null;
        }
        ObjectNode node = Json.object();
        if (cloud()) {
            node.put("self", self("user?accountId=" + user.accountId()))
                    .put("accountId", user.accountId())
                    .put("accountType", "atlassian");
        } else {
            node.put("self", self("user?username=" + encode(user.username())))
                    .put("key", "JIRAUSER" + Math.abs(user.accountId().hashCode() % 100000))
                    .put("name", user.username());
        }
        node.put("emailAddress", user.email());
        node.set("avatarUrls", avatarUrls("useravatar?ownerId=" + encode(user.username()) + "&"));
        node.put("displayName", user.displayName()).put("active", true).put("timeZone", "Etc/UTC");
        return node;
    }

    /** The caller's own user, as {@code /myself} returns it. */
    public ObjectNode myself(SimulatorUser user) {
        return user(user).put("locale", "en_US");
    }

    public ObjectNode project(Project project) {
        ObjectNode node = Json.object();
        if (cloud()) {
            node.put("expand", "description,lead,issueTypes,url,projectKeys,permissions,insight");
        }
        node.put("self", self("project/" + project.id()))
                .put("id", Long.toString(project.id()))
                .put("key", project.key())
                .put("name", project.name());
        node.set("avatarUrls", avatarUrls("projectavatar?pid=" + project.id() + "&"));
        node.put("projectTypeKey", "software");
        if (cloud()) {
            node.put("simplified", false).put("style", "classic").put("isPrivate", false);
            node.putObject("properties");
        } else {
            node.put("archived", false);
        }
        return node;
    }

    public ObjectNode issueType(IssueType type) {
        ObjectNode node = Json.object()
                .put("self", self("issuetype/" + type.id()))
                .put("id", Long.toString(type.id()))
                .put("description", type.description())
                .put("iconUrl", baseUrl + "/images/icons/issuetypes/" + type.name().toLowerCase() + ".svg")
                .put("name", type.name())
                .put("subtask", type.subtask());
        if (cloud()) {
            node.put("hierarchyLevel", type.subtask() ? -1 : type.name().equals("Epic") ? 1 : 0);
        }
        return node;
    }

    public ObjectNode status(Status status) {
        ObjectNode node = Json.object()
                .put("self", self("status/" + status.id()))
                .put("description", "")
                .put("iconUrl", baseUrl + "/images/icons/statuses/generic.png")
                .put("name", status.name())
                .put("id", Long.toString(status.id()));
        Status.Category category = status.category();
        node.putObject("statusCategory")
                .put("self", self("statuscategory/" + category.id()))
                .put("id", category.id())
                .put("key", category.key())
                .put("colorName", category.colorName())
                .put("name", category.displayName());
        return node;
    }

    public ObjectNode priority(Priority priority) {
        return Json.object()
                .put("self", self("priority/" + priority.id()))
                .put("iconUrl", baseUrl + "/images/icons/priorities/" + priority.name().toLowerCase() + ".svg")
                .put("name", priority.name())
                .put("id", Long.toString(priority.id()));
    }

    public ObjectNode component(ProjectComponent component) {
        return Json.object()
                .put("self", self("component/" + component.id()))
                .put("id", Long.toString(component.id()))
                .put("name", component.name());
    }

    public ObjectNode version(Version version) {
        return Json.object()
                .put("self", self("version/" + version.id()))
                .put("id", Long.toString(version.id()))
                .put("name", version.name())
                .put("archived", false)
                .put("released", false);
    }

    /** An issue's watchers, as {@code GET /issue/{key}/watchers} answers for {@code caller}. */
    public ObjectNode watchers(Issue issue, SimulatorUser caller) {
        ObjectNode node = Json.object()
                .put("self", self("issue/" + issue.key() + "/watchers"))
                .put("isWatching", issue.watchers().contains(caller))
                .put("watchCount", issue.watchers().size());
        ArrayNode watchers = node.putArray("watchers");
        issue.watchers().forEach(user -> watchers.add(user(user)));
        return node;
    }

    public ObjectNode comment(Issue issue, Comment comment) {
        ObjectNode node = Json.object()
                .put("self", self("issue/" + issue.id() + "/comment/" + comment.id()))
                .put("id", Long.toString(comment.id()));
        node.set("author", user(comment.author()));
        node.set("body", comment.body());
        node.set("updateAuthor", user(comment.author()));
        node.put("created", JiraTime.format(comment.created()))
                .put("updated", JiraTime.format(comment.updated()));
        if (cloud()) {
            node.put("jsdPublic", true);
        }
        return node;
    }

    /** A page of an issue's comments: {@code {startAt, maxResults, total, comments[]}}. */
    public ObjectNode commentPage(Issue issue, List<Comment> page, int startAt, int maxResults, int total) {
        ObjectNode node = Json.object();
        ArrayNode comments = node.putArray("comments");
        page.forEach(comment -> comments.add(comment(issue, comment)));
        node.put("maxResults", maxResults).put("total", total).put("startAt", startAt);
        return node;
    }

    public ObjectNode transition(Transition transition) {
        ObjectNode node = Json.object().put("id", transition.id()).put("name", transition.name());
        node.set("to", status(transition.to()));
        if (cloud()) {
            node.put("hasScreen", false).put("isGlobal", true).put("isInitial", false)
                    .put("isAvailable", true).put("isConditional", false).put("isLooped", false);
        }
        return node;
    }

    public ArrayNode transitions(Issue issue) {
        ArrayNode transitions = Json.array();
        JiraCatalog.transitionsFrom(issue.status()).forEach(t -> transitions.add(transition(t)));
        return transitions;
    }

    /** The envelope without fields: {@code {expand, id, self, key}}. */
    public ObjectNode issueReference(Issue issue) {
        return Json.object()
                .put("expand", ISSUE_EXPAND)
                .put("id", Long.toString(issue.id()))
                .put("self", self("issue/" + issue.id()))
                .put("key", issue.key());
    }

    /** An issue with the selected fields; {@code withTransitions} for {@code expand=transitions}. */
    ObjectNode issue(Issue issue, FieldSelection selection, boolean withTransitions) {
        ObjectNode node = issueReference(issue);
        if (withTransitions) {
            node.set("transitions", transitions(issue));
        }
        ObjectNode fields = node.putObject("fields");
        for (String field : SYSTEM_FIELDS) {
            if (selection.includes(field)) {
                fields.set(field, systemField(issue, field));
            }
        }
        issue.customFields().forEach((id, value) -> {
            if (selection.includes(id)) {
                fields.set(id, value);
            }
        });
        return node;
    }

    /** Adds the issue's entity properties named by the {@code properties} parameter, as Jira does; none when empty. */
    void putProperties(ObjectNode node, Issue issue, List<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        ObjectNode properties = node.putObject("properties");
        keys.forEach(key -> {
            if (issue.property(key) != null) {
                properties.set(key, issue.property(key));
            }
        });
    }

    private JsonNode systemField(Issue issue, String field) {
        return switch (field) {
            case "summary" -> text(issue.summary());
            case "description" -> nullable(issue.description());
            case "issuetype" -> issueType(issue.issueType());
            case "project" -> project(issue.project());
            case "status" -> status(issue.status());
            case "priority" -> priority(issue.priority());
            case "labels" -> {
                ArrayNode labels = Json.array();
                issue.labels().forEach(labels::add);
                yield labels;
            }
            case "reporter", "creator" -> nullable(user(issue.reporter()));
            case "assignee" -> nullable(user(issue.assignee()));
            case "components" -> {
                ArrayNode components = Json.array();
                issue.components().forEach(c -> components.add(component(c)));
                yield components;
            }
            case "fixVersions" -> {
                ArrayNode versions = Json.array();
                issue.fixVersions().forEach(v -> versions.add(version(v)));
                yield versions;
            }
            case "duedate" -> issue.dueDate() == null ? Json.MAPPER.nullNode() : text(issue.dueDate().toString());
            case "parent" -> issue.parent() == null ? Json.MAPPER.nullNode() : parent(issue.parent());
            case "watches" -> Json.object()
                    .put("self", self("issue/" + issue.key() + "/watchers"))
                    .put("watchCount", issue.watchers().size());
            case "created" -> text(JiraTime.format(issue.created()));
            case "updated" -> text(JiraTime.format(issue.updated()));
            case "comment" -> {
                List<Comment> comments = issue.comments();
                yield commentPage(issue, comments, 0, comments.size(), comments.size());
            }
            default -> throw new IllegalArgumentException("not a system field: " + field);
        };
    }

    /** The parent as Jira embeds it: its reference and a few fields. */
    private ObjectNode parent(Issue parent) {
        ObjectNode node = Json.object()
                .put("id", Long.toString(parent.id()))
                .put("key", parent.key())
                .put("self", self("issue/" + parent.id()));
        ObjectNode fields = node.putObject("fields");
        fields.put("summary", parent.summary());
        fields.set("status", status(parent.status()));
        fields.set("priority", priority(parent.priority()));
        fields.set("issuetype", issueType(parent.issueType()));
        return node;
    }

    private ObjectNode avatarUrls(String pathAndQueryPrefix) {
        ObjectNode urls = Json.object();
        for (String size : List.of("48x48", "24x24", "16x16", "32x32")) {
            urls.put(size, baseUrl + "/secure/" + pathAndQueryPrefix + "size=" + size);
        }
        return urls;
    }

    private static JsonNode text(String value) {
        return Json.MAPPER.getNodeFactory().textNode(value);
    }

    private static JsonNode nullable(JsonNode node) {
        return node == null ? Json.MAPPER.nullNode() : node;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
