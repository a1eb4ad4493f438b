package org.jiraq.simulator;

/** A Jira project. */
public record Project(long id, String key, String name) {
}
