package org.jiraq.camel.auth.oauth2;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
    /**
     * Data Center's service-to-service scopes (Jira 10.3+), which read everything but change nothing: as READ here.
     * Source: "OAuth 2.0 scopes for incoming links", confluence.atlassian.com/adminjiraserver103/.
     */
    private static final Set<String> READ_ONLY_SERVICE_SCOPES = Set.of("READ_ALL", "MANAGE_SUBSCRIPTIONS");
    private static final String RESOURCE = "META-INF/org/jiraq/camel/jiraq-oauth2-scopes.json";
    private static final JsonNode TABLE = load();

    private OperationScopes() {
    }

    /**
     * What a grant with {@code granted} lacks to run {@code operation}: the scopes to add, described; empty when it
     * holds enough, or when the operation's needs are not known (such as request, whose path decides). A call needs all
     * of its classic scopes or all of its granular ones; the calls an operation makes are all needed, except those
     * tagged with a {@code csmResource}, of which it makes one (the endpoint's resource, and for an entitlement the
     * owner's kind).
     *
     * @param csmResource the endpoint's option csmResource, or null
     * @param cloud       whether the grant is Jira Cloud's (else Data Center's)
     */
    static Optional<String> lacking(String operation, String csmResource, Set<String> granted, boolean cloud) {
        JsonNode entry = TABLE.path(operation);
        if (!cloud) {
            String needed = entry.path("dataCenter").asText(null);
            int held = granted.stream().map(s -> s.toUpperCase(Locale.ROOT))
                    .mapToInt(s -> READ_ONLY_SERVICE_SCOPES.contains(s) ? 0 : DATA_CENTER_LEVELS.indexOf(s))
                    .max().orElse(-1);
            return needed == null || held >= DATA_CENTER_LEVELS.indexOf(needed) ? Optional.empty() : Optional.of(needed);
        }
        List<String> missing = new ArrayList<>();
        List<String> oneOf = new ArrayList<>();
        boolean oneOfSatisfied = false;
        for (JsonNode call : entry.path("calls")) {
            String resource = call.path("csmResource").asText(null);
            if (resource != null && csmResource != null && !resource.equals(csmResource)) {
                continue;
            }
            Optional<String> lacks = lacks(call, granted);
            if (resource == null) {
                lacks.ifPresent(missing::add);
            } else if (lacks.isEmpty()) {
                oneOfSatisfied = true;
            } else {
                oneOf.add(lacks.get());
            }
        }
        if (!oneOfSatisfied && !oneOf.isEmpty()) {
            missing.add(String.join(" or ", new LinkedHashSet<>(oneOf)));
        }
        return missing.isEmpty() ? Optional.empty() : Optional.of(String.join(" and ", new LinkedHashSet<>(missing)));
    }

    /** What a grant lacks for one call: its classic scopes not held (or the granular ones), or empty. */
    private static Optional<String> lacks(JsonNode call, Set<String> granted) {
        List<String> classic = texts(call.path("classic"));
        List<String> granular = texts(call.path("granular"));
        boolean classicHeld = !classic.isEmpty() && granted.containsAll(classic);
        boolean granularHeld = !granular.isEmpty() && granted.containsAll(granular);
        if (classicHeld || granularHeld || classic.isEmpty() && granular.isEmpty()) {
            return Optional.empty();
        }
        String granularMissing = String.join(" ", granular.stream().filter(s -> !granted.contains(s)).toList());
        if (classic.isEmpty()) {
            return Optional.of(granularMissing);
        }
        return Optional.of(String.join(" ", classic.stream().filter(s -> !granted.contains(s)).toList())
                           + (granular.isEmpty() ? "" : " (or the granular " + granularMissing + ")"));
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
