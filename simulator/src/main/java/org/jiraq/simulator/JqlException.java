package org.jiraq.simulator;

import java.util.List;

/** A JQL query Jira would refuse; the messages are Jira's own wording, ready for {@code errorMessages}. */
final class JqlException extends RuntimeException {

    private final List<String> messages;

    JqlException(List<String> messages) {
        super(String.join(" ", messages), null, false, false);
        this.messages = List.copyOf(messages);
    }

    JqlException(String message) {
        this(List.of(message));
    }

    List<String> messages() {
        return messages;
    }
}
