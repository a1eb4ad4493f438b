package org.jiraq.camel.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.client.Json;

/**
 * An exchange a resilient sink could not deliver, as kept for a later replay: the body as text, the message's
 * {@code CamelJiraq*} headers (the operation's inputs, including the idempotency key that keeps a replayed create
 * single) and the reason. Other headers are left out on purpose: inbound transport headers such as
 * {@code Authorization} never reach the store, nor do the cookies of a {@code request} ({@code CamelJiraqCookies}),
 * which may carry a session.
 *
 * @param id       the store's id; 0 before it is stored
 * @param sink     the id of the route that gave up on it
 * @param failedAt when it last failed
 * @param attempts how many deliveries failed: the sink's, then one per failed replay
 */
public record DeadLetter(long id, String sink, Instant failedAt, int attempts, String body, Map<String, Object> headers,
                         FailureReason reason) {

    private static final String HEADER_PREFIX = "CamelJiraq";

    public DeadLetter {
        headers = Map.copyOf(headers);
    }

    /** The dead letter of a failed exchange: its message and the failure it caught. */
    public static DeadLetter of(Exchange exchange) {
        int attempts = 1 + exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class);
        return new DeadLetter(0, exchange.getFromRouteId(), Instant.now(), attempts, bodyText(exchange.getMessage()),
                portableHeaders(exchange), FailureReason.of(exchange));
    }

    public DeadLetter withId(long newId) {
        return new DeadLetter(newId, sink, failedAt, attempts, body, headers, reason);
    }

    /** This letter after another failed delivery: the attempt's headers (a create's uncertainty) and reason. */
    public DeadLetter failedAgain(Exchange attempt) {
        return new DeadLetter(id, sink, Instant.now(), attempts + 1, body, portableHeaders(attempt),
                FailureReason.of(attempt));
    }

    /** Puts the body and headers back on a message, for sending it again. */
    public void restoreInto(Message message) {
        message.setBody(body);
        headers.forEach(message::setHeader);
        message.setHeader(DeadLetterHeaders.DEAD_LETTER_ID, id);
    }

    private static String bodyText(Message message) {
        Object body = message.getBody();
        if (body == null || body instanceof String) {
            return (String) body;
        }
        if (body instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return new String(Json.write(Json.toNode(body)), StandardCharsets.UTF_8);
    }

    /**
     * The {@code CamelJiraq*} headers whose values JSON can carry, without the failure headers (kept as the reason).
     * A create's uncertainty survives as a header even when Camel's redelivery reset the message.
     */
    private static Map<String, Object> portableHeaders(Exchange exchange) {
        Map<String, Object> kept = new LinkedHashMap<>();
        exchange.getMessage().getHeaders().forEach((name, value) -> {
            if (name.startsWith(HEADER_PREFIX) && !name.startsWith(DeadLetterHeaders.FAILURE_PREFIX)
                    && !DeadLetterHeaders.DEAD_LETTER_ID.equals(name) && !JiraqConstants.COOKIES.equals(name)
                    && isPortable(value)) {
                kept.put(name, value instanceof Map || value instanceof Iterable ? Json.toJava(Json.toNode(value)) : value);
            }
        });
        for (String name : List.of(JiraqConstants.OUTCOME_UNKNOWN_SINCE, JiraqConstants.OUTCOME_UNKNOWN_AFTER)) {
            Object value = exchange.getProperty(name);
            if (value != null) {
                kept.putIfAbsent(name, value);
            }
        }
        return kept;
    }

    private static boolean isPortable(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean || value instanceof Map
               || value instanceof Iterable;
    }
}
