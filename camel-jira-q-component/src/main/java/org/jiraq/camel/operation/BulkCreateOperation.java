package org.jiraq.camel.operation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.JiraqEndpoint;
import org.jiraq.camel.JiraqException;
import org.jiraq.camel.JiraqHttpException;
import org.jiraq.camel.client.JiraqClient;
import org.jiraq.camel.client.JiraqRequest;
import org.jiraq.camel.client.Json;

/**
 * bulkCreateIssues: any number of issues, sent to {@code /issue/bulk} in chunks of 50 (Jira's limit). The result has
 * one entry per input, in input order: the created issue, or why it was not created. Jira reports failed items by
 * their position in the chunk ({@code failedElementNumber}) and lists the created ones in order; both are mapped back
 * to the position in the input. An item that cannot be sent at all is reported without being sent, and a chunk that
 * fails as a whole is reported for its items, so one bad item never loses the others.
 */
public final class BulkCreateOperation {

    static final int CHUNK = 50;

    private final JiraqEndpoint endpoint;

    public BulkCreateOperation(JiraqEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** One input's place in the result, and the request sent for it. */
    private record Pending(int index, ObjectNode request) {
    }

    public void create(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        List<Object> inputs = inputs(in.getBody());
        List<Map<String, Object>> results = new ArrayList<>(inputs.size());
        List<Pending> pending = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            results.add(null);
            try {
                pending.add(new Pending(i, request(inputs.get(i))));
            } catch (IllegalArgumentException e) {
                results.set(i, failure(i, null, List.of("Item " + i + ": " + e.getMessage()), Map.of()));
            }
        }
        JiraqClient client = endpoint.getClient(exchange);
        Exception wholeChunkFailure = null;
        int created = 0;
        for (int from = 0; from < pending.size(); from += CHUNK) {
            List<Pending> chunk = pending.subList(from, Math.min(from + CHUNK, pending.size()));
            try {
                created += record(chunk, send(client, chunk), results);
            } catch (IOException | JiraqException e) {
                wholeChunkFailure = wholeChunkFailure == null ? e : wholeChunkFailure;
                for (Pending item : chunk) {
                    results.set(item.index(), failure(item.index(),
                            e instanceof JiraqHttpException http ? http.getStatusCode() : null,
                            List.of(String.valueOf(e.getMessage())), Map.of()));
                }
            }
        }
        if (created == 0 && wholeChunkFailure != null) {
            throw wholeChunkFailure; // nothing was created, so nothing is lost by failing the exchange
        }
        int failed = (int) results.stream().filter(r -> !Boolean.TRUE.equals(r.get("created"))).count();
        in.setHeader(JiraqConstants.RESULT_COUNT, results.size());
        in.setHeader(JiraqConstants.FAILED_COUNT, failed);
        in.setBody(results);
    }

    /**
     * Jira's answer for a chunk: a 201 when some were created, a 400 listing every item's error when none was. Any
     * other failure is the chunk's as a whole.
     */
    private JsonNode send(JiraqClient client, List<Pending> chunk) throws IOException {
        ObjectNode body = Json.object();
        ArrayNode updates = body.putArray("issueUpdates");
        chunk.forEach(item -> updates.add(item.request()));
        try {
            return client.execute(JiraqRequest.post(endpoint.apiPath() + "/issue/bulk").json(body).build()).json();
        } catch (JiraqHttpException e) {
            JsonNode answer = e.getStatusCode() == 400 ? itemErrors(e.getResponseBody()) : null;
            if (answer == null) {
                throw e;
            }
            return answer;
        }
    }

    /** Jira's 400 answer when every item of a chunk failed, or null when the answer is not that. */
    private static JsonNode itemErrors(String body) {
        try {
            JsonNode answer = Json.MAPPER.readTree(body);
            return answer != null && answer.path("errors").isArray() && !answer.path("errors").isEmpty() ? answer : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Puts each item's outcome at its input position; answers how many were created. */
    private static int record(List<Pending> chunk, JsonNode answer, List<Map<String, Object>> results) {
        Map<Integer, JsonNode> errorsByPosition = new HashMap<>();
        for (JsonNode error : answer.path("errors")) {
            errorsByPosition.put(error.path("failedElementNumber").asInt(-1), error);
        }
        JsonNode issues = answer.path("issues");
        int nextIssue = 0;
        for (int position = 0; position < chunk.size(); position++) {
            int index = chunk.get(position).index();
            JsonNode error = errorsByPosition.get(position);
            if (error != null) {
                JsonNode element = error.path("elementErrors");
                results.set(index, failure(index, error.hasNonNull("status") ? error.get("status").asInt() : null,
                        Json.toList(element.path("errorMessages").isArray() ? element.get("errorMessages")
                                : Json.MAPPER.createArrayNode()),
                        element.path("errors").isObject() ? Json.toMap(element.get("errors")) : Map.of()));
            } else if (nextIssue < issues.size()) {
                results.set(index, success(index, issues.get(nextIssue++)));
            } else {
                results.set(index, failure(index, null,
                        List.of("Jira reported neither a created issue nor an error for this item"), Map.of()));
            }
        }
        return nextIssue;
    }

    private ObjectNode request(Object input) {
        JsonNode node = input instanceof String text && !Inputs.looksLikeJson(text) ? null : Json.toNode(input);
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object of issue fields");
        }
        ObjectNode request = IssueOperations.issueRequest(node, endpoint.usesAdf());
        if (IssueOperations.isEmpty(request)) {
            throw new IllegalArgumentException("no fields to create an issue from");
        }
        return request;
    }

    /** The inputs: a List or array, a JSON array, or Jira's own {@code {"issueUpdates":[...]}}. */
    private static List<Object> inputs(Object body) {
        if (body instanceof Collection<?> items) {
            return new ArrayList<>(items);
        }
        if (body instanceof Object[] items) {
            return Arrays.asList(items);
        }
        JsonNode node = body instanceof JsonNode json ? json
                : body instanceof String text && Inputs.looksLikeJson(text) ? Json.toNode(text)
                : body instanceof byte[] bytes ? Json.toNode(bytes) : null;
        if (node != null && node.isObject() && node.path("issueUpdates").isArray()) {
            node = node.get("issueUpdates");
        }
        if (node == null || !node.isArray()) {
            throw new IllegalArgumentException("bulkCreateIssues needs a List of issues as the body (Maps, JSON nodes or"
                                               + " JSON strings in createIssue's shapes), a JSON array, or"
                                               + " {\"issueUpdates\":[...]}");
        }
        List<Object> items = new ArrayList<>(node.size());
        node.forEach(items::add);
        return items;
    }

    private static Map<String, Object> success(int index, JsonNode issue) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("index", index);
        result.put("created", true);
        result.put("id", issue.path("id").asText(null));
        result.put("key", issue.path("key").asText(null));
        result.put("self", issue.path("self").asText(null));
        return result;
    }

    private static Map<String, Object> failure(int index, Integer status, List<?> messages, Map<String, ?> errors) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("index", index);
        result.put("created", false);
        result.put("status", status);
        result.put("errorMessages", messages);
        result.put("errors", errors);
        return result;
    }
}
