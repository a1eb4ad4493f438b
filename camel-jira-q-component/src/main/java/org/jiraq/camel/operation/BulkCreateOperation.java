package org.jiraq.camel.operation;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.JiraqEndpoint;
import org.jiraq.camel.JiraqException;
import org.jiraq.camel.JiraqHttpException;
import org.jiraq.camel.client.DuplicateGuard;
import org.jiraq.camel.client.JiraqClient;
import org.jiraq.camel.client.JiraqRequest;
import org.jiraq.camel.client.JiraqResponse;
import org.jiraq.camel.client.Json;
import org.jiraq.camel.client.ResponseHeaders;

/**
 * bulkCreateIssues: any number of issues, sent to {@code /issue/bulk} in chunks of 50 (Jira's limit). The result has
 * one entry per input, in input order: the created issue, or why it was not created. Jira reports failed items by
 * their position in the chunk ({@code failedElementNumber}) and lists the created ones in order; both are mapped back
 * to the position in the input. An item that cannot be sent at all is reported without being sent, and a chunk that
 * fails as a whole is reported for its items, so one bad item never loses the others.
 *
 * <p>With idempotentCreate each item carries its own marker (the exchange's idempotency key and {@code #position}).
 * After a fault that may have let a chunk through, its items are looked up like createIssue's ({@link
 * IdempotencyMarkers}) and only those that do not exist are sent again; when that cannot be settled, the exchange
 * fails with the outcome unknown, and its redelivery looks up every item before it sends any.
 */
public final class BulkCreateOperation {

    static final int CHUNK = 50;

    private final JiraqEndpoint endpoint;
    private final IdempotencyMarkers markers;

    public BulkCreateOperation(JiraqEndpoint endpoint) {
        this.endpoint = endpoint;
        this.markers = new IdempotencyMarkers(endpoint);
    }

    /** One input's place in the result, the request sent for it, its idempotency key (null when off), its project. */
    private record Pending(int index, ObjectNode request, String key, String project) {
    }

