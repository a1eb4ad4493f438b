package org.jiraq.simulator.model;

/** A component of a project, which issues name in their {@code components} field. */
public record ProjectComponent(long id, String name) implements ProjectValue {
}
