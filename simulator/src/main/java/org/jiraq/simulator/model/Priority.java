package org.jiraq.simulator.model;

/** A priority; {@code id} also orders them, Highest (1) first. */
public record Priority(long id, String name) {
}
