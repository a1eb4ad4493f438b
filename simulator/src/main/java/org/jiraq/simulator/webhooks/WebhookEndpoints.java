package org.jiraq.simulator.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jiraq.simulator.JiraSimulator;
import org.jiraq.simulator.SimulatorContext;
import org.jiraq.simulator.SimulatorFeature;
import org.jiraq.simulator.http.ApiException;
import org.jiraq.simulator.http.ApiRequest;
import org.jiraq.simulator.http.ApiResponse;
import org.jiraq.simulator.http.Json;
import org.jiraq.simulator.jql.Jql;
import org.jiraq.simulator.jql.JqlException;

/**
 * Webhook administration. Cloud apps: {@code /rest/api/3/webhook} (register, list, delete), {@code /refresh} and
 * {@code /failed}, each caller seeing only its own. Both flavours: admin webhooks through the legacy
 * {@code /rest/webhooks/1.0/webhook}, which the OpenAPI documents do not describe.
 */
public final class WebhookEndpoints implements SimulatorFeature {

    private static final Set<String> DYNAMIC_EVENTS = Set.of("jira:issue_created", "jira:issue_updated",
            "jira:issue_deleted", "comment_created", "comment_updated", "comment_deleted", "issue_property_set",
            "issue_property_deleted");
    private static final int MAX_PER_APP = 5;
    private static final String ADMIN_PATH = "/rest/webhooks/1.0/webhook";
    private static final String JQL_FILTER = "issue-related-events-section";

    private final SimulatorWebhooks webhooks;
    private SimulatorContext context;

