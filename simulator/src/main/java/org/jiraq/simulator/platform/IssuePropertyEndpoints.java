package org.jiraq.simulator.platform;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jiraq.simulator.SimulatorContext;
import org.jiraq.simulator.SimulatorFeature;
import org.jiraq.simulator.http.ApiException;
import org.jiraq.simulator.http.ApiRequest;
import org.jiraq.simulator.http.ApiResponse;
import org.jiraq.simulator.http.Json;
import org.jiraq.simulator.model.Issue;

/**
 * Issue entity properties: set with an issue create's {@code properties} array, read with
 * {@code GET {root}/issue/{issueIdOrKey}/properties/{propertyKey}}, returned by Cloud search when asked for with
 * {@code properties}, and searchable as {@code issue.property[key].path} in JQL.
 */
final class IssuePropertyEndpoints implements SimulatorFeature {

    static final int MAX_KEY_LENGTH = 255;

    private SimulatorContext context;

    @Override
    public void register(SimulatorContext context) {
        this.context = context;
        context.route("GET", context.restRoot() + "/issue/{issueIdOrKey}/properties/{propertyKey}", this::get);
    }

    /** The {@code properties} of a create body, checked as Jira does; nothing is stored until the issue exists. */
    static Map<String, JsonNode> fromCreateBody(JsonNode body) {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        JsonNode list = body.path("properties");
        if (list.isMissingNode() || list.isNull()) {
            return properties;
        }
        if (!list.isArray()) {
            throw ApiException.badRequest("Can not deserialize 'properties': a JSON array is expected.");
        }
        for (JsonNode property : list) {
            String key = property.path("key").asText("");
            if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
                throw ApiException.badRequest("The property key must be between 1 and " + MAX_KEY_LENGTH
                        + " characters long.");
            }
            if (!property.has("value") || property.get("value").isNull()) {
                throw ApiException.badRequest("The property value of '" + key + "' is required.");
            }
            properties.put(key, property.get("value"));
        }
        return properties;
    }

    private ApiResponse get(ApiRequest request) {
        Issue issue = IssueEndpoints.requireIssue(context, request);
        String key = request.pathParam("propertyKey");
        JsonNode value = issue.property(key);
        if (value == null) {
            throw ApiException.notFound("The property with key '" + key + "' does not exist.");
        }
        return ApiResponse.ok(Json.object().put("key", key).set("value", value));
    }
}
