package org.jiraq.simulator;

import java.util.List;
import java.util.Optional;

/**
 * The fixed configuration of the simulated site: issue types, priorities and the one workflow (To Do, In Progress,
 * Done, with a global transition into each). Names match case-insensitively, as Jira does in REST and JQL.
 */
public final class JiraCatalog {

    public static final IssueType TASK = new IssueType(10001, "Task", "A small, distinct piece of work.");
    public static final IssueType BUG = new IssueType(10002, "Bug", "A problem or error.");
    public static final IssueType STORY = new IssueType(10003, "Story", "A user story.");
    public static final IssueType EPIC = new IssueType(10004, "Epic", "A large piece of work that holds other issues.");
    /** The one sub-task type: it needs a parent, and cannot be one. */
    public static final IssueType SUBTASK = new IssueType(10005, "Sub-task", "A part of another issue.", true);
    public static final List<IssueType> ISSUE_TYPES = List.of(TASK, BUG, STORY, EPIC, SUBTASK);

    public static final Status TO_DO = new Status(10000, "To Do", Status.Category.NEW);
    public static final Status IN_PROGRESS = new Status(3, "In Progress", Status.Category.INDETERMINATE);
    public static final Status DONE = new Status(10001, "Done", Status.Category.DONE);
    public static final List<Status> STATUSES = List.of(TO_DO, IN_PROGRESS, DONE);

    public static final List<Transition> TRANSITIONS = List.of(
            new Transition("11", "To Do", TO_DO),
            new Transition("21", "In Progress", IN_PROGRESS),
            new Transition("31", "Done", DONE));

    public static final Priority MEDIUM = new Priority(3, "Medium");
    public static final List<Priority> PRIORITIES = List.of(
            new Priority(1, "Highest"), new Priority(2, "High"), MEDIUM, new Priority(4, "Low"), new Priority(5, "Lowest"));

    private JiraCatalog() {
    }

    public static Optional<IssueType> issueType(String nameOrId) {
        return ISSUE_TYPES.stream().filter(t -> matches(nameOrId, t.id(), t.name())).findFirst();
    }

    public static Optional<Status> status(String nameOrId) {
        return STATUSES.stream().filter(s -> matches(nameOrId, s.id(), s.name())).findFirst();
    }

    public static Optional<Priority> priority(String nameOrId) {
        return PRIORITIES.stream().filter(p -> matches(nameOrId, p.id(), p.name())).findFirst();
    }

    public static Optional<Status.Category> statusCategory(String keyNameOrId) {
        for (Status.Category category : Status.Category.values()) {
            if (matches(keyNameOrId, category.id(), category.displayName())
                    || category.key().equalsIgnoreCase(keyNameOrId)) {
                return Optional.of(category);
            }
        }
        return Optional.empty();
    }

    /** The transitions offered from {@code current}: every one except the transition into itself. */
    public static List<Transition> transitionsFrom(Status current) {
        return TRANSITIONS.stream().filter(t -> !t.to().equals(current)).toList();
    }

    private static boolean matches(String nameOrId, long id, String name) {
        return name.equalsIgnoreCase(nameOrId.trim()) || Long.toString(id).equals(nameOrId.trim());
    }
}
