package org.jiraq.camel.polling;

import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps polling positions in memory: enough for tests and for sites where repeating changes after a restart is fine. */
public final class InMemoryPollingPositionStore implements PollingPositionStore {

    private final Map<String, PollingPosition> positions = new ConcurrentHashMap<>();

    @Override
    public PollingPosition load(String key) {
        return positions.getOrDefault(key, PollingPosition.empty());
    }

    @Override
    public void delivered(String key, String issueId, Instant updated) {
        positions.compute(key, (k, old) -> {
            PollingPosition current = old == null ? PollingPosition.empty() : old;
            Set<PollingPosition.Change> seen = new HashSet<>(current.seen());
            seen.add(new PollingPosition.Change(issueId, updated));
            Instant latest = current.latest() == null || updated.isAfter(current.latest()) ? updated : current.latest();
            return new PollingPosition(latest, seen);
        });
    }

    @Override
    public void forgetBefore(String key, Instant cutoff) {
        positions.computeIfPresent(key, (k, current) -> {
            Set<PollingPosition.Change> seen = new HashSet<>(current.seen());
            seen.removeIf(change -> change.updated().isBefore(cutoff));
            return new PollingPosition(current.latest(), seen);
        });
    }
}
