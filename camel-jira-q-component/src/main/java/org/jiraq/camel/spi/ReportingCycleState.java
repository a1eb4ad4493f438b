package org.jiraq.camel.spi;

import java.time.Duration;
import java.time.Instant;

/**
 * Where the personal data reporting cycle stands, as persisted.
 *
 * @param cycleId     the cycle in progress, or null between cycles
 * @param startedAt   when the cycle in progress started
 * @param cursor      the last account id reported in this cycle (accounts are reported in id order), or null
 * @param cyclePeriod the Cycle-Period Atlassian last sent in this cycle, or null
 * @param nextDueAt   when the next cycle is due, or null before the first cycle
 */
public record ReportingCycleState(String cycleId, Instant startedAt, String cursor, Duration cyclePeriod,
                                  Instant nextDueAt) {

    public boolean inProgress() {
        return cycleId != null;
    }
}
