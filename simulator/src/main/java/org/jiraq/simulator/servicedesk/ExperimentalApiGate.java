package org.jiraq.simulator.servicedesk;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.jiraq.simulator.http.ApiRequest;
import org.jiraq.simulator.http.ApiResponse;
import org.jiraq.simulator.http.Interceptor;
import org.jiraq.simulator.http.Json;
import org.jiraq.simulator.http.Route;

/**
 * Service Management's experimental operations answer 412 unless the caller opts in with
 * {@code X-ExperimentalApi: opt-in}. Which operations are experimental is read from the JSM document's
 * {@code x-experimental} marks, so the simulator gates exactly what the contract says.
 */
final class ExperimentalApiGate implements Interceptor {

    /** After authentication: an anonymous caller gets 401 first, as on Jira. */
    static final int ORDER = ORDER_AUTHENTICATION + 10;
    static final String HEADER = "X-ExperimentalApi";
    static final String MESSAGE = "This API is experimental. Experimental APIs are not guaranteed to be stable within"
            + " the preview period. You must set the header 'X-ExperimentalApi: opt-in' to opt into using this API.";

    private static final String DOCUMENT = "specs/jsm.v3.json";

    /** "METHOD /path/template" of every operation the document marks experimental; read once per JVM. */
    private static final class Marked {
        static final Set<String> OPERATIONS = read();
    }

    @Override
    public ApiResponse intercept(ApiRequest request, Chain next) {
        Route route = request.route();
        if (route.pathTemplate() != null && isExperimental(route.method(), route.pathTemplate()) && !"opt-in".equalsIgnoreCase(request.header(HEADER))) {
            return ServiceDeskJson.error(412, MESSAGE, "sd.api.experimental.header.required");
        }
        return next.proceed(request);
    }

    /** Whether the document marks this operation experimental. */
    static boolean isExperimental(String method, String pathTemplate) {
        return Marked.OPERATIONS.contains(method.toUpperCase(Locale.ROOT) + " " + pathTemplate);
    }

    private static Set<String> read() {
        try (InputStream in = ExperimentalApiGate.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException("OpenAPI document " + DOCUMENT + " is missing from the classpath");
            }
            Set<String> marked = new HashSet<>();
            JsonNode paths = Json.MAPPER.readTree(in).path("paths");
            paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
                if (operation.getValue().path("x-experimental").asBoolean(false)) {
                    marked.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            }));
            return Set.copyOf(marked);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DOCUMENT, e);
        }
    }
}
