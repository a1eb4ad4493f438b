package org.jiraq.camel.routes.deadletter;

import java.io.IOException;
import java.util.List;

import org.apache.camel.Exchange;

/**
 * Where a resilient sink keeps what it could not deliver, until a replay delivers it. Bind one in the registry under
 * {@value org.jiraq.camel.routes.JiraqRouteTemplates#DEFAULT_STORE}: a {@link JdbcDeadLetterStore} on the project's
 * {@code JiraqStore} so dead letters survive restarts, or an {@link InMemoryDeadLetterStore} for tests.
 */
public interface DeadLetterStore {

    /** Keeps a dead letter; returns it with its id. */
    DeadLetter add(DeadLetter letter) throws IOException;

    /**
     * The oldest dead letters of one sink, at most {@code limit}, oldest first.
     *
     * @param withUncertain whether to include writes that may have happened and are not safe to repeat
     *                      ({@link FailureReason#needsReview()})
     */
    List<DeadLetter> oldest(String sink, int limit, boolean withUncertain) throws IOException;

    /** Replaces a kept dead letter (same id) after another failed delivery. */
    void update(DeadLetter letter) throws IOException;

    /** Forgets a dead letter once it was delivered. */
    void remove(long id) throws IOException;

    /** How many dead letters one sink has. */
    int count(String sink) throws IOException;

    /** Keeps the exchange a sink gave up on; the default dead-letter endpoint ({@code bean:...?method=record}) calls it. */
    default void record(Exchange exchange) throws IOException {
        add(DeadLetter.of(exchange));
    }
}
