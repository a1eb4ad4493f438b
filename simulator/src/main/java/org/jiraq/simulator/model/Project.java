package org.jiraq.simulator.model;

/** A Jira project. */
public record Project(long id, String key, String name) {
}
