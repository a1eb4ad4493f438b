package org.jiraq.camel.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.jiraq.simulator.SimulatorContext;
import org.jiraq.simulator.SimulatorFeature;
import org.jiraq.simulator.http.ApiRequest;
import org.jiraq.simulator.http.ApiResponse;
import org.jiraq.simulator.http.Json;
import org.jiraq.simulator.servicedesk.ServiceDeskJson;

/**
 * Test-only lists in each of Jira's paging styles, including the broken ones a client must survive, under
 * {@code /rest/simulator/paging/}. Not part of any Jira, so it is a simulator feature of these tests, not of the
 * simulator users get; add it with {@code builder().feature(new PagingTestEndpoints())}. Every list holds items {@code {"id": n}} for n from 0 to {@code total - 1} (query parameter
 * {@code total}, default 10).
 * <ul>
 * <li>{@code GET offset}: {@code startAt}/{@code maxResults} (default 3), {@code total}, {@code isLast}; items in
 * the array named by {@code items} (default {@code values}); {@code emptyFrom=k} answers an empty page from offset
 * k on while {@code total} still promises more.</li>
 * <li>{@code GET|POST token}: {@code nextPageToken} in the query or the JSON body, {@code isLast}, items in
 * {@code issues}; {@code repeatFrom=k} hands back the token it was given from offset k on (a token that repeats);
 * {@code emptyToken=true} ends with an empty token while {@code isLast} stays false.</li>
 * <li>{@code GET jsm}: Service Management's {@code start}/{@code limit}/{@code isLastPage} and {@code values}.</li>
 * <li>{@code GET cursor}: {@code after}/{@code maxResults} and a {@code next} URL, left out on the last page;
 * {@code nextTo} points it at this resource ({@code self}, default), at it by a relative link ({@code relative}), at
 * another host ({@code otherHost}) or at another path of this site ({@code otherPath}).</li>
 * </ul>
 */
final class PagingTestEndpoints implements SimulatorFeature {

    static final String ROOT = "/rest/simulator/paging";
    static final String OTHER_HOST = "http://elsewhere.invalid:9";

    private static final int DEFAULT_TOTAL = 10;
    private static final int DEFAULT_PAGE = 3;

    private SimulatorContext context;

    @Override
    public void register(SimulatorContext context) {
        this.context = context;
        context.route("GET", ROOT + "/offset", this::offset).contractExempt();
        context.route("GET", ROOT + "/token", this::token).contractExempt();
        context.route("POST", ROOT + "/token", this::token).contractExempt();
        context.route("GET", ROOT + "/jsm", this::serviceManagement).contractExempt();
        context.route("GET", ROOT + "/cursor", this::cursor).contractExempt();
    }

    private ApiResponse offset(ApiRequest request) {
        int total = request.queryInt("total", DEFAULT_TOTAL);
        int startAt = Math.max(0, request.queryInt("startAt", 0));
        int size = request.queryInt("maxResults", DEFAULT_PAGE);
        int emptyFrom = request.queryInt("emptyFrom", Integer.MAX_VALUE);
        int end = startAt >= emptyFrom ? startAt : Math.min(startAt + size, total);
        String itemsField = request.query("items") == null ? "values" : request.query("items");
        ObjectNode page = Json.object().put("startAt", startAt).put("maxResults", size).put("total", total)
                .put("isLast", end >= total);
        page.set(itemsField, items(startAt, end));
        return ApiResponse.ok(page);
    }

    private ApiResponse token(ApiRequest request) {
        JsonNode body = "POST".equals(request.method()) ? request.json() : Json.object();
        String given = body.hasNonNull("nextPageToken") ? body.get("nextPageToken").asText() : request.query("nextPageToken");
        int total = request.queryInt("total", DEFAULT_TOTAL);
        int size = body.path("maxResults").asInt(request.queryInt("maxResults", DEFAULT_PAGE));
        int start = given == null ? 0 : Integer.parseInt(given.substring(1));
        int end = Math.min(start + size, total);
        ObjectNode page = Json.object();
        page.set("issues", items(start, end));
        boolean last = end >= total;
        page.put("isLast", last);
        if (!last) {
            boolean repeat = given != null && start >= request.queryInt("repeatFrom", Integer.MAX_VALUE);
            boolean empty = "true".equals(request.query("emptyToken")) && start > 0;
            page.put("nextPageToken", empty ? "" : repeat ? given : "t" + end);
        }
        return ApiResponse.ok(page);
    }

    private ApiResponse serviceManagement(ApiRequest request) {
        int total = request.queryInt("total", DEFAULT_TOTAL);
        int start = Math.max(0, request.queryInt("start", 0));
        int limit = request.queryInt("limit", DEFAULT_PAGE);
        List<JsonNode> all = new ArrayList<>();
        items(0, total).forEach(all::add);
        return ApiResponse.ok(new ServiceDeskJson(context.baseUrl()).page(all, start, limit,
                context.baseUrl() + ROOT + "/jsm"));
    }

    private ApiResponse cursor(ApiRequest request) {
        int total = request.queryInt("total", DEFAULT_TOTAL);
        int after = request.queryInt("after", -1);
        int size = request.queryInt("maxResults", DEFAULT_PAGE);
        int end = Math.min(after + 1 + size, total);
        ObjectNode page = Json.object();
        page.set("values", items(after + 1, end));
        page.put("maxResults", size);
        if (end < total) {
            String nextTo = request.query("nextTo") == null ? "self" : request.query("nextTo");
            String query = "?after=" + (end - 1) + "&maxResults=" + size + "&total=" + total + "&nextTo=" + nextTo;
            page.put("next", switch (nextTo) {
                case "relative" -> ROOT + "/cursor" + query;
                case "otherHost" -> OTHER_HOST + ROOT + "/cursor" + query;
                case "otherPath" -> context.baseUrl() + context.restRoot() + "/myself" + query;
                default -> context.baseUrl() + ROOT + "/cursor" + query;
            });
        }
        return ApiResponse.ok(page);
    }

    private static ArrayNode items(int from, int to) {
        ArrayNode items = Json.array();
        for (int id = from; id < to; id++) {
            items.addObject().put("id", id);
        }
        return items;
    }
}
