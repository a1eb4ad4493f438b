package org.jiraq.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads the {@code fields} and {@code update} parts of an issue create, edit or transition body the way Jira does:
 * every problem is collected per field, and nothing is applied unless all of it is valid.
 */
final class IssueInput {

    private static final String CANNOT_SET = "Field '%s' cannot be set. It is not on the appropriate screen, or unknown.";
    private static final String NOT_ADF = "Operation value must be an Atlassian Document (see the Atlassian Document Format)";
    private static final int SUMMARY_LIMIT = 255;

    /** One validated change; answers whether it changed anything. */
    @FunctionalInterface
    private interface Change {
        boolean applyTo(Issue issue);
    }

    private final JiraSimulator.Flavour flavour;
    private final SimulatorState state;
    private final boolean creating;
    /** The issue being edited; {@code null} when creating. */
    private final Issue edited;
    private final Map<String, String> errors = new LinkedHashMap<>();
    private final List<Change> changes = new ArrayList<>();
    private Project project;
    private IssueType issueType;
    private String summary;
    private Issue parent;

    private IssueInput(JiraSimulator.Flavour flavour, SimulatorState state, Issue edited) {
        this.flavour = flavour;
        this.state = state;
        this.creating = edited == null;
        this.edited = edited;
    }

    /** Reads a create body; {@link #project()}, {@link #issueType()} and {@link #summary()} are then known. */
    static IssueInput forCreate(JiraSimulator.Flavour flavour, SimulatorState state, JsonNode body) {
        IssueInput input = new IssueInput(flavour, state, null);
        input.read(body);
        if (input.summary == null && !input.errors.containsKey("summary")) {
            input.errors.put("summary", "You must specify a summary of the issue.");
        }
        if (input.issueType != null && input.issueType.subtask() && input.parent == null
                && !input.errors.containsKey("parent")) {
            input.errors.put("parent", "Sub-tasks must be created with a parent issue.");
        }
        return input;
    }

    /** Reads an edit (or transition) body for {@code issue}. */
    static IssueInput forEdit(JiraSimulator.Flavour flavour, SimulatorState state, JsonNode body, Issue issue) {
        IssueInput input = new IssueInput(flavour, state, issue);
        input.read(body);
        return input;
    }

    /** Throws Jira's 400 when anything was wrong. */
    IssueInput requireValid() {
        if (!errors.isEmpty()) {
            throw ApiException.badRequest(errors);
        }
        return this;
    }

    Project project() {
        return project;
    }

    IssueType issueType() {
        return issueType;
    }

    String summary() {
        return summary;
    }

    /** Applies every change; answers whether the issue actually changed. */
    boolean applyTo(Issue issue) {
        boolean changed = false;
        for (Change change : changes) {
            changed |= change.applyTo(issue);
        }
        return changed;
    }

    private void read(JsonNode body) {
        if (!body.isObject()) {
            throw ApiException.badRequest("Can not deserialize the request body: a JSON object is expected.");
        }
        JsonNode fields = body.path("fields");
        if (!fields.isMissingNode() && !fields.isNull() && !fields.isObject()) {
            throw ApiException.badRequest("Can not deserialize 'fields': a JSON object is expected.");
        }
        if (creating) {
            readProject(fields.path("project"));
            readIssueType(fields.path("issuetype"));
        }
        fields.fields().forEachRemaining(field -> readField(field.getKey(), field.getValue()));
        JsonNode update = body.path("update");
        if (update.isObject()) {
            update.fields().forEachRemaining(field -> readOperations(field.getKey(), field.getValue()));
        }
    }

