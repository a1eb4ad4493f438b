package org.jiraq.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Jira Customer Service Management's REST API on Atlassian's gateway,
 * {@code /jsm/csm/cloudid/{cloudId}/api/v1/...}, reached with basic auth or an OAuth 2.0 (3LO) token: organizations,
 * customers, products and entitlements, each created, read, updated and deleted; products listed with
 * {@code limit} (1 to 100, default 100) and {@code cursor} (the {@code nextPageCursor} of the previous page);
 * entitlements of a customer or organization listed with {@code start} and {@code limit} (at most 25), an experimental
 * operation that needs {@code X-ExperimentalApi: opt-in}; organizations fetched by id or name, at most 50 at a time.
 * <p>
 * Atlassian's OpenAPI document for this API could not be found, so nothing here is checked against a contract: the
 * paths, methods, paging parameters and limits follow the reference pages' operation list
 * (developer.atlassian.com/cloud/customer-service-management/rest/v1/), while the bodies ({@code {"id","name"}} for an
 * organization or product, {@code {"id","displayName","email"}} for a customer, {@code {"id","productId",
 * "entityType","entityId","details"}} for an entitlement, list pages {@code {"values", ...}}) are the simulator's
 * assumption.
 */
public final class CustomerServiceManagement implements SimulatorFeature {

    private static final int MAX_FETCH = 50;
    private static final int MAX_PRODUCTS = 100;
    private static final int MAX_ENTITLEMENTS = 25;

