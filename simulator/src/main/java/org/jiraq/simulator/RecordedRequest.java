package org.jiraq.simulator;

import java.util.List;
import java.util.Map;

/**
 * A request the simulator received, as recorded in WireMock's journal.
 *
 * @param query   decoded query parameters, in the order received
 * @param headers header names as sent, each with its values
 */
public record RecordedRequest(String method, String path, Map<String, List<String>> query,
        Map<String, List<String>> headers, String body) {

    /** The first value of a query parameter, or {@code null}. */
    public String queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The first value of a header (any case), or {@code null}. */
    public String header(String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                .map(e -> e.getValue().get(0))
                .findFirst().orElse(null);
    }
}
