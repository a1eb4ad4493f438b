package org.jiraq.camel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jiraq.camel.client.Json;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OAuth 2.0 scopes each jiraq operation needs, generated from Atlassian's Cloud OpenAPI documents (their
 * {@code x-atlassian-oauth2-scopes}, classic and granular) for the REST calls the operation makes, and for the gateway
 * calls no document here describes (Customer Service Management, personal data reporting) from the simulator's
 * {@code specs/gateway-oauth2-scopes.json}, transcribed from Atlassian's reference pages (its SOURCES.md says which):
 * rendered as the table of the authentication page ({@code jiraq-auth.adoc}), and as {@code jiraq-oauth2-scopes.json},
 * which the component reads at start to warn about a grant that lacks a scope. Fails when an operation has no calls
 * (only request and serviceDeskRequest, whose path the route chooses, may have none) or either output is stale; rerun
 * with {@code -Djiraq.updateDocs=true} to regenerate.
 */
class OAuth2ScopesDocTest {

    private static final Path DOC = Path.of("src/main/docs/jiraq-auth.adoc");
    private static final Path RESOURCE = Path.of("src/main/resources/META-INF/org/jiraq/camel/jiraq-oauth2-scopes.json");
    private static final String API = "/rest/api/3";
    private static final String JSM = "/rest/servicedeskapi";
    private static final String CSM = "/jsm/csm/cloudid/{cloudId}/api/v1";
    private static final String ISSUE = API + "/issue/{issueIdOrKey}";
    private static final String REQUEST = JSM + "/request/{issueIdOrKey}";
    private static final List<String> DYNAMIC_WEBHOOKS = List.of("GET " + API + "/webhook", "POST " + API + "/webhook",
            "DELETE " + API + "/webhook", "PUT " + API + "/webhook/refresh", "GET " + API + "/webhook/failed");
    private static final List<String> REPORT_ACCOUNTS = List.of("POST /app/report-accounts/");
    /** The operations whose calls the route chooses (option path): no entry of their own. */
    private static final Set<String> PATH_CHOSEN = Set.of("request", "serviceDeskRequest");

    /** The REST calls each operation makes on Jira Cloud (v3 paths; v2 needs the same scopes). */
    private static final Map<String, List<String>> CALLS = new LinkedHashMap<>();
    /**
     * The Customer Service Management calls by the csmResource they serve: an operation makes one of them (for an
     * entitlement created, the one of the owner's kind).
     */
    private static final Map<String, String> CSM_RESOURCES = new LinkedHashMap<>();

    static {
        CALLS.put("createIssue", List.of("POST " + API + "/issue", "POST " + API + "/search/jql",
                "GET " + ISSUE + "/properties/{propertyKey}"));
        CALLS.put("getIssue", List.of("GET " + ISSUE));
        CALLS.put("updateIssue", List.of("PUT " + ISSUE));
        CALLS.put("deleteIssue", List.of("DELETE " + ISSUE));
        CALLS.put("searchIssues", List.of("POST " + API + "/search/jql"));
        CALLS.put("getProjects", List.of("GET " + API + "/project/search"));
        CALLS.put("addComment", List.of("POST " + ISSUE + "/comment"));
        CALLS.put("getComments", List.of("GET " + ISSUE + "/comment"));
        CALLS.put("getTransitions", List.of("GET " + ISSUE + "/transitions"));
        CALLS.put("transitionIssue", List.of("GET " + ISSUE + "/transitions", "POST " + ISSUE + "/transitions"));
        CALLS.put("request", List.of());
        CALLS.put("serviceDeskRequest", List.of());
        CALLS.put("getServiceDesks", List.of("GET " + JSM + "/servicedesk"));
        CALLS.put("getRequestTypes", List.of("GET " + JSM + "/servicedesk/{serviceDeskId}/requesttype",
                "GET " + JSM + "/requesttype"));
        CALLS.put("createCustomerRequest", List.of("POST " + JSM + "/request"));
        CALLS.put("getCustomerRequest", List.of("GET " + REQUEST));
        CALLS.put("addRequestComment", List.of("POST " + REQUEST + "/comment"));
        csm("csmList", "organization", "POST " + CSM + "/organization/fetch");
        csm("csmList", "product", "GET " + CSM + "/product");
        csm("csmList", "entitlement", "GET " + CSM + "/entitlements");
        csm("csmGet", "organization", "GET " + CSM + "/organization/{organizationId}");
        csm("csmGet", "customer", "GET " + CSM + "/customer/{customerId}");
        csm("csmGet", "product", "GET " + CSM + "/product/{productId}");
        csm("csmGet", "entitlement", "GET " + CSM + "/entitlement/{entitlementId}");
        csm("csmCreate", "organization", "POST " + CSM + "/organization");
        csm("csmCreate", "customer", "POST " + CSM + "/customer");
        csm("csmCreate", "product", "POST " + CSM + "/product");
        csm("csmCreate", "entitlement", "POST " + CSM + "/customer/{customerId}/entitlement");
        csm("csmCreate", "entitlement", "POST " + CSM + "/organization/{organizationId}/entitlement");
        csm("csmUpdate", "organization", "PUT " + CSM + "/organization/{organizationId}");
        csm("csmUpdate", "customer", "PUT " + CSM + "/customer/account/{customerId}");
        csm("csmUpdate", "product", "PUT " + CSM + "/product/{productId}");
        csm("csmUpdate", "entitlement", "PUT " + CSM + "/entitlement/{entitlementId}/details");
        CALLS.put("bulkCreateIssues", List.of("POST " + API + "/issue/bulk"));
        CALLS.put("addAttachment", List.of("POST " + ISSUE + "/attachments"));
        CALLS.put("webhook", DYNAMIC_WEBHOOKS);
        CALLS.put("issues", List.of("POST " + API + "/search/jql"));
        CALLS.put("reportAccounts", REPORT_ACCOUNTS);
        CALLS.put("gdpr", REPORT_ACCOUNTS);
        CALLS.put("health check", List.of("GET " + API + "/myself"));
    }