    public WebhookEndpoints(SimulatorWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    @Override
    public void register(SimulatorContext context) {
        this.context = context;
        webhooks.attach(context.json());
        if (context.flavour() == JiraSimulator.Flavour.CLOUD) {
            context.route("POST", "/rest/api/3/webhook", this::registerDynamic);
            context.route("GET", "/rest/api/3/webhook", this::listDynamic);
            context.route("DELETE", "/rest/api/3/webhook", this::deleteDynamic);
            context.route("PUT", "/rest/api/3/webhook/refresh", this::refresh);
            context.route("GET", "/rest/api/3/webhook/failed", this::failed);
        }
        context.route("GET", ADMIN_PATH, this::listAdmin).contractExempt();
        context.route("POST", ADMIN_PATH, this::createAdmin).contractExempt();
        context.route("PUT", ADMIN_PATH + "/{id}", this::updateAdmin).contractExempt();
        context.route("DELETE", ADMIN_PATH + "/{id}", this::deleteAdmin).contractExempt();
    }

    private ApiResponse registerDynamic(ApiRequest request) {
        JsonNode body = request.json();
        String url = body.path("url").asText();
        String owner = request.user().accountId();
        ArrayNode results = Json.array();
        for (JsonNode details : body.path("webhooks")) {
            List<String> events = new ArrayList<>();
            details.path("events").forEach(e -> events.add(e.asText()));
            String jql = details.path("jqlFilter").asText("");
            List<String> errors = new ArrayList<>();
            events.stream().filter(e -> !DYNAMIC_EVENTS.contains(e)).forEach(e -> errors.add("Unsupported event " + e));
            try {
                Jql.compile(jql, context.state(), context.clock().now());
            } catch (JqlException e) {
                errors.addAll(e.messages());
            }
            if (webhooks.dynamicOf(owner).size() >= MAX_PER_APP) {
                errors.add("The limit of " + MAX_PER_APP + " webhooks per app and user is reached.");
            }
            if (errors.isEmpty()) {
                results.addObject().put("createdWebhookId", webhooks.register(owner, url, events, jql).id());
            } else {
                errors.forEach(results.addObject().putArray("errors")::add);
            }
        }
        ObjectNode answer = Json.object();
        answer.set("webhookRegistrationResult", results);
        return ApiResponse.ok(answer);
    }

    private ApiResponse listDynamic(ApiRequest request) {
        List<DynamicWebhook> mine = webhooks.dynamicOf(request.user().accountId());
        int startAt = Math.max(0, request.queryInt("startAt", 0));
        int maxResults = Math.max(1, Math.min(request.queryInt("maxResults", 100), 100));
        int end = Math.min(startAt + maxResults, mine.size());
        ObjectNode page = Json.object().put("isLast", end >= mine.size()).put("maxResults", maxResults)
                .put("startAt", startAt).put("total", mine.size());
        ArrayNode values = page.putArray("values");
        for (DynamicWebhook webhook : mine.subList(Math.min(startAt, mine.size()), end)) {
            ObjectNode node = values.addObject().put("id", webhook.id()).put("jqlFilter", webhook.jqlFilter())
                    .put("url", webhook.url()).put("expirationDate", webhook.expirationDate().toEpochMilli());
            webhook.events().forEach(node.putArray("events")::add);
        }
        return ApiResponse.ok(page);
    }

    private ApiResponse deleteDynamic(ApiRequest request) {
        webhooks.delete(request.user().accountId(), ids(request.json()));
        return ApiResponse.accepted();
    }

    private ApiResponse refresh(ApiRequest request) {
        Instant expiration = webhooks.refresh(request.user().accountId(), ids(request.json()));
        return ApiResponse.ok(Json.object().put("expirationDate", expiration.toEpochMilli()));
    }

    /** Cursor paging on the failure time, as Jira's {@code next} link does. */
    private ApiResponse failed(ApiRequest request) {
        String after = request.query("after");
        int maxResults = Math.max(1, request.queryInt("maxResults", 100));
        List<FailedWebhook> all = webhooks.failedAfter(after == null ? null : Instant.ofEpochMilli(Long.parseLong(after)));
        List<FailedWebhook> page = all.subList(0, Math.min(maxResults, all.size()));
        ObjectNode body = Json.object().put("maxResults", maxResults);
        ArrayNode values = body.putArray("values");
        page.forEach(f -> values.addObject().put("id", f.id()).put("body", f.body()).put("url", f.url())
                .put("failureTime", f.failureTime().toEpochMilli()));
        if (!page.isEmpty()) {
            body.put("next", context.baseUrl() + "/rest/api/3/webhook/failed?after="
                    + page.get(page.size() - 1).failureTime().toEpochMilli() + "&maxResults=" + maxResults);
        }
        return ApiResponse.ok(body);
    }

    private ApiResponse listAdmin(ApiRequest request) {
        ArrayNode list = Json.array();
        webhooks.admins().forEach(admin -> list.add(adminJson(admin)));
        return ApiResponse.ok(list);
    }

    private ApiResponse createAdmin(ApiRequest request) {
        JsonNode body = request.json();
        SimulatorWebhooks.Admin admin = webhooks.addAdmin(body.path("name").asText("webhook"), adminWebhook(body));
        return ApiResponse.json(201, adminJson(admin));
    }

    private ApiResponse updateAdmin(ApiRequest request) {
        long id = Long.parseLong(request.pathParam("id"));
        JsonNode body = request.json();
        SimulatorWebhooks.Admin updated = new SimulatorWebhooks.Admin(id, body.path("name").asText("webhook"),
                adminWebhook(body));
        if (!webhooks.replaceAdmin(id, updated)) {
            throw ApiException.notFound("No webhook with id " + id);
        }
        return ApiResponse.ok(adminJson(updated));
    }

    private ApiResponse deleteAdmin(ApiRequest request) {
        if (!webhooks.removeAdmin(Long.parseLong(request.pathParam("id")))) {
            throw ApiException.notFound("No webhook with id " + request.pathParam("id"));
        }
        return ApiResponse.noContent();
    }

    private static AdminWebhook adminWebhook(JsonNode body) {
        List<String> events = new ArrayList<>();
        body.path("events").forEach(e -> events.add(e.asText()));
        String jql = body.path("filters").path(JQL_FILTER).asText("");
        String secret = body.path("secret").isTextual() ? body.get("secret").asText() : null;
        return new AdminWebhook(body.path("url").asText(), secret, events, jql.isBlank() ? null : jql);
    }

    private ObjectNode adminJson(SimulatorWebhooks.Admin admin) {
        AdminWebhook webhook = admin.webhook();
        ObjectNode node = Json.object().put("self", context.baseUrl() + ADMIN_PATH + "/" + admin.id())
                .put("name", admin.name()).put("url", webhook.url()).put("excludeBody", false).put("enabled", true);
        webhook.events().forEach(node.putArray("events")::add);
        node.putObject("filters").put(JQL_FILTER, webhook.jql() == null ? "" : webhook.jql());
        return node;
    }

    private static List<Long> ids(JsonNode body) {
        List<Long> ids = new ArrayList<>();
        body.path("webhookIds").forEach(id -> ids.add(id.asLong()));
        return ids;
    }
}
