package org.jiraq.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An issue held by {@link SimulatorState}. Readers get live values; only the simulator's endpoints change them, under
 * the state's write lock.
 */
public final class Issue {

    private final long id;
    private Project project;
    private final long number;
    private final Instant created;
    private final SimulatorUser reporter;
    private final List<Comment> comments = new ArrayList<>();
    private final List<Attachment> attachments = new ArrayList<>();
    private final Map<String, JsonNode> customFields = new LinkedHashMap<>();
    private final Map<String, JsonNode> properties = new LinkedHashMap<>();
    private String summary;
    private JsonNode description;
    private IssueType issueType;
    private Status status = JiraCatalog.TO_DO;
    private Priority priority = JiraCatalog.MEDIUM;
    private List<String> labels = List.of();
    private SimulatorUser assignee;
    private List<ProjectComponent> components = List.of();
    private List<Version> fixVersions = List.of();
    private LocalDate dueDate;
    private Issue parent;
    private final LinkedHashSet<SimulatorUser> watchers = new LinkedHashSet<>();
    private Instant updated;
    private String searchText;

    Issue(long id, Project project, long number, IssueType issueType, String summary, SimulatorUser reporter,
            Instant created) {
        this.id = id;
        this.project = project;
        this.number = number;
        this.issueType = issueType;
        this.summary = summary;
        this.reporter = reporter;
        this.created = created;
        this.updated = created;
    }

    public long id() {
        return id;
    }

    public String key() {
        return project.key() + "-" + number;
    }

    public Project project() {
        return project;
    }

    /** The number after the dash in the key. */
    public long number() {
        return number;
    }

    public String summary() {
        return summary;
    }

    /** ADF on Cloud, a text node on Data Center, {@code null} when empty. */
    public JsonNode description() {
        return description;
    }

    public IssueType issueType() {
        return issueType;
    }

    public Status status() {
        return status;
    }

    public Priority priority() {
        return priority;
    }

    public List<String> labels() {
        return labels;
    }

    /** Who it is assigned to; {@code null} when unassigned. */
    public SimulatorUser assignee() {
        return assignee;
    }

    public List<ProjectComponent> components() {
        return components;
    }

    public List<Version> fixVersions() {
        return fixVersions;
    }

    /** The due date; {@code null} when none is set. */
    public LocalDate dueDate() {
        return dueDate;
    }

    /** The parent (the epic of a story, the issue of a sub-task); {@code null} when none. */
    public Issue parent() {
        return parent;
    }

    /** Who watches it, in the order they started. */
    public List<SimulatorUser> watchers() {
        return List.copyOf(watchers);
    }

    /** A {@code customfield_*} value exactly as it was sent, or {@code null}. */
    public JsonNode customField(String id) {
        return customFields.get(id);
    }

    public Map<String, JsonNode> customFields() {
        return Map.copyOf(customFields);
    }

    public Instant created() {
        return created;
    }

    public Instant updated() {
        return updated;
    }

    /** Who created it; {@code null} for issues seeded straight into the state. */
    public SimulatorUser reporter() {
        return reporter;
    }

    /** Who created it: the reporter, which the simulator never lets anyone change. */
    public SimulatorUser creator() {
        return reporter;
    }

    /** An entity property's value, or {@code null}. */
    public JsonNode property(String key) {
        return properties.get(key);
    }

    /** The entity properties, by key. */
    public Map<String, JsonNode> properties() {
        return Map.copyOf(properties);
    }

    /**
     * The texts found at a dotted {@code path} inside a property's value (each element of an array), as JQL's
     * {@code issue.property[key].path} compares them; empty when absent.
     */
    List<String> propertyValues(String key, String path) {
        JsonNode node = properties.get(key);
        for (String step : path.split("\\.")) {
            node = node == null ? null : node.get(step);
        }
        if (node == null || node.isNull() || node.isContainerNode() && !node.isArray()) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(item -> values.add(item.asText()));
        } else {
            values.add(node.asText());
        }
        return values;
    }

    public List<Comment> comments() {
        return List.copyOf(comments);
    }

    public List<Attachment> attachments() {
        return List.copyOf(attachments);
    }

    /** Summary, description and comments as one lower-case text, for JQL's {@code text ~}; kept until a change. */
    String searchText() {
        if (searchText == null) {
            StringBuilder text = new StringBuilder(summary).append('\n').append(Adf.plainText(description));
            comments.forEach(comment -> text.append('\n').append(comment.bodyText()));
            searchText = text.toString().toLowerCase(Locale.ROOT);
        }
        return searchText;
    }

    void setSummary(String summary) {
        this.summary = summary;
        this.searchText = null;
    }

    void setDescription(JsonNode description) {
        this.description = description == null || description.isNull() ? null : description;
        this.searchText = null;
    }

    void setIssueType(IssueType issueType) {
        this.issueType = issueType;
    }

    void setStatus(Status status) {
        this.status = status;
    }

    void setPriority(Priority priority) {
        this.priority = priority;
    }

    void setLabels(List<String> labels) {
        this.labels = List.copyOf(labels);
    }

    void setAssignee(SimulatorUser assignee) {
        this.assignee = assignee;
    }

    void setComponents(List<ProjectComponent> components) {
        this.components = List.copyOf(components);
    }

    void setFixVersions(List<Version> fixVersions) {
        this.fixVersions = List.copyOf(fixVersions);
    }

    void setDueDate(LocalDate dueDate) {
        this.dueDate = dueDate;
    }

    void setParent(Issue parent) {
        this.parent = parent;
    }

    /** Answers whether the user was not watching yet. */
    boolean addWatcher(SimulatorUser user) {
        return watchers.add(user);
    }

    /** Answers whether the user was watching. */
    boolean removeWatcher(SimulatorUser user) {
        return watchers.remove(user);
    }

    void setCustomField(String id, JsonNode value) {
        if (value == null || value.isNull()) {
            customFields.remove(id);
        } else {
            customFields.put(id, value);
        }
    }

    void setProperty(String key, JsonNode value) {
        properties.put(key, value);
    }

    void addComment(Comment comment) {
        comments.add(comment);
        this.searchText = null;
    }

    void addAttachment(Attachment attachment) {
        attachments.add(attachment);
    }

    List<Comment> liveComments() {
        return comments;
    }

    void setProject(Project project) {
        this.project = project;
    }

    void touch(Instant at) {
        this.updated = at;
    }
}
