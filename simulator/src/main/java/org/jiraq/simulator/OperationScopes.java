package org.jiraq.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The OAuth 2.0 scopes each Jira Cloud operation needs, as Atlassian's OpenAPI documents list them in
 * {@code x-atlassian-oauth2-scopes}: a classic set ({@code state: Current}) and a granular one ({@code Beta}); a token
 * that holds all of either set may call the operation. Read once per JVM from the documents in this jar.
 */
final class OperationScopes {

    /** What one operation needs: every scope of one of these sets. */
    record Requirement(List<Set<String>> alternatives) {

        boolean satisfiedBy(Set<String> granted) {
            return alternatives.isEmpty() || alternatives.stream().anyMatch(granted::containsAll);
        }
    }

    private record Operation(String method, Pattern path, int variables, Requirement requirement) {
    }

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
        String v3 = path.startsWith("/rest/api/2/") ? "/rest/api/3/" + path.substring("/rest/api/2/".length()) : path;
        return operations.stream()
                .filter(op -> op.method().equalsIgnoreCase(method) && op.path().matcher(v3).matches())
                .min(Comparator.comparingInt(Operation::variables))
                .map(Operation::requirement);
    }

    private static OperationScopes load() {
        List<Operation> operations = new ArrayList<>();
        for (OpenApiSpecs document : List.of(OpenApiSpecs.CLOUD_PLATFORM, OpenApiSpecs.SERVICE_MANAGEMENT)) {
            document.document().path("paths").fields().forEachRemaining(path -> path.getValue().fields()
                    .forEachRemaining(op -> {
                JsonNode declared = op.getValue().path("x-atlassian-oauth2-scopes");
                if (declared.isArray()) {
                    List<Set<String>> alternatives = new ArrayList<>();
                    declared.forEach(set -> {
                        List<String> scopes = new ArrayList<>();
                        set.path("scopes").forEach(scope -> scopes.add(scope.asText()));
                        alternatives.add(Set.copyOf(scopes));
                    });
                    String template = path.getKey();
                    operations.add(new Operation(op.getKey().toUpperCase(Locale.ROOT),
                            Pattern.compile(template.replaceAll("\\{[^}]+}", "[^/]+")),
                            (int) template.chars().filter(c -> c == '{').count(), new Requirement(alternatives)));
                }
            }));
        }
        return new OperationScopes(List.copyOf(operations));
    }
}