    /** What the documents cannot say: calls outside them, or whose path the route chooses. */
    private static final String CSM_NOTE = "the call of the endpoint's `csmResource`; scopes from Atlassian's CSM"
                                           + " reference and scope list (its OpenAPI document is not at hand; see the"
                                           + " simulator's specs/SOURCES.md)";
    private static final String REPORTING_NOTE = "scope from Atlassian's user privacy guide (the reporting API is in"
                                                 + " no OpenAPI document)";
    private static final Map<String, String> NOTES = Map.of(
            "csmList", CSM_NOTE, "csmGet", CSM_NOTE, "csmCreate", CSM_NOTE + "; for an entitlement, the owner's kind",
            "csmUpdate", CSM_NOTE, "reportAccounts", REPORTING_NOTE, "gdpr", REPORTING_NOTE,
            "request", "the scopes of the operation at `path` (see Atlassian's REST reference)",
            "serviceDeskRequest", "the scopes of the Service Management operation at `path`",
            "webhook", "only with `webhookRegistration=dynamic`; admin registration needs Jira administrator rights",
            "health check", "the readiness check of every connection: a grant without these scopes is reported DOWN,"
                            + " naming the scope to add");

    private static void csm(String operation, String resource, String call) {
        CALLS.computeIfAbsent(operation, op -> new ArrayList<>()).add(call);
        CSM_RESOURCES.put(call, resource);
    }

