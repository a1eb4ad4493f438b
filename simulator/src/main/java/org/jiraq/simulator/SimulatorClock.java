package org.jiraq.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The simulator's time: every {@code created}/{@code updated} stamp and every relative JQL date ({@code -5m}) comes
 * from here, so tests can move time forward instead of sleeping. It either follows the system clock plus the
 * accumulated {@link #advance} offsets, or stands still at a fixed instant until advanced.
 */
public final class SimulatorClock {

    private final Clock base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    private SimulatorClock(Clock base) {
        this.base = base;
    }

    /** Runs with the system clock (the default). */
    public static SimulatorClock system() {
        return new SimulatorClock(Clock.systemUTC());
    }

    /** Stands still at {@code instant} until {@link #advance} moves it. */
    public static SimulatorClock fixedAt(Instant instant) {
        return new SimulatorClock(Clock.fixed(instant, ZoneOffset.UTC));
    }

    /** Now, at Jira's millisecond precision. */
    public Instant now() {
        return base.instant().plus(offset.get()).truncatedTo(ChronoUnit.MILLIS);
    }

    public void advance(Duration duration) {
        offset.accumulateAndGet(duration, Duration::plus);
    }
}
