package org.jiraq.simulator.model;

/** A workflow transition; the simulator's workflow has one global transition into each status. */
public record Transition(String id, String name, Status to) {
}
