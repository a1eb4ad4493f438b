package org.jiraq.simulator.servicedesk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jiraq.simulator.http.ApiRequest;
import org.jiraq.simulator.http.ApiResponse;
import org.jiraq.simulator.http.Interceptor;
import org.jiraq.simulator.http.Json;

/**
 * Service Management answers errors in its own shape ({@code errorMessage}, {@code i18nErrorMessage}), also those
 * the rest of the simulator raises on its paths (authentication, unknown resources): this interceptor reshapes the
 * platform's {@code errorMessages}/{@code errors} envelope for every {@code /rest/servicedeskapi} path.
 */
final class ServiceDeskErrorShape implements Interceptor {

    /** Just before authentication, so the 401 it answers passes back through here. */
    static final int ORDER = ORDER_AUTHENTICATION - 1;

    @Override
    public ApiResponse intercept(ApiRequest request, Chain next) {
        ApiResponse response = next.proceed(request);
        if (response.status() < 400 || !request.path().startsWith(ServiceDeskJson.ROOT + "/")
                || response.body() == null || !response.body().contains("\"errorMessages\"")) {
            return response;
        }
        JsonNode platform;
        try {
            platform = Json.parse(response.body());
        } catch (JsonProcessingException e) {
            return response;
        }
        List<String> messages = new ArrayList<>();
        platform.path("errorMessages").forEach(message -> messages.add(message.asText()));
        platform.path("errors").fields().forEachRemaining(e -> messages.add(e.getKey() + ": " + e.getValue().asText()));
        ApiResponse reshaped = ServiceDeskJson.error(response.status(), String.join(" ", messages), "sd.error");
        for (Map.Entry<String, String> header : response.headers().entrySet()) {
            if (!header.getKey().equalsIgnoreCase("Content-Type")) {
                reshaped = reshaped.withHeader(header.getKey(), header.getValue());
            }
        }
        return reshaped;
    }
}
