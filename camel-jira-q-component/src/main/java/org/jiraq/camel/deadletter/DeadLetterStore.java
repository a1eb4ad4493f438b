package org.jiraq.camel.deadletter;

import java.io.IOException;
import java.util.List;

import org.apache.camel.Exchange;

/**
 * Where what could not be delivered is kept, with its reason, until a replay delivers it: exchanges a resilient sink
 * gave up on, and webhook events the route kept failing on. Bind one in the registry under {@value #REGISTRY_NAME}:
 * a {@link JdbcDeadLetterStore} on the component's store (the default when none is bound) so dead letters survive
 * restarts, or an {@link InMemoryDeadLetterStore} for tests.
 */
public interface DeadLetterStore {

    /** The registry name under which the application may bind its own store. */
    String REGISTRY_NAME = "jiraqDeadLetterStore";

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
