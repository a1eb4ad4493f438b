package org.jiraq.simulator.jql;

import java.util.List;

/** A JQL query Jira would refuse; the messages are Jira's own wording, ready for {@code errorMessages}. */
public final class JqlException extends RuntimeException {

    private final List<String> messages;

    JqlException(List<String> messages) {
        super(String.join(" ", messages), null, false, false);
        this.messages = List.copyOf(messages);
    }

    JqlException(String message) {
        this(List.of(message));
    }

    public List<String> messages() {
        return messages;
    }
}
