package org.jiraq.simulator.model;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Jira's timestamp format in REST payloads, e.g. {@code 2026-11-22T12:00:00.000+0000}. */
public final class JiraTime {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

    private JiraTime() {
    }

    public static String format(Instant instant) {
        return FORMAT.format(instant);
    }
}
