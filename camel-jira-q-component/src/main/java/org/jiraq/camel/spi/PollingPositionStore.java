package org.jiraq.camel.spi;

import java.time.Instant;
import java.util.concurrent.Callable;

/**
 * Where jiraq:issues keeps its position, so a restart neither repeats nor skips a change: the latest change
 * delivered, and every change delivered within the lookback window behind it, as (issue id, updated) pairs.
 * Implementations must make {@link #delivered} durable before it returns.
 */
public interface PollingPositionStore {

    /** What is stored under {@code key}; {@link PollingPosition#empty()} when nothing is. */
    PollingPosition load(String key);

    /** Records one delivered change, and moves the position to {@code updated} when that is later. */
    void delivered(String key, String issueId, Instant updated);

    /** Forgets the changes updated before {@code cutoff}: no later poll asks for them any more. */
    void forgetBefore(String key, Instant cutoff);

    /**
     * Runs one poll of {@code key}, unless a consumer sharing this store (another replica) is polling the same key
     * right now: then skips it and returns 0, since that poll delivers the changes. Stores of one JVM just run it.
     */
    default int pollAlone(String key, Callable<Integer> poll) throws Exception {
        return poll.call();
    }
}
