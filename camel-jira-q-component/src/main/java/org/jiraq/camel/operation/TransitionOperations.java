package org.jiraq.camel.operation;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.JiraqEndpoint;
import org.jiraq.camel.client.JiraqClient;
import org.jiraq.camel.client.JiraqRequest;
import org.jiraq.camel.client.Json;

/** getTransitions and transitionIssue (by transition id, or by name resolved against what the issue offers). */
public final class TransitionOperations {

    private final JiraqEndpoint endpoint;
    private final Outputs outputs;

    public TransitionOperations(JiraqEndpoint endpoint) {
        this.endpoint = endpoint;
        this.outputs = new Outputs(endpoint.getConfiguration().isAdfAsText());
    }

    public void list(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        String key = Inputs.issueKey(in, "getTransitions");
        List<Object> transitions = outputs.list(fetch(endpoint.getClient(exchange), key));
        in.setHeader(JiraqConstants.RESULT_COUNT, transitions.size());
        in.setBody(transitions);
    }

    /**
     * Moves the issue. The body may add Jira's {@code fields}, {@code update} or {@code historyMetadata} for the
     * transition screen; anything else in the body is left alone.
     */
    public void transition(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        String key = Inputs.issueKeyHeader(in, "transitionIssue");
        String wanted = in.getHeader(JiraqConstants.TRANSITION, String.class);
        if (wanted == null || wanted.isBlank()) {
            throw new IllegalArgumentException(
                    "transitionIssue needs a transition: set header " + JiraqConstants.TRANSITION
                                               + " to its id or name");
        }
        JiraqClient client = endpoint.getClient(exchange);
        String id = wanted.trim().chars().allMatch(Character::isDigit) ? wanted.trim() : resolve(client, key, wanted.trim());
        ObjectNode request = Json.object();
        request.set("transition", Json.object().put("id", id));
        JsonNode body = Inputs.jsonObjectBody(in);
        if (body != null) {
            for (String part : List.of("fields", "update", "historyMetadata", "properties")) {
                if (body.has(part)) {
                    request.set(part, body.get(part));
                }
            }
        }
        client.execute(JiraqRequest.post(transitionsPath(key)).json(request).build());
        in.setHeader(JiraqConstants.ISSUE_KEY, key);
        in.setHeader(JiraqConstants.TRANSITION, id);
    }

    /** Matches a transition's own name first, then the name of the status it leads to; case does not matter. */
    private String resolve(JiraqClient client, String key, String name) throws Exception {
        JsonNode transitions = fetch(client, key);
        List<JsonNode> all = new ArrayList<>();
        transitions.forEach(all::add);
        return all.stream().filter(t -> t.path("name").asText().equalsIgnoreCase(name)).findFirst()
                .or(() -> all.stream().filter(t -> t.path("to").path("name").asText().equalsIgnoreCase(name)).findFirst())
                .map(t -> t.path("id").asText())
                .orElseThrow(() -> new IllegalArgumentException(
                        "Issue " + key + " has no transition named '" + name + "'; available: "
                                                                + all.stream()
                                                                        .map(t -> "'" + t.path("name").asText() + "' ("
                                                                                  + t.path("id").asText() + ")")
                                                                        .collect(Collectors.joining(", "))));
    }

    private JsonNode fetch(JiraqClient client, String key) throws Exception {
        return client.execute(JiraqRequest.get(transitionsPath(key)).build()).json().path("transitions");
    }

    private String transitionsPath(String key) {
        return endpoint.apiPath() + "/issue/" + Inputs.segment(key) + "/transitions";
    }
}
