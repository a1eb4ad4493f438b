package org.jiraq.camel.deadletter;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/** Dead letters in memory: lost on restart, so for tests and trials; use {@link JdbcDeadLetterStore} in production. */
public final class InMemoryDeadLetterStore implements DeadLetterStore {

    private final Map<Long, DeadLetter> letters = new ConcurrentSkipListMap<>();
    private final AtomicLong ids = new AtomicLong();

    @Override
    public DeadLetter add(DeadLetter letter) {
        DeadLetter stored = letter.withId(ids.incrementAndGet());
        letters.put(stored.id(), stored);
        return stored;
    }

    @Override
    public List<DeadLetter> oldest(String sink, int limit, boolean withUncertain) {
        return letters.values().stream()
                .filter(l -> l.sink().equals(sink) && (withUncertain || !l.reason().needsReview()))
                .limit(limit).toList();
    }

    @Override
    public void update(DeadLetter letter) {
        letters.replace(letter.id(), letter);
    }

    @Override
    public void remove(long id) {
        letters.remove(id);
    }

    @Override
    public int count(String sink) {
        return (int) letters.values().stream().filter(l -> l.sink().equals(sink)).count();
    }
}
