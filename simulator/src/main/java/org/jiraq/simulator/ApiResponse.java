package org.jiraq.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Fault;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a route answers: a status, headers and an optional body. Features build these; the dispatcher turns them into
 * WireMock response definitions.
 */
public final class ApiResponse {

    private static final String JSON_TYPE = "application/json;charset=UTF-8";

    private final int status;
    private final Map<String, String> headers;
    private final String body;
    private final Fault fault;
    private final Duration delay;

    private ApiResponse(int status, Map<String, String> headers, String body) {
        this(status, headers, body, null, Duration.ZERO);
    }

    private ApiResponse(int status, Map<String, String> headers, String body, Fault fault, Duration delay) {
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.fault = fault;
        this.delay = delay;
    }

    public static ApiResponse json(int status, JsonNode body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", JSON_TYPE);
        return new ApiResponse(status, headers, Json.write(body));
    }

    public static ApiResponse ok(JsonNode body) {
        return json(200, body);
    }

    /** 202 with no body: the request was taken, its effect may come later. */
    public static ApiResponse accepted() {
        return new ApiResponse(202, new LinkedHashMap<>(), null);
    }

    public static ApiResponse noContent() {
        return new ApiResponse(204, new LinkedHashMap<>(), null);
    }

    /** A body that is not JSON: Jira's OAuth 1.0a servlets answer with form-encoded text and HTML pages. */
    public static ApiResponse text(int status, String contentType, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        return new ApiResponse(status, headers, body);
    }

    /** A redirect to {@code location} (302 Found), as an authorization server answers a consent. */
    public static ApiResponse redirect(String location) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Location", location);
        return new ApiResponse(302, headers, null);
    }

    /** Jira's error envelope: {@code {"errorMessages":[...],"errors":{...}}}. */
    public static ApiResponse error(int status, List<String> errorMessages, Map<String, String> errors) {
        ObjectNode body = Json.object();
        errorMessages.forEach(body.putArray("errorMessages")::add);
        ObjectNode fieldErrors = body.putObject("errors");
        errors.forEach(fieldErrors::put);
        return json(status, body);
    }

    public static ApiResponse error(int status, String errorMessage) {
        return error(status, List.of(errorMessage), Map.of());
    }

    public ApiResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new ApiResponse(status, copy, body, fault, delay);
    }

    /** The same answer with another body text (same status and headers). */
    public ApiResponse withBody(String newBody) {
        return new ApiResponse(status, headers, newBody, fault, delay);
    }

    /** The same answer, never delivered: the connection fails instead (WireMock's faults), e.g. to lose an answer. */
    public ApiResponse withFault(Fault connectionFault) {
        return new ApiResponse(status, headers, body, connectionFault, delay);
    }

    /** The same answer, sent only after {@code wait}, e.g. to outlast a client's timeout. */
    public ApiResponse withDelay(Duration wait) {
        return new ApiResponse(status, headers, body, fault, wait);
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return Map.copyOf(headers);
    }

    /** The body text, or {@code null} when there is none. */
    public String body() {
        return body;
    }

    /** The connection fault served instead of the answer, or {@code null}. */
    public Fault fault() {
        return fault;
    }

    public Duration delay() {
        return delay;
    }
}
