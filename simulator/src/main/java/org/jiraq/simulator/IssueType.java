package org.jiraq.simulator;

/** An issue type of the simulator's single issue type scheme. */
public record IssueType(long id, String name, String description) {
}
