package org.jiraq.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Bulk create: {@code POST {root}/issue/bulk} with up to 50 {@code issueUpdates}. Each is validated and created on its
 * own with the entity properties it carries, as Jira does: the answer lists the created issues in order and an error
 * per failed element, by its position ({@code failedElementNumber}). 201 when at least one issue was created, 400
 * when none was.
 */
final class BulkCreateEndpoints implements SimulatorFeature {

    static final int LIMIT = 50;

    private SimulatorContext context;

    @Override
    public void register(SimulatorContext context) {
        this.context = context;
        context.route("POST", context.restRoot() + "/issue/bulk", this::create);
    }

    private ApiResponse create(ApiRequest request) {
        JsonNode updates = request.json().path("issueUpdates");
        if (!updates.isArray()) {
            return refusal("The request body must hold an 'issueUpdates' list.");
        }
        if (updates.size() > LIMIT) {
            return refusal("The number of issues to create (" + updates.size() + ") is over the maximum of " + LIMIT
                    + ".");
        }
        ObjectNode answer = Json.object();
        ArrayNode issues = answer.putArray("issues");
        ArrayNode errors = answer.putArray("errors");
        for (int position = 0; position < updates.size(); position++) {
            try {
                IssueInput input = IssueInput.forCreate(context.flavour(), context.state(), updates.get(position))
                        .requireValid();
                Map<String, JsonNode> properties = IssuePropertyEndpoints.fromCreateBody(updates.get(position));
                Issue issue = context.state().createIssue(input.project(), input.issueType(), input.summary(),
                        request.user());
                input.applyTo(issue);
                properties.forEach(issue::setProperty);
                context.state().issueCreated(issue, request.user());
                issues.add(Json.object()
                        .put("id", Long.toString(issue.id()))
                        .put("key", issue.key())
                        .put("self", context.json().self("issue/" + issue.id())));
            } catch (ApiException e) {
                errors.addObject()
                        .put("status", e.response().status())
                        .put("failedElementNumber", position)
                        .set("elementErrors", elementErrors(e.response()));
            }
        }
        return ApiResponse.json(issues.isEmpty() && !updates.isEmpty() ? 400 : 201, answer);
    }

    /** A request refused as a whole, still in the bulk answer's shape, as the document declares for 400. */
    private static ApiResponse refusal(String message) {
        ObjectNode answer = Json.object();
        answer.putArray("issues");
        ObjectNode error = answer.putArray("errors").addObject().put("status", 400);
        error.set("elementErrors", elementErrors(ApiResponse.error(400, message)));
        return ApiResponse.json(400, answer);
    }

    /** The failed element's own error envelope ({@code errorMessages}, {@code errors}), as a single create gives it. */
    private static JsonNode elementErrors(ApiResponse response) {
        try {
            return Json.parse(response.body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the simulator's error bodies are JSON", e);
        }
    }
}