    private void readProject(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            errors.put("project", "project is required");
            return;
        }
        String keyOrId = value.isObject() ? firstText(value, "key", "id") : value.asText();
        project = keyOrId == null ? null : state.project(keyOrId);
        if (project == null) {
            errors.put("project", "valid project is required");
        }
    }

    private void readIssueType(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            errors.put("issuetype", "issue type is required");
            return;
        }
        issueType = reference(value).flatMap(JiraCatalog::issueType).orElse(null);
        if (issueType == null) {
            errors.put("issuetype", "Specify a valid issue type");
        }
    }

    private void readField(String name, JsonNode value) {
        switch (name) {
            case "project" -> {
                if (!creating) {
                    errors.put(name, CANNOT_SET.formatted(name));
                }
            }
            case "issuetype" -> {
                if (!creating) {
                    readIssueType(value);
                    IssueType type = issueType;
                    changes.add(issue -> changed(issue.issueType(), type, issue::setIssueType));
                }
            }
            case "summary" -> setSummary(value);
            case "description" -> setDescription(value);
            case "labels" -> {
                List<String> labels = labels(value);
                if (labels != null) {
                    changes.add(issue -> changed(issue.labels(), labels, issue::setLabels));
                }
            }
            case "priority" -> setPriority(value);
            case "assignee" -> {
                SimulatorUser user = assignee(value);
                if (user != null || value.isNull()) {
                    changes.add(issue -> changed(issue.assignee(), user, issue::setAssignee));
                }
            }
            case "components" -> {
                List<ProjectComponent> components = projectValues(name, value, "Component",
                        (project, nameOrId) -> state.component(project, nameOrId));
                if (components != null) {
                    changes.add(issue -> changed(issue.components(), components, issue::setComponents));
                }
            }
            case "fixVersions" -> {
                List<Version> versions = projectValues(name, value, "Version",
                        (project, nameOrId) -> state.version(project, nameOrId));
                if (versions != null) {
                    changes.add(issue -> changed(issue.fixVersions(), versions, issue::setFixVersions));
                }
            }
            case "duedate" -> setDueDate(value);
            case "parent" -> setParent(value);
            default -> {
                if (name.startsWith("customfield_")) {
                    changes.add(issue -> changed(issue.customField(name), value,
                            v -> issue.setCustomField(name, v)));
                } else {
                    errors.put(name, CANNOT_SET.formatted(name));
                }
            }
        }
    }

    /** The {@code update} verbs: {@code set} for any settable field, {@code add}/{@code remove} for labels. */
    private void readOperations(String name, JsonNode operations) {
        if (!operations.isArray()) {
            errors.put(name, "Operations for field '" + name + "' must be a list.");
            return;
        }
        for (JsonNode operation : operations) {
            operation.fields().forEachRemaining(verb -> {
                switch (verb.getKey()) {
                    case "set" -> readField(name, verb.getValue());
                    case "add", "remove" -> readLabelOperation(name, verb.getKey(), verb.getValue());
                    default -> errors.put(name, "Operation '" + verb.getKey() + "' is not supported for field '"
                            + name + "'.");
                }
            });
        }
    }

    private void readLabelOperation(String name, String verb, JsonNode value) {
        if (!name.equals("labels")) {
            errors.put(name, name.startsWith("customfield_") || JiraJson.SYSTEM_FIELDS.contains(name)
                    ? "Operation '" + verb + "' is not supported for field '" + name + "'."
                    : CANNOT_SET.formatted(name));
            return;
        }
        String label = value.asText();
        if (!validLabel(label)) {
            return;
        }
        changes.add(issue -> {
            Set<String> labels = new LinkedHashSet<>(issue.labels());
            boolean changed = verb.equals("add") ? labels.add(label) : labels.remove(label);
            issue.setLabels(List.copyOf(labels));
            return changed;
        });
    }

    private void setSummary(JsonNode value) {
        if (!value.isTextual() || value.asText().isBlank()) {
            errors.put("summary", "You must specify a summary of the issue.");
            return;
        }
        String text = value.asText();
        if (text.length() > SUMMARY_LIMIT) {
            errors.put("summary", "Summary must be less than " + SUMMARY_LIMIT + " characters.");
            return;
        }
        summary = text;
        changes.add(issue -> changed(issue.summary(), text, issue::setSummary));
    }

    /** Cloud v3 stores rich text as ADF and refuses strings; Data Center takes wiki-markup strings. */
    private void setDescription(JsonNode value) {
        boolean valid = value.isNull()
                || (flavour == JiraSimulator.Flavour.CLOUD ? Adf.isDocument(value) : value.isTextual());
        if (!valid) {
            errors.put("description", flavour == JiraSimulator.Flavour.CLOUD
                    ? NOT_ADF : "Operation value must be a string");
            return;
        }
        changes.add(issue -> changed(issue.description(), value.isNull() ? null : value, issue::setDescription));
    }

    private void setPriority(JsonNode value) {
        Optional<Priority> priority = reference(value).flatMap(JiraCatalog::priority);
        if (priority.isEmpty()) {
            errors.put("priority", "Specify a valid priority");
            return;
        }
        changes.add(issue -> changed(issue.priority(), priority.get(), issue::setPriority));
    }

    /**
     * A user reference: {@code {"accountId": ...}} on Cloud, {@code {"name": ...}} (or {@code key}) on Data Center;
     * null unassigns. Unknown users are refused as Jira does.
     */
    private SimulatorUser assignee(JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        String id = value.isObject()
                ? firstText(value, flavour == JiraSimulator.Flavour.CLOUD ? new String[] {"accountId"} : new String[] {"name", "key"})
                : null;
        SimulatorUser user = id == null ? null : state.user(id);
        if (user == null) {
            errors.put("assignee", flavour == JiraSimulator.Flavour.CLOUD
                    ? id == null ? "Specify the assignee by accountId." : "Specify a valid value for assignee"
                    : "User '" + (id == null ? value : id) + "' does not exist.");
        }
        return user;
    }

    /** Looks up a value of the issue's project by name or id; {@code null} when absent. */
    @FunctionalInterface
    private interface ProjectLookup<T> {
        T find(Project project, String nameOrId);
    }

    /** A list of {@code {"name": ...}} / {@code {"id": ...}} references to the project's components or versions. */
    private <T> List<T> projectValues(String field, JsonNode value, String what, ProjectLookup<T> lookup) {
        Project target = creating ? project : edited.project();
        if (target == null) {
            return null; // the project's own error says why
        }
        if (!value.isArray()) {
            errors.put(field, "Operation value must be an array of objects with a name or id.");
            return null;
        }
        List<T> found = new ArrayList<>();
        for (JsonNode item : value) {
            String nameOrId = reference(item).orElse(null);
            T match = nameOrId == null ? null : lookup.find(target, nameOrId);
            if (match == null) {
                errors.put(field, what + " name '" + (nameOrId == null ? item : nameOrId) + "' is not valid");
                return null;
            }
            found.add(match);
        }
        return found;
    }

    /** {@code yyyy-MM-dd}, as Jira's date fields take it; null clears it. */
    private void setDueDate(JsonNode value) {
        LocalDate date = null;
        if (!value.isNull()) {
            try {
                date = LocalDate.parse(value.asText());
            } catch (DateTimeParseException e) {
                errors.put("duedate", "Error parsing date string: " + value.asText());
                return;
            }
        }
        LocalDate due = date;
        changes.add(issue -> changed(issue.dueDate(), due, issue::setDueDate));
    }

    /** {@code {"key": ...}} or {@code {"id": ...}}: the epic of a story, or the issue of a sub-task. */
    private void setParent(JsonNode value) {
        String keyOrId = value.isObject() ? firstText(value, "key", "id") : null;
        Issue found = keyOrId == null ? null : state.issue(keyOrId);
        if (found == null) {
            errors.put("parent", "Could not find issue by id or key.");
            return;
        }
        if (found.issueType().subtask() || found == edited) {
            errors.put("parent", "Issue '" + found.key() + "' cannot be the parent of this issue.");
            return;
        }
        parent = found;
        changes.add(issue -> changed(issue.parent(), found, issue::setParent));
    }

    private List<String> labels(JsonNode value) {
        if (!value.isArray()) {
            errors.put("labels", "Labels must be a list of strings.");
            return null;
        }
        List<String> labels = new ArrayList<>();
        for (JsonNode label : value) {
            if (!validLabel(label.asText())) {
                return null;
            }
            labels.add(label.asText());
        }
        return labels;
    }

    private boolean validLabel(String label) {
        if (label.isBlank() || label.chars().anyMatch(Character::isWhitespace)) {
            errors.put("labels", "The label '" + label + "' contains spaces which is invalid.");
            return false;
        }
        return true;
    }

    /** The {@code name} or {@code id} of a {@code {"name": ...}} / {@code {"id": ...}} reference. */
    private static Optional<String> reference(JsonNode value) {
        return Optional.ofNullable(value.isObject() ? firstText(value, "name", "id") : null);
    }

    private static String firstText(JsonNode object, String... names) {
        for (String name : names) {
            JsonNode value = object.path(name);
            if (value.isTextual() || value.isNumber()) {
                return value.asText();
            }
        }
        return null;
    }

    private static <T> boolean changed(T current, T next, Consumer<T> setter) {
        setter.accept(next);
        return !Objects.equals(current, next);
    }
}
