package org.jiraq.simulator.auth;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jiraq.simulator.http.OpenApiSpecs;

/**
 * The OAuth 2.0 scopes each Jira Cloud operation needs, as Atlassian's OpenAPI documents list them in
 * {@code x-atlassian-oauth2-scopes}: a classic set ({@code state: Current}) and a granular one ({@code Beta}); a token
 * that holds all of either set may call the operation. Read once per JVM from the documents in this jar, and from
 * {@code specs/gateway-oauth2-scopes.json}, the same for the gateway operations no document here describes (Customer
 * Service Management, personal data reporting), transcribed from Atlassian's reference pages (see specs/SOURCES.md).
 */
final class OperationScopes {

    /** What one operation needs: every scope of one of these sets. */
    record Requirement(List<Set<String>> alternatives) {

        boolean satisfiedBy(Set<String> granted) {
            return alternatives.isEmpty() || alternatives.stream().anyMatch(granted::containsAll);
        }
    }

    private record Operation(String method, Pattern path, int variables, Requirement requirement, Set<String> classic) {
    }

    /** The scopes of gateway operations outside Atlassian's documents here, in their shape. */
    static final String TRANSCRIBED = "specs/gateway-oauth2-scopes.json";

    private static volatile OperationScopes cloud;

    private final List<Operation> operations;

    private OperationScopes(List<Operation> operations) {
        this.operations = operations;
    }

    static OperationScopes cloud() {
        OperationScopes loaded = cloud;
        if (loaded == null) {
            synchronized (OperationScopes.class) {
                if (cloud == null) {
                    cloud = load();
                }
                loaded = cloud;
            }
        }
        return loaded;
    }

    /**
     * What the operation at {@code method} and {@code path} needs; empty when the documents do not describe it. v2
     * paths are looked up as their v3 twins, which the documents say offer the same operations.
     */
    Optional<Requirement> requirement(String method, String path) {
        return operation(method, path).map(Operation::requirement);
    }

    /**
     * The Data Center scope (READ, WRITE or ADMIN) the operation at {@code method} and {@code path} needs, as the
     * classic scopes of its Cloud twin say: configuring Jira is ADMIN, any other change WRITE, the rest READ (so a
     * POST search is a read); an operation with no twin is READ when it only reads (GET, HEAD), else WRITE.
     */
    String dataCenterScope(String method, String path) {
        Set<String> classic = operation(method, path).map(Operation::classic).orElse(null);
        if (classic == null) {
            return "GET".equalsIgnoreCase(method) || "HEAD".equalsIgnoreCase(method) ? "READ" : "WRITE";
        }
        if (classic.contains("manage:jira-configuration")) {
            return "ADMIN";
        }
        return classic.stream().anyMatch(s -> s.startsWith("write:") || s.startsWith("manage:")) ? "WRITE" : "READ";
    }

    private Optional<Operation> operation(String method, String path) {
        String v3 = path.startsWith("/rest/api/2/") ? "/rest/api/3/" + path.substring("/rest/api/2/".length()) : path;
        return operations.stream()
                .filter(op -> op.method().equalsIgnoreCase(method) && op.path().matcher(v3).matches())
                .min(Comparator.comparingInt(Operation::variables));
    }

    private static OperationScopes load() {
        List<Operation> operations = new ArrayList<>();
        for (JsonNode document : List.of(OpenApiSpecs.CLOUD_PLATFORM.document(),
                OpenApiSpecs.SERVICE_MANAGEMENT.document(), OpenApiSpecs.read(TRANSCRIBED))) {
            document.path("paths").fields().forEachRemaining(path -> path.getValue().fields()
                    .forEachRemaining(op -> {
                JsonNode declared = op.getValue().path("x-atlassian-oauth2-scopes");
                if (declared.isArray()) {
                    List<Set<String>> alternatives = new ArrayList<>();
                    Set<String> classic = new HashSet<>();
                    declared.forEach(set -> {
                        List<String> scopes = new ArrayList<>();
                        set.path("scopes").forEach(scope -> scopes.add(scope.asText()));
                        alternatives.add(Set.copyOf(scopes));
                        if ("Current".equals(set.path("state").asText())) {
                            classic.addAll(scopes);
                        }
                    });
                    String template = path.getKey();
                    operations.add(new Operation(op.getKey().toUpperCase(Locale.ROOT),
                            Pattern.compile(template.replaceAll("\\{[^}]+}", "[^/]+")),
                            (int) template.chars().filter(c -> c == '{').count(), new Requirement(alternatives),
                            Set.copyOf(classic)));
                }
            }));
        }
        return new OperationScopes(List.copyOf(operations));
    }
}
