package org.jiraq.camel.operation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.jiraq.camel.JiraqConstants;

/**
 * What a message remembers of an earlier create attempt that may have gone through: since when
 * ({@code CamelJiraqOutcomeUnknownSince}) and, per project, the highest issue key known before it
 * ({@code CamelJiraqOutcomeUnknownAfter}), where the lookup starts reading. Each is kept as a header and as an
 * exchange property of the same name, since Camel's redelivery restores the headers of the first attempt but not the
 * properties, and a dead letter keeps the headers.
 */
record UnknownOutcome(Instant since, List<IssueKey> after) {

    /** What the message remembers, or null when no earlier attempt was uncertain. */
    static UnknownOutcome of(Message in) {
        Long since = read(in, JiraqConstants.OUTCOME_UNKNOWN_SINCE, Long.class);
        if (since == null) {
            return null;
        }
        String keys = read(in, JiraqConstants.OUTCOME_UNKNOWN_AFTER, String.class);
        List<IssueKey> after = new ArrayList<>();
        if (keys != null) {
            for (String key : keys.split(",")) {
                IssueKey parsed = IssueKey.parse(key);
                if (parsed != null) {
                    after.add(parsed);
                }
            }
        }
        return new UnknownOutcome(Instant.ofEpochMilli(since), List.copyOf(after));
    }

    /** The key known before the uncertain attempt in the project of this prefix, or null. */
    IssueKey after(String prefix) {
        return after.stream().filter(key -> key.prefix().equals(prefix)).findFirst().orElse(null);
    }

    void writeTo(Message in) {
        write(in, JiraqConstants.OUTCOME_UNKNOWN_SINCE, since.toEpochMilli());
        write(in, JiraqConstants.OUTCOME_UNKNOWN_AFTER, after.isEmpty() ? null
                : after.stream().map(IssueKey::toString).collect(Collectors.joining(",")));
    }

    /** Forgets the uncertainty once the outcome is known. */
    static void clear(Message in) {
        write(in, JiraqConstants.OUTCOME_UNKNOWN_SINCE, null);
        write(in, JiraqConstants.OUTCOME_UNKNOWN_AFTER, null);
    }

    private static <T> T read(Message in, String name, Class<T> type) {
        T value = in.getHeader(name, type);
        return value != null ? value : in.getExchange().getProperty(name, type);
    }

    private static void write(Message in, String name, Object value) {
        Exchange exchange = in.getExchange();
        if (value == null) {
            in.removeHeader(name);
            exchange.removeProperty(name);
        } else {
            in.setHeader(name, value);
            exchange.setProperty(name, value);
        }
    }
}
