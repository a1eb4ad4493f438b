package org.jiraq.simulator;

/** An issue type of the simulator's single issue type scheme; a sub-task type needs a parent. */
public record IssueType(long id, String name, String description, boolean subtask) {

    public IssueType(long id, String name, String description) {
        this(id, name, description, false);
    }
}
