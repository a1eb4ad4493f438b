package org.jiraq.camel.client;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Jira's timestamps, as its fields carry them ({@code 2026-11-22T12:00:00.000+0000}). */
public final class JiraTime {

    private static final DateTimeFormatter JIRA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private JiraTime() {
    }

    /** Jira's format, or ISO 8601 with a colon in the offset. */
    public static Instant parse(String text) {
        try {
            return JIRA_TIME.parse(text, Instant::from);
        } catch (DateTimeParseException e) {
            return OffsetDateTime.parse(text).toInstant();
        }
    }
}
