package org.jiraq.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/** Workflow transitions: {@code {root}/issue/{issueIdOrKey}/transitions}. */
final class TransitionEndpoints implements SimulatorFeature {

    private SimulatorContext context;

    @Override
    public void register(SimulatorContext context) {
        this.context = context;
        String path = context.restRoot() + "/issue/{issueIdOrKey}/transitions";
        context.route("GET", path, this::list);
        context.route("POST", path, this::transition);
    }

    private ApiResponse list(ApiRequest request) {
        Issue issue = IssueEndpoints.requireIssue(context, request);
        String only = request.query("transitionId");
        ObjectNode body = Json.object();
        if (context.flavour() == JiraSimulator.Flavour.CLOUD) {
            body.put("expand", "transitions");
        }
        ArrayNode transitions = body.putArray("transitions");
        JiraCatalog.transitionsFrom(issue.status()).stream()
                .filter(t -> only == null || t.id().equals(only))
                .forEach(t -> transitions.add(context.json().transition(t)));
        return ApiResponse.ok(body);
    }

    private ApiResponse transition(ApiRequest request) {
        Issue issue = IssueEndpoints.requireIssue(context, request);
        JsonNode body = request.json();
        JsonNode id = body.path("transition").path("id");
        if (!id.isTextual() && !id.isNumber()) {
            throw ApiException.badRequest("Missing 'transition' identifier");
        }
        Optional<Transition> transition = JiraCatalog.transitionsFrom(issue.status()).stream()
                .filter(t -> t.id().equals(id.asText()))
                .findFirst();
        if (transition.isEmpty()) {
            throw ApiException.badRequest("Transition id '" + id.asText() + "' is not valid for this issue.");
        }
        IssueInput input = IssueInput.forEdit(context.flavour(), context.state(), body, issue).requireValid();
        input.applyTo(issue);
        issue.setStatus(transition.get().to());
        context.state().issueUpdated(issue, request.user(), "issue_generic", List.of("status"));
        return ApiResponse.noContent();
    }
}