    private final String cloudId;
    private final Map<String, ObjectNode> organizations = new LinkedHashMap<>();
    private final Map<String, ObjectNode> customers = new LinkedHashMap<>();
    private final Map<String, ObjectNode> products = new LinkedHashMap<>();
    private final Map<String, ObjectNode> entitlements = new LinkedHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1);

    /** The API of the site with this cloudId, such as {@link AtlassianOAuth2#cloudId()}. */
    public CustomerServiceManagement(String cloudId) {
        this.cloudId = cloudId;
    }

    /** The API of a site with a random cloudId, for basic-auth callers. */
    public CustomerServiceManagement() {
        this(UUID.randomUUID().toString());
    }

    public String cloudId() {
        return cloudId;
    }

    /** The API's root path on the gateway, {@code /jsm/csm/cloudid/{cloudId}/api/v1}. */
    public String root() {
        return GatewayApi.CUSTOMER_SERVICE_MANAGEMENT.root(cloudId);
    }

    @Override
    public void register(SimulatorContext context) {
        String root = GatewayApi.CUSTOMER_SERVICE_MANAGEMENT.root("{cloudId}");
        route(context, "POST", root + "/organization", request -> create(organizations, request, "name"));
        route(context, "POST", root + "/organization/fetch", this::fetchOrganizations);
        route(context, "GET", root + "/organization/{id}", request -> get(organizations, request));
        route(context, "PUT", root + "/organization/{id}", request -> update(organizations, request, "name"));
        route(context, "DELETE", root + "/organization/{id}", request -> delete(organizations, request));
        route(context, "POST", root + "/customer", request -> create(customers, request, "displayName", "email"));
        route(context, "GET", root + "/customer/{id}", request -> get(customers, request));
        route(context, "GET", root + "/customer/account/{id}", request -> get(customers, request));
        route(context, "PUT", root + "/customer/account/{id}", request -> update(customers, request, "displayName"));
        route(context, "DELETE", root + "/customer/account/{id}", request -> delete(customers, request));
        route(context, "GET", root + "/product", this::listProducts);
        route(context, "POST", root + "/product", request -> create(products, request, "name"));
        route(context, "GET", root + "/product/{id}", request -> get(products, request));
        route(context, "PUT", root + "/product/{id}", request -> update(products, request, "name"));
        route(context, "DELETE", root + "/product/{id}", request -> delete(products, request));
        route(context, "GET", root + "/entitlements", this::listEntitlements);
        route(context, "GET", root + "/entitlement/{id}", request -> get(entitlements, request));
        route(context, "DELETE", root + "/entitlement/{id}", request -> delete(entitlements, request));
        route(context, "PUT", root + "/entitlement/{id}/details", this::setEntitlementDetails);
        route(context, "POST", root + "/customer/{id}/entitlement", request -> entitle("CUSTOMER", customers, request));
        route(context, "POST", root + "/organization/{id}/entitlement",
                request -> entitle("ORGANIZATION", organizations, request));
    }

    /** Serves a route of this site's API: a request addressed to another cloudId finds no site. */
    private void route(SimulatorContext context, String method, String path, Route.Handler handler) {
        context.route(method, path, request -> {
            if (!cloudId.equals(request.pathParam("cloudId"))) {
                throw ApiException.notFound("No Customer Service Management site has cloudId " + request.pathParam("cloudId"));
            }
            synchronized (this) {
                return handler.handle(request);
            }
        }).contractExempt();
    }

    private ApiResponse create(Map<String, ObjectNode> entities, ApiRequest request, String... fields) {
        JsonNode body = request.json();
        ObjectNode entity = Json.object().put("id", Long.toString(nextId.getAndIncrement()));
        for (String field : fields) {
            String value = body.path(field).asText("");
            if (value.isBlank()) {
                throw ApiException.badRequest(Map.of(field, "'" + field + "' is required"));
            }
            entity.put(field, value);
        }
        entities.put(entity.get("id").asText(), entity);
        return ApiResponse.ok(entity);
    }

    private ApiResponse get(Map<String, ObjectNode> entities, ApiRequest request) {
        return ApiResponse.ok(find(entities, request.pathParam("id")));
    }

    private ApiResponse update(Map<String, ObjectNode> entities, ApiRequest request, String... fields) {
        ObjectNode entity = find(entities, request.pathParam("id"));
        JsonNode body = request.json();
        for (String field : fields) {
            if (body.hasNonNull(field)) {
                entity.put(field, body.get(field).asText());
            }
        }
        return ApiResponse.ok(entity);
    }

    private ApiResponse delete(Map<String, ObjectNode> entities, ApiRequest request) {
        find(entities, request.pathParam("id"));
        entities.remove(request.pathParam("id"));
        return ApiResponse.noContent();
    }

    /** Up to 50 organizations by id or name; those not found are left out. */
    private ApiResponse fetchOrganizations(ApiRequest request) {
        JsonNode body = request.json();
        List<String> wanted = new ArrayList<>();
        body.path("ids").forEach(id -> wanted.add(id.asText()));
        body.path("names").forEach(name -> wanted.add(name.asText()));
        if (wanted.size() > MAX_FETCH) {
            throw ApiException.badRequest("At most " + MAX_FETCH + " organizations can be fetched at a time");
        }
        ArrayNode values = Json.array();
        organizations.values().stream()
                .filter(org -> wanted.contains(org.get("id").asText()) || wanted.contains(org.get("name").asText()))
                .forEach(values::add);
        ObjectNode page = Json.object();
        page.set("values", values);
        return ApiResponse.ok(page);
    }

    /** Products in creation order, {@code limit} at a time; the cursor is the id to start after. */
    private ApiResponse listProducts(ApiRequest request) {
        int limit = request.queryInt("limit", MAX_PRODUCTS);
        if (limit < 1 || limit > MAX_PRODUCTS) {
            limit = MAX_PRODUCTS;
        }
        String after = request.query("cursor") == null ? null : decodeCursor(request.query("cursor"));
        List<ObjectNode> all = new ArrayList<>(products.values());
        int start = 0;
        if (after != null) {
            while (start < all.size() && !all.get(start).get("id").asText().equals(after)) {
                start++;
            }
            start++;
        }
        ArrayNode values = Json.array();
        all.subList(Math.min(start, all.size()), Math.min(start + limit, all.size())).forEach(values::add);
        ObjectNode page = Json.object();
        page.set("values", values);
        if (start + limit < all.size()) {
            page.put("nextPageCursor", encodeCursor(all.get(start + limit - 1).get("id").asText()));
        }
        return ApiResponse.ok(page);
    }

    /** A customer's or organization's entitlements, {@code start}/{@code limit} (at most 25); experimental. */
    private ApiResponse listEntitlements(ApiRequest request) {
        if (!"opt-in".equals(request.header(ExperimentalApiGate.HEADER))) {
            return ApiResponse.error(412, ExperimentalApiGate.MESSAGE);
        }
        String entityType = request.query("entityType");
        String entityId = request.query("entityId");
        if (entityType == null || entityId == null) {
            throw ApiException.badRequest("entityType and entityId are required");
        }
        int start = Math.max(0, request.queryInt("start", 0));
        int limit = request.queryInt("limit", MAX_ENTITLEMENTS);
        if (limit < 1 || limit > MAX_ENTITLEMENTS) {
            limit = MAX_ENTITLEMENTS;
        }
        String productId = request.query("productId");
        List<ObjectNode> matching = entitlements.values().stream()
                .filter(e -> e.get("entityType").asText().equalsIgnoreCase(entityType)
                             && e.get("entityId").asText().equals(entityId)
                             && (productId == null || e.get("productId").asText().equals(productId)))
                .toList();
        ArrayNode values = Json.array();
        matching.subList(Math.min(start, matching.size()), Math.min(start + limit, matching.size()))
                .forEach(values::add);
        ObjectNode page = Json.object().put("start", start).put("limit", limit).put("size", values.size())
                .put("isLastPage", start + limit >= matching.size());
        page.set("values", values);
        return ApiResponse.ok(page);
    }

    private ApiResponse entitle(String entityType, Map<String, ObjectNode> owners, ApiRequest request) {
        String owner = find(owners, request.pathParam("id")).get("id").asText();
        String productId = request.json().path("productId").asText("");
        find(products, productId);
        ObjectNode entitlement = Json.object().put("id", Long.toString(nextId.getAndIncrement()))
                .put("productId", productId).put("entityType", entityType).put("entityId", owner);
        entitlement.putArray("details");
        entitlements.put(entitlement.get("id").asText(), entitlement);
        return ApiResponse.ok(entitlement);
    }

    private ApiResponse setEntitlementDetails(ApiRequest request) {
        ObjectNode entitlement = find(entitlements, request.pathParam("id"));
        JsonNode details = request.json().path("details");
        if (!details.isArray()) {
            throw ApiException.badRequest(Map.of("details", "'details' must be a list of {name, value}"));
        }
        entitlement.set("details", details);
        return ApiResponse.ok(entitlement);
    }

    private static ObjectNode find(Map<String, ObjectNode> entities, String id) {
        ObjectNode entity = id == null ? null : entities.get(id);
        if (entity == null) {
            throw ApiException.notFound("Nothing with id " + id + " exists, or you do not have permission to see it.");
        }
        return entity;
    }

    private static String encodeCursor(String id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("after:" + id).getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeCursor(String cursor) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (decoded.startsWith("after:")) {
                return decoded.substring("after:".length());
            }
        } catch (IllegalArgumentException notBase64) {
            // answered below
        }
        throw ApiException.badRequest("The cursor '" + cursor + "' is not valid");
    }
}
