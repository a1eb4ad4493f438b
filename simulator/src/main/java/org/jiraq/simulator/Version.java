package org.jiraq.simulator;

/** A version of a project, which issues name in their {@code fixVersions} field. */
public record Version(long id, String name) implements ProjectValue {
}
