package org.jiraq.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * A small part of two more APIs Atlassian serves on its gateway, enough for calls that address them by their roots:
 * <ul>
 * <li>Assets, {@code /jsm/assets/workspace/{workspaceId}/v1}: an object by id ({@code GET /object/{id}}) and objects
 * by AQL ({@code POST /object/aql}, paged with {@code startAt}/{@code maxResults}/{@code isLast}); the workspace id
 * comes from the site's {@code GET /rest/servicedeskapi/assets/workspace}.</li>
 * <li>Operations, {@code /jsm/ops/api/{cloudId}/v1}: alerts ({@code GET /alerts}, paged with {@code offset} and
 * {@code size} and a {@code links.next} URL) and one alert ({@code GET /alerts/{id}}).</li>
 * </ul>
 * Seed data: three Assets objects (ids 1 to 3, type Laptop) and three open alerts. The bodies follow the shapes
 * third-party clients of these APIs show; neither API's OpenAPI document is in this simulator, so nothing is checked
 * against a contract.
 */
public final class AssetsAndOperations implements SimulatorFeature {

    private static final List<String> LAPTOPS = List.of("LAP-1", "LAP-2", "LAP-3");
    private static final List<String> ALERTS = List.of("Disk almost full", "CPU high", "Backup failed");

    private final String cloudId;
    private final String workspaceId = UUID.randomUUID().toString();

    /** The APIs of the site {@code oauth} serves: its cloudId, and its access tokens accepted. */
    public AssetsAndOperations(AtlassianOAuth2 oauth) {
        this.cloudId = oauth.cloudId();
        oauth.addGatewayId(workspaceId);
    }

    /** The APIs of a site with this cloudId, for basic-auth callers. */
    public AssetsAndOperations(String cloudId) {
        this.cloudId = cloudId;
    }

    public String workspaceId() {
        return workspaceId;
    }

    @Override
    public void register(SimulatorContext context) {
        context.route("GET", "/rest/servicedeskapi/assets/workspace", request -> {
            ObjectNode page = Json.object().put("size", 1).put("start", 0).put("limit", 50).put("isLastPage", true);
            page.putArray("values").addObject().put("workspaceId", workspaceId);
            return ApiResponse.ok(page);
        });
        String assets = GatewayApi.ASSETS.root("{workspaceId}");
        context.route("GET", assets + "/object/{id}", request -> {
            requireSite(request);
            int index = index(request.pathParam("id"), LAPTOPS.size());
            return ApiResponse.ok(assetObject(index));
        }).contractExempt();
        context.route("POST", assets + "/object/aql", request -> {
            requireSite(request);
            int startAt = Math.max(0, request.queryInt("startAt", 0));
            int maxResults = Math.max(1, request.queryInt("maxResults", 25));
            ArrayNode values = slice(LAPTOPS, startAt, maxResults, AssetsAndOperations::assetObject);
            ObjectNode page = Json.object().put("startAt", startAt).put("maxResults", maxResults)
                    .put("total", LAPTOPS.size()).put("isLast", startAt + maxResults >= LAPTOPS.size());
            page.set("values", values);
            return ApiResponse.ok(page);
        }).contractExempt();
        String ops = GatewayApi.OPERATIONS.root("{cloudId}");
        context.route("GET", ops + "/alerts", request -> {
            requireSite(request);
            int offset = Math.max(0, request.queryInt("offset", 0));
            int size = Math.max(1, request.queryInt("size", 20));
            ArrayNode values = slice(ALERTS, offset, size, AssetsAndOperations::alert);
            ObjectNode page = Json.object();
            page.set("values", values);
            if (offset + size < ALERTS.size()) {
                page.putObject("links").put("next", context.baseUrl() + GatewayApi.OPERATIONS.root(cloudId)
                        + "/alerts?offset=" + (offset + size) + "&size=" + size);
            }
            return ApiResponse.ok(page);
        }).contractExempt();
        context.route("GET", ops + "/alerts/{id}", request -> {
            requireSite(request);
            return ApiResponse.ok(alert(index(request.pathParam("id"), ALERTS.size())));
        }).contractExempt();
    }

    /** A request addressed to another site's cloudId or workspace id finds nothing. */
    private void requireSite(ApiRequest request) {
        boolean byCloudId = request.pathParam("cloudId") != null;
        String addressed = byCloudId ? request.pathParam("cloudId") : request.pathParam("workspaceId");
        if (!(byCloudId ? cloudId : workspaceId).equals(addressed)) {
            throw ApiException.notFound("No site or Assets workspace has the id " + addressed);
        }
    }

    /** The JSON of the items from {@code from}, at most {@code count} of them. */
    private static ArrayNode slice(List<String> items, int from, int count, IntFunction<ObjectNode> json) {
        ArrayNode values = Json.array();
        for (int i = from; i < Math.min(items.size(), from + count); i++) {
            values.add(json.apply(i));
        }
        return values;
    }

    private static int index(String id, int size) {
        try {
            int index = Integer.parseInt(id) - 1;
            if (index >= 0 && index < size) {
                return index;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw ApiException.notFound("No object with id " + id);
    }

    private static ObjectNode assetObject(int index) {
        ObjectNode object = Json.object().put("id", Integer.toString(index + 1)).put("objectKey", LAPTOPS.get(index))
                .put("label", "Laptop " + (index + 1));
        object.putObject("objectType").put("id", "1").put("name", "Laptop");
        return object;
    }

    private static ObjectNode alert(int index) {
        return Json.object().put("id", Integer.toString(index + 1)).put("message", ALERTS.get(index))
                .put("status", "open").put("priority", "P3");
    }
}
