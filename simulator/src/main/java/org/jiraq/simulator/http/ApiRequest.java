package org.jiraq.simulator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jiraq.simulator.model.SimulatorUser;

/** One HTTP request as the simulator's routes see it: path parameters resolved, the caller once authenticated. */
public final class ApiRequest {

    private final UUID serveEventId;
    private final Request request;
    private final Route route;
    private final Map<String, String> pathParams;
    private final SimulatorUser user;

    ApiRequest(UUID serveEventId, Request request, Route route, Map<String, String> pathParams, SimulatorUser user) {
        this.serveEventId = serveEventId;
        this.request = request;
        this.route = route;
        this.pathParams = Map.copyOf(pathParams);
        this.user = user;
    }

    /** The same request, now known to come from {@code authenticated}. */
    public ApiRequest withUser(SimulatorUser authenticated) {
        return new ApiRequest(serveEventId, request, route, pathParams, authenticated);
    }

    UUID serveEventId() {
        return serveEventId;
    }

    /** The underlying WireMock request, for features that need more than this class offers. */
    public Request wireMockRequest() {
        return request;
    }

    public Route route() {
        return route;
    }

    public String method() {
        return request.getMethod().getName();
    }

    /** The raw path, without the query string. */
    public String path() {
        return URI.create(request.getUrl()).getRawPath();
    }

    public String pathParam(String name) {
        return pathParams.get(name);
    }

    /** The first value of a query parameter, or {@code null}. */
    public String query(String name) {
        QueryParameter parameter = request.queryParameter(name);
        return parameter.isPresent() ? parameter.firstValue() : null;
    }

    /** All values of a query parameter that Jira reads as a list, whether repeated or comma-separated. */
    public List<String> queryList(String name) {
        QueryParameter parameter = request.queryParameter(name);
        List<String> values = new ArrayList<>();
        if (parameter.isPresent()) {
            parameter.values().forEach(value -> splitCommas(value, values));
        }
        return values;
    }

    /** An integer query parameter; a value that is not a number is a 400, as on Jira. */
    public int queryInt(String name, int defaultValue) {
        String value = query(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("The value '" + value + "' is not valid for the parameter '" + name + "'.");
        }
    }

    public String header(String name) {
        return request.getHeader(name);
    }

    public String bodyAsString() {
        return request.getBodyAsString();
    }

    /** The body as JSON; an empty body reads as JSON {@code null}, broken JSON is Jira's 400. */
    public JsonNode json() {
        String body = bodyAsString();
        if (body == null || body.isBlank()) {
            return NullNode.getInstance();
        }
        try {
            return Json.parse(body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("Unexpected character in the request body: " + e.getOriginalMessage());
        }
    }

    /** The authenticated caller; {@code null} before authentication or on an anonymous route. */
    public SimulatorUser user() {
        return user;
    }

    public static void splitCommas(String value, List<String> into) {
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                into.add(part.trim());
            }
        }
    }
}
