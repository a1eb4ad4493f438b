package org.jiraq.simulator.platform;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.jiraq.simulator.JiraSimulator;
import org.jiraq.simulator.SimulatorContext;
import org.jiraq.simulator.SimulatorFeature;
import org.jiraq.simulator.http.ApiException;
import org.jiraq.simulator.http.ApiRequest;
import org.jiraq.simulator.http.ApiResponse;
import org.jiraq.simulator.http.Json;
import org.jiraq.simulator.model.Project;

/**
 * Projects: {@code {root}/project} (all, as a plain array), {@code {root}/project/{projectIdOrKey}}, and on Cloud the
 * paged {@code /rest/api/3/project/search}, which the DC document does not have.
 */
final class ProjectEndpoints implements SimulatorFeature {

    private static final int DEFAULT_PAGE = 50;
    private static final int MAX_PAGE = 100;

    private SimulatorContext context;

    @Override
    public void register(SimulatorContext context) {
        this.context = context;
        String root = context.restRoot();
        context.route("GET", root + "/project", this::all);
        context.route("GET", root + "/project/{projectIdOrKey}", this::one);
        if (context.flavour() == JiraSimulator.Flavour.CLOUD) {
            context.route("GET", root + "/project/search", this::search);
        }
    }

    private ApiResponse all(ApiRequest request) {
        ArrayNode projects = Json.array();
        context.state().projects().forEach(p -> projects.add(context.json().project(p)));
        return ApiResponse.ok(projects);
    }

    private ApiResponse one(ApiRequest request) {
        String keyOrId = request.pathParam("projectIdOrKey");
        Project project = context.state().project(keyOrId);
        if (project == null) {
            throw ApiException.notFound("No project could be found with key '" + keyOrId + "'.");
        }
        return ApiResponse.ok(context.json().project(project));
    }

    /** Offset paging in Jira's {@code PageBeanProject}; {@code maxResults} above 100 is cut to 100, as on Cloud. */
    private ApiResponse search(ApiRequest request) {
        int startAt = Math.max(0, request.queryInt("startAt", 0));
        int maxResults = Math.min(Math.max(1, request.queryInt("maxResults", DEFAULT_PAGE)), MAX_PAGE);
        String query = request.query("query");
        List<String> keys = request.queryList("keys");
        List<Project> matching = context.state().projects().stream()
                .filter(p -> keys.isEmpty() || keys.stream().anyMatch(k -> k.equalsIgnoreCase(p.key())))
                .filter(p -> query == null || contains(p.key(), query) || contains(p.name(), query))
                .toList();
        int end = Math.min(startAt + maxResults, matching.size());
        boolean last = end >= matching.size();
        String pageUrl = context.json().self("project/search?maxResults=" + maxResults + "&startAt=");
        ObjectNode page = Json.object().put("self", pageUrl + startAt);
        if (!last) {
            page.put("nextPage", pageUrl + end);
        }
        page.put("maxResults", maxResults).put("startAt", startAt).put("total", matching.size()).put("isLast", last);
        ArrayNode values = page.putArray("values");
        matching.subList(Math.min(startAt, matching.size()), end)
                .forEach(p -> values.add(context.json().project(p)));
        return ApiResponse.ok(page);
    }

    private static boolean contains(String text, String query) {
        return text.toLowerCase(Locale.ROOT).contains(query.toLowerCase(Locale.ROOT));
    }
}
