package org.jiraq.camel.auth.oauth2;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.jiraq.camel.client.Json;

/**
 * The OAuth 2.0 scopes each jiraq operation needs, as generated from Atlassian's OpenAPI documents into
 * {@code jiraq-oauth2-scopes.json} (see the scope table of jiraq-auth.adoc): per REST call its classic and granular
 * scopes on Cloud, and Data Center's coarse READ, WRITE or ADMIN.
 */
final class OperationScopes {

    /** Data Center's scopes, each including the ones before it. */
    static final List<String> DATA_CENTER_LEVELS = List.of("READ", "WRITE", "ADMIN", "SYSTEM_ADMIN");
    private static final String RESOURCE = "META-INF/org/jiraq/camel/jiraq-oauth2-scopes.json";
    private static final JsonNode TABLE = load();

    private OperationScopes() {
    }

    /**
     * What a grant with {@code granted} lacks to run {@code operation}: the scopes to add, described; empty when it
     * holds enough, or when the operation's needs are not known (such as request, whose path decides).
     *
     * @param cloud whether the grant is Jira Cloud's (else Data Center's)
     */
    static Optional<String> lacking(String operation, Set<String> granted, boolean cloud) {
        JsonNode entry = TABLE.path(operation);
        if (!cloud) {
            String needed = entry.path("dataCenter").asText(null);
            int held = granted.stream().mapToInt(DATA_CENTER_LEVELS::indexOf).max().orElse(-1);
            return needed == null || held >= DATA_CENTER_LEVELS.indexOf(needed) ? Optional.empty() : Optional.of(needed);
        }
        Set<String> classic = new LinkedHashSet<>();
        Set<String> granular = new LinkedHashSet<>();
        for (JsonNode call : entry.path("calls")) {
            List<String> callClassic = texts(call.path("classic"));
            List<String> callGranular = texts(call.path("granular"));
            if (!granted.containsAll(callClassic) && (callGranular.isEmpty() || !granted.containsAll(callGranular))) {
                callClassic.stream().filter(s -> !granted.contains(s)).forEach(classic::add);
                callGranular.stream().filter(s -> !granted.contains(s)).forEach(granular::add);
            }
        }
        if (classic.isEmpty() && granular.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(String.join(" ", classic) + (granular.isEmpty() ? ""
                : " (or the granular " + String.join(" ", granular) + ")"));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(node -> out.add(node.asText()));
        return out;
    }

    private static JsonNode load() {
        try (InputStream in = OperationScopes.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the component's jar");
            }
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
