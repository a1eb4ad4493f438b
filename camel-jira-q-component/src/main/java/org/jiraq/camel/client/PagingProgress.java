package org.jiraq.camel.client;

import java.time.Duration;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells how a paged walk is going: every page at DEBUG, and at INFO once per interval, so a walk of a few pages stays
 * quiet while one over thousands of pages shows it is alive and how far it got. A walk that reported at INFO also
 * reports its end at INFO.
 */
final class PagingProgress {

    static final Duration INFO_INTERVAL = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(Paginator.class);

    private final String walk;
    private final LongSupplier nanoClock;
    private final long intervalNanos;
    private final long startNanos;
    private long lastInfoNanos;
    private boolean reportedAtInfo;

    PagingProgress(JiraqRequest first) {
        this(first, System::nanoTime, INFO_INTERVAL);
    }

    PagingProgress(JiraqRequest first, LongSupplier nanoClock, Duration interval) {
        this.walk = first.method() + " " + first.path();
        this.nanoClock = nanoClock;
        this.intervalNanos = interval.toNanos();
        this.startNanos = nanoClock.getAsLong();
        this.lastInfoNanos = startNanos;
    }

    /** Called after each page with the totals so far. */
    void pageFetched(int pages, long items, boolean last) {
        long now = nanoClock.getAsLong();
        long seconds = Duration.ofNanos(now - startNanos).toSeconds();
        if (last && reportedAtInfo) {
            LOG.info("Paged {}: done, {} pages, {} items in {} s", walk, pages, items, seconds);
        } else if (now - lastInfoNanos >= intervalNanos) {
            lastInfoNanos = now;
            reportedAtInfo = true;
            LOG.info("Paging {}: {} pages, {} items so far in {} s", walk, pages, items, seconds);
        } else if (LOG.isDebugEnabled()) {
            LOG.debug("Paging {}: page {} fetched, {} items so far{}", walk, pages, items, last ? ", last page" : "");
        }
    }
}