    @Test
    void everyOperationHasScopesGeneratedFromTheOpenApiDocuments() throws Exception {
        Arrays.stream(JiraqOperation.values()).forEach(op -> assertThat(CALLS.get(op.name()))
                .as("the REST calls of operation " + op + " (add them to CALLS)").isNotNull()
                .satisfies(calls -> assertThat(calls.isEmpty()).as("operation " + op + " has no calls, so no scopes")
                        .isEqualTo(PATH_CHOSEN.contains(op.name()))));
        List<JsonNode> documents = List.of(document("specs/swagger-v3.v3.json"), document("specs/jsm.v3.json"),
                document("specs/gateway-oauth2-scopes.json"));
        ObjectNode generated = Json.MAPPER.createObjectNode();
        CALLS.forEach((operation, calls) -> {
            ObjectNode entry = generated.putObject(operation);
            ArrayNode perCall = entry.putArray("calls");
            Set<String> classic = new TreeSet<>();
            for (String call : calls) {
                String[] methodAndPath = call.split(" ", 2);
                JsonNode declared = operationOf(documents, methodAndPath[0], methodAndPath[1])
                        .path("x-atlassian-oauth2-scopes");
                assertThat(declared.isArray()).as(call + " has x-atlassian-oauth2-scopes").isTrue();
                ObjectNode scopes = perCall.addObject().put("call", call);
                if (CSM_RESOURCES.containsKey(call)) {
                    scopes.put("csmResource", CSM_RESOURCES.get(call));
                }
                scopes.set("classic", scopes(declared, "Current"));
                scopes.set("granular", scopes(declared, "Beta"));
                assertThat(scopes.get("classic").size() + scopes.get("granular").size()).as(call + "'s scopes")
                        .isPositive();
                scopes.get("classic").forEach(scope -> classic.add(scope.asText()));
            }
            // Data Center has only the site's REST API, no gateway APIs
            if (!calls.isEmpty() && calls.stream().allMatch(call -> call.split(" ", 2)[1].startsWith("/rest/"))) {
                entry.put("dataCenter", dataCenterScope(classic));
            }
        });
        String json = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(generated) + "\n";
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        String rendered = replaceSection(doc, table(generated));
        if (Boolean.getBoolean("jiraq.updateDocs")) {
            Files.writeString(DOC, rendered, StandardCharsets.UTF_8);
            Files.createDirectories(RESOURCE.getParent());
            Files.writeString(RESOURCE, json, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(DOC, StandardCharsets.UTF_8)).as("the scope table; rerun with -Djiraq.updateDocs=true")
                .isEqualTo(rendered);
        assertThat(Files.exists(RESOURCE) ? Files.readString(RESOURCE, StandardCharsets.UTF_8) : "")
                .as(RESOURCE + "; rerun with -Djiraq.updateDocs=true").isEqualTo(json);
    }

    /**
     * Data Center's coarse scope for what the classic Cloud scopes allow: changing Jira's configuration is ADMIN, any
     * other write WRITE, the rest READ.
     */
    private static String dataCenterScope(Set<String> classic) {
        if (classic.contains("manage:jira-configuration")) {
            return "ADMIN";
        }
        return classic.stream().anyMatch(s -> s.startsWith("write:") || s.startsWith("manage:")) ? "WRITE" : "READ";
    }

    private static ArrayNode scopes(JsonNode declared, String state) {
        ArrayNode scopes = Json.MAPPER.createArrayNode();
        declared.forEach(set -> {
            if (state.equals(set.path("state").asText())) {
                set.path("scopes").forEach(scopes::add);
            }
        });
        return scopes;
    }

    private static JsonNode operationOf(List<JsonNode> documents, String method, String path) {
        return documents.stream().map(d -> d.path("paths").path(path).path(method.toLowerCase()))
                .filter(JsonNode::isObject).findFirst()
                .orElseThrow(() -> new AssertionError(method + " " + path + " is in neither OpenAPI document"));
    }

    private static String table(JsonNode generated) {
        StringBuilder sb = new StringBuilder("[width=\"100%\",cols=\"2,3,3,4,1\",options=\"header\"]\n|===\n"
                                             + "| Operation | Jira Cloud calls | Classic scopes | Granular scopes | Data Center\n");
        generated.fields().forEachRemaining(entry -> {
            Set<String> classic = new TreeSet<>();
            Set<String> granular = new TreeSet<>();
            List<String> calls = new ArrayList<>();
            entry.getValue().path("calls").forEach(call -> {
                calls.add("`" + call.path("call").asText() + "`" + (call.has("csmResource")
                        ? " (" + call.path("csmResource").asText() + ")" : ""));
                call.path("classic").forEach(s -> classic.add(s.asText()));
                call.path("granular").forEach(s -> granular.add(s.asText()));
            });
            String note = NOTES.get(entry.getKey());
            sb.append("| ").append(entry.getKey()).append(" | ").append(String.join(" +\n", calls))
                    .append(calls.isEmpty() || note == null ? "" : " +\n").append(note == null ? "" : note)
                    .append(" | ").append(codes(classic)).append(" | ").append(codes(granular))
                    .append(" | ").append(entry.getValue().path("dataCenter").asText("")).append('\n');
        });
        return sb.append("|===\n").toString();
    }

    private static String codes(Set<String> scopes) {
        Set<String> quoted = new LinkedHashSet<>();
        scopes.forEach(s -> quoted.add("`" + s + "`"));
        return String.join(", ", quoted);
    }

    private static String replaceSection(String doc, String content) {
        Pattern section = Pattern.compile("(// oauth2 scopes: START\n)(.*?)(// oauth2 scopes: END)", Pattern.DOTALL);
        Matcher m = section.matcher(doc);
        assertThat(m.find()).as("markers // oauth2 scopes: START/END in the doc").isTrue();
        return m.replaceFirst(Matcher.quoteReplacement(m.group(1) + content + m.group(3)));
    }

    private static JsonNode document(String resource) throws IOException {
        try (InputStream in = OAuth2ScopesDocTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource + " (from the simulator's jar)").isNotNull();
            return Json.MAPPER.readTree(in);
        }
    }
}
