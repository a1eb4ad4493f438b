package org.jiraq.simulator;

/** Something a project defines and its issues name by name or id: a component, a version. */
public interface ProjectValue {

    long id();

    String name();
}
