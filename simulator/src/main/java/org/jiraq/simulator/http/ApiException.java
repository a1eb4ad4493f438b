package org.jiraq.simulator.http;

import java.util.List;
import java.util.Map;

/** Thrown by handlers to answer with a Jira error at once, from however deep the problem was found. */
public final class ApiException extends RuntimeException {

    private final transient ApiResponse response;

    public ApiException(ApiResponse response) {
        super("HTTP " + response.status() + ": " + response.body(), null, false, false);
        this.response = response;
    }

    public static ApiException badRequest(String errorMessage) {
        return new ApiException(ApiResponse.error(400, errorMessage));
    }

    public static ApiException badRequest(Map<String, String> fieldErrors) {
        return new ApiException(ApiResponse.error(400, List.of(), fieldErrors));
    }

    public static ApiException notFound(String errorMessage) {
        return new ApiException(ApiResponse.error(404, errorMessage));
    }

    public ApiResponse response() {
        return response;
    }
}
