package org.jiraq.camel.gdpr;

import java.util.Map;

import org.jiraq.camel.OptionalDependency;

/**
 * When {@code jiraq:gdpr} looks whether a cycle is due. The cycle's own period (7 days, or Atlassian's Cycle-Period)
 * is kept in the store, so the schedule only has to tick often enough; it ticks on Quartz, hourly, unless the
 * endpoint names another scheduler. With Quartz clustered over a shared database one replica gets each tick; the
 * store's lease keeps the cycle single in any case.
 */
public final class ReportingSchedule {

    /** At the start of every hour. */
    public static final String DEFAULT_CRON = "0 0 * * * ?";

    private ReportingSchedule() {
    }

    /**
     * Sets the scheduler options of a {@code jiraq:gdpr} URI that chose none: Quartz, on {@link #DEFAULT_CRON}. Fails
     * naming camel-quartz when it is not there.
     */
    public static void applyDefaults(Map<String, Object> options) {
        if (!options.containsKey("scheduler")) {
            OptionalDependency.requireQuartz(
                    "jiraq:gdpr, which ticks on Quartz unless option scheduler names another scheduler,");
            options.put("scheduler", "quartz");
            options.putIfAbsent("scheduler.cron", DEFAULT_CRON);
        }
    }
}
