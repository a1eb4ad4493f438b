package org.jiraq.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * JQL search. Cloud: {@code GET/POST /rest/api/3/search/jql} with {@code nextPageToken} paging, ids only by
 * default, no {@code total}; the removed {@code /search} answers 410 Gone. Data Center: {@code GET/POST
 * /rest/api/2/search} with {@code startAt} paging and {@code total}.
 */
final class SearchEndpoints implements SimulatorFeature {

    static final String REMOVED = "The requested API has been removed. Please migrate to the /rest/api/3/search/jql "
            + "API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046";
    static final String UNBOUNDED = "Unbounded JQL queries are not allowed here. Please add a search restriction to "
            + "your query.";

    private static final int DEFAULT_PAGE = 50;
    private static final int CLOUD_MAX_PAGE = 100;
    private static final int CLOUD_MAX_ID_PAGE = 5000;
    private static final int DC_MAX_PAGE = 1000;

    /** The search parameters, from the query string (GET) or the JSON body (POST). */
    private record Params(String jql, String nextPageToken, Integer startAt, Integer maxResults, List<String> fields,
            List<String> expand, List<String> properties) {

        static Params of(ApiRequest request) {
            if ("GET".equals(request.method())) {
                String max = request.query("maxResults");
                String start = request.query("startAt");
                return new Params(request.query("jql"), request.query("nextPageToken"),
                        start == null ? null : request.queryInt("startAt", 0),
                        max == null ? null : request.queryInt("maxResults", DEFAULT_PAGE),
                        request.queryList("fields"), request.queryList("expand"), request.queryList("properties"));
            }
            JsonNode body = request.json();
            return new Params(text(body.path("jql")), text(body.path("nextPageToken")),
                    body.path("startAt").isNumber() ? body.path("startAt").asInt() : null,
                    body.path("maxResults").isNumber() ? body.path("maxResults").asInt() : null,
                    list(body.path("fields")), list(body.path("expand")), list(body.path("properties")));
        }

        private static String text(JsonNode node) {
            return node.isTextual() ? node.asText() : null;
        }

        /** A JSON array of strings, or one comma-separated string (Cloud's {@code expand}). */
        private static List<String> list(JsonNode node) {
            List<String> values = new ArrayList<>();
            if (node.isArray()) {
                node.forEach(item -> ApiRequest.splitCommas(item.asText(), values));
            } else if (node.isTextual()) {
                ApiRequest.splitCommas(node.asText(), values);
            }
            return values;
        }
    }

    private SimulatorContext context;
    private SearchEngine engine;

    @Override
    public void register(SimulatorContext context) {
        this.context = context;
        this.engine = new SearchEngine(context.state(), context.clock());
        if (context.flavour() == JiraSimulator.Flavour.CLOUD) {
            context.route("GET", "/rest/api/3/search/jql", this::cloudSearch);
            context.route("POST", "/rest/api/3/search/jql", this::cloudSearch);
            for (String removed : List.of("/rest/api/3/search", "/rest/api/2/search", "/rest/api/latest/search")) {
                context.route("GET", removed, this::removed);
                context.route("POST", removed, this::removed);
            }
        } else {
            context.route("GET", "/rest/api/2/search", this::dataCenterSearch);
            context.route("POST", "/rest/api/2/search", this::dataCenterSearch);
        }
    }

    private ApiResponse removed(ApiRequest request) {
        ObjectNode body = Json.object();
        body.putArray("errorMessages").add(REMOVED);
        return ApiResponse.json(410, body);
    }

    private ApiResponse cloudSearch(ApiRequest request) {
        Params params = Params.of(request);
        PageToken token = params.nextPageToken() == null ? null : PageToken.decode(params.nextPageToken(), params.jql());
        SearchEngine.Result result = search(params.jql(), token != null, request.user());
        if (!result.query().bounded()) {
            throw ApiException.badRequest(UNBOUNDED);
        }
        FieldSelection fields = FieldSelection.parse(params.fields(), "id");
        int cap = fields.onlyIdOrKey() ? CLOUD_MAX_ID_PAGE : CLOUD_MAX_PAGE;
        int requested = params.maxResults() == null || params.maxResults() < 1 ? DEFAULT_PAGE : params.maxResults();
        List<Issue> matches = result.issues();
        int from = token == null ? 0
                : result.positionAfter(token.offset(), context.state().issue(Long.toString(token.lastIssueId())));
        int to = Math.min(from + Math.min(requested, cap), matches.size());
        boolean withTransitions = params.expand().contains("transitions");

        ObjectNode body = Json.object();
        ArrayNode issues = body.putArray("issues");
        for (Issue issue : matches.subList(from, to)) {
            ObjectNode node = fields.onlyIdOrKey()
                    ? idAndKey(issue, fields) : context.json().issue(issue, fields, withTransitions);
            context.json().putProperties(node, issue, params.properties());
            issues.add(node);
        }
        boolean last = to >= matches.size();
        if (!last) {
            body.put("nextPageToken", PageToken.after(params.jql(), to, matches.get(to - 1).id()).encode());
        }
        body.put("isLast", last);
        return ApiResponse.ok(body);
    }

    private ApiResponse dataCenterSearch(ApiRequest request) {
        Params params = Params.of(request);
        int startAt = params.startAt() == null ? 0 : Math.max(0, params.startAt());
        int maxResults = params.maxResults() == null ? DEFAULT_PAGE : Math.max(0, Math.min(params.maxResults(), DC_MAX_PAGE));
        SearchEngine.Result result = search(params.jql(), startAt > 0, request.user());
        FieldSelection fields = FieldSelection.parse(params.fields(), "*navigable");
        boolean withTransitions = params.expand().contains("transitions");
        List<Issue> matches = result.issues();
        int from = Math.min(startAt, matches.size());
        int to = Math.min(from + maxResults, matches.size());

        ObjectNode body = Json.object()
                .put("expand", "schema,names")
                .put("startAt", startAt)
                .put("maxResults", maxResults)
                .put("total", matches.size());
        ArrayNode issues = body.putArray("issues");
        matches.subList(from, to).forEach(issue -> issues.add(context.json().issue(issue, fields, withTransitions)));
        return ApiResponse.ok(body);
    }

    private SearchEngine.Result search(String jql, boolean continuing, SimulatorUser user) {
        try {
            return engine.run(jql, continuing, user);
        } catch (JqlException e) {
            throw new ApiException(ApiResponse.error(400, e.messages(), Map.of()));
        }
    }

    private static ObjectNode idAndKey(Issue issue, FieldSelection fields) {
        ObjectNode node = Json.object().put("id", Long.toString(issue.id()));
        if (fields.includes("key")) {
            node.put("key", issue.key());
        }
        return node;
    }
}
