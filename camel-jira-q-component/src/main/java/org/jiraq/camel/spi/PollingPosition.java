package org.jiraq.camel.spi;

import java.time.Instant;
import java.util.Set;

/**
 * A polling position: the latest {@code updated} delivered (null before the first delivery) and the changes
 * delivered within the lookback window behind it.
 */
public record PollingPosition(Instant latest, Set<Change> seen) {

    /** One delivered change of one issue. */
    public record Change(String issueId, Instant updated) {
    }

    public PollingPosition {
        seen = Set.copyOf(seen);
    }

    public static PollingPosition empty() {
        return new PollingPosition(null, Set.of());
    }

    public boolean hasSeen(String issueId, Instant updated) {
        return seen.contains(new Change(issueId, updated));
    }
}
