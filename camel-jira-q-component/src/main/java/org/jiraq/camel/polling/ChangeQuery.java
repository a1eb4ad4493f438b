package org.jiraq.camel.polling;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

import org.jiraq.camel.spi.PollingPosition;

/**
 * The JQL of one poll: the user's query, narrowed to changes from the lookback window behind the position onwards,
 * oldest first. The cutoff is given in epoch milliseconds, which Jira reads in no time zone and to the millisecond.
 * Before the first delivery there is no position, so the window is relative to Jira's own clock.
 */
public final class ChangeQuery {

    private static final Pattern ORDER_BY = Pattern.compile("(?i)\\border\\s+by\\b");

    private final String userJql;
    private final Duration lookback;

    public ChangeQuery(String userJql, Duration lookback) {
        if (userJql != null && ORDER_BY.matcher(userJql).find()) {
            throw new IllegalArgumentException(
                    "Option 'jql' of jiraq:issues must not have an ORDER BY: changes are polled in updated order");
        }
        if (lookback.isNegative() || lookback.isZero()) {
            throw new IllegalArgumentException("Option 'lookback' of jiraq:issues must be longer than 0");
        }
        this.userJql = userJql == null || userJql.isBlank() ? null : userJql.trim();
        this.lookback = lookback;
    }

    /** Changes updated before this are no longer asked for; null before the first delivery. */
    public Instant cutoff(PollingPosition position) {
        return position.latest() == null ? null : position.latest().minus(lookback);
    }

    public String jql(PollingPosition position) {
        Instant cutoff = cutoff(position);
        String window = cutoff == null
                ? "updated >= -" + Math.max(1, (lookback.toSeconds() + 59) / 60) + "m"
                : "updated >= " + cutoff.toEpochMilli();
        return (userJql == null ? window : "(" + userJql + ") AND " + window) + " ORDER BY updated ASC";
    }
}