    public void create(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        List<Object> inputs = inputs(in.getBody());
        boolean idempotent = endpoint.getConfiguration().isIdempotentCreate();
        String baseKey = idempotent ? IdempotencyMarkers.idempotencyKey(in, ("#" + inputs.size()).length()) : null;
        List<Map<String, Object>> results = new ArrayList<>(inputs.size());
        List<Pending> pending = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            results.add(null);
            try {
                ObjectNode request = request(inputs.get(i));
                String key = baseKey == null ? null : baseKey + "#" + i;
                if (key != null) {
                    IdempotencyMarkers.mark(request, key);
                }
                pending.add(new Pending(i, request, key, IdempotencyMarkers.projectOf(request)));
            } catch (IllegalArgumentException e) {
                results.set(i, failure(i, null, List.of("Item " + i + ": " + e.getMessage()), Map.of()));
            }
        }
        JiraqClient client = endpoint.getClient(exchange);
        UnknownOutcome earlier = idempotent ? UnknownOutcome.of(in) : null;
        int created = 0;
        if (earlier != null) {
            Map<Pending, JsonNode> found = lookUp(client, pending, earlier);
            found.forEach((item, issue) -> results.set(item.index(), success(item.index(), issue, true)));
            pending.removeAll(found.keySet());
            created += found.size();
        }
        // what a redelivery needs to find everything this attempt creates
        UnknownOutcome uncertainty = earlier != null ? earlier
                : new UnknownOutcome(Instant.now(), lastKnown(client, pending));
        Exception wholeChunkFailure = null;
        for (int from = 0; from < pending.size(); from += CHUNK) {
            List<Pending> chunk = pending.subList(from, Math.min(from + CHUNK, pending.size()));
            ChunkGuard guard = idempotent ? new ChunkGuard(client, chunk) : null;
            try {
                created += record(client, guard == null ? chunk : guard.sent, send(client, chunk, guard), results);
            } catch (IOException | JiraqException e) {
                JiraqException failure = JiraqException.of(e);
                if (guard != null && failure != null && failure.isOutcomeUnknown()) {
                    uncertainty.writeTo(in);
                    throw e;
                }
                wholeChunkFailure = wholeChunkFailure == null ? e : wholeChunkFailure;
                for (Pending item : guard == null ? chunk : guard.sent) {
                    results.set(item.index(), failure(item.index(),
                            e instanceof JiraqHttpException http ? http.getStatusCode() : null,
                            List.of(String.valueOf(e.getMessage())), Map.of()));
                }
            } finally {
                if (guard != null) {
                    guard.found.forEach((item, issue) -> results.set(item.index(), success(item.index(), issue, true)));
                    created += guard.found.size();
                }
            }
        }
        if (idempotent) {
            UnknownOutcome.clear(in);
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
    private JsonNode send(JiraqClient client, List<Pending> chunk, ChunkGuard guard) throws IOException {
        try {
            return client.execute(JiraqRequest.post(endpoint.apiPath() + "/issue/bulk").json(body(chunk)).build(), guard)
                    .json();
        } catch (JiraqHttpException e) {
            JsonNode answer = e.getStatusCode() == 400 ? itemErrors(e.getResponseBody()) : null;
            if (answer == null) {
                throw e;
            }
            return answer;
        }
    }

    private static ObjectNode body(List<Pending> items) {
        ObjectNode body = Json.object();
        ArrayNode updates = body.putArray("issueUpdates");
        items.forEach(item -> updates.add(item.request()));
        return body;
    }

    /** The issues of earlier attempts among {@code items}, looked up project by project. */
    private Map<Pending, JsonNode> lookUp(JiraqClient client, List<Pending> items, UnknownOutcome uncertain)
            throws IOException {
        Map<String, List<Pending>> byProject = new LinkedHashMap<>();
        items.forEach(item -> byProject.computeIfAbsent(item.project(), p -> new ArrayList<>()).add(item));
        Map<Pending, JsonNode> found = new LinkedHashMap<>();
        for (Map.Entry<String, List<Pending>> group : byProject.entrySet()) {
            Map<String, JsonNode> issues = markers.find(client, group.getValue().stream().map(Pending::key).toList(),
                    group.getKey(), uncertain);
            group.getValue().forEach(item -> {
                if (issues.containsKey(item.key())) {
                    found.put(item, issues.get(item.key()));
                }
            });
        }
        return found;
    }

    /** The highest key known now in each project of the items: they all precede what is created next. */
    private static List<IssueKey> lastKnown(JiraqClient client, List<Pending> items) {
        return items.stream().map(Pending::project).distinct().map(p -> IdempotencyMarkers.lastKnown(client, p))
                .filter(Objects::nonNull).toList();
    }

    /**
     * After a fault that may have let the chunk through, looks up its items and has only the missing ones sent again;
     * {@link #sent} is what the last request carried, {@link #found} what earlier attempts created.
     */
    private final class ChunkGuard extends DuplicateGuard {

        private final List<IssueKey> before;
        private final Map<Pending, JsonNode> found = new LinkedHashMap<>();
        private List<Pending> sent;

        ChunkGuard(JiraqClient client, List<Pending> chunk) {
            super(null);
            this.sent = List.copyOf(chunk);
            this.before = lastKnown(client, chunk);
        }

        @Override
        protected JiraqResponse findExisting(JiraqClient client, Instant since) throws IOException {
            Map<Pending, JsonNode> existing = lookUp(client, sent, new UnknownOutcome(since, before));
            found.putAll(existing);
            sent = sent.stream().filter(item -> !existing.containsKey(item)).toList();
            if (!sent.isEmpty()) {
                return null;
            }
            ObjectNode nothingLeft = Json.object();
            nothingLeft.putArray("issues");
            nothingLeft.putArray("errors");
            return new JiraqResponse(201, ResponseHeaders.NONE, Json.write(nothingLeft));
        }

        @Override
        protected JiraqRequest resend(JiraqRequest request) {
            return request.withJsonBody(body(sent));
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
    private static int record(JiraqClient client, List<Pending> chunk, JsonNode answer,
                              List<Map<String, Object>> results) {
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
                JsonNode issue = issues.get(nextIssue++);
                IdempotencyMarkers.saw(client, chunk.get(position).project(), issue.path("key").asText(null));
                results.set(index, success(index, issue, false));
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
        ObjectNode request = IssueOperations.issueRequest(node, input, endpoint.getConfiguration().isBodyAsFields(),
                endpoint.usesAdf());
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

    /** A created issue; {@code existing} when an earlier attempt whose answer was lost created it. */
    private static Map<String, Object> success(int index, JsonNode issue, boolean existing) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("index", index);
        result.put("created", true);
        result.put("existing", existing);
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
