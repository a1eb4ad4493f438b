package org.jiraq.simulator;

/** A component of a project, which issues name in their {@code components} field. */
public record ProjectComponent(long id, String name) implements ProjectValue {
}
