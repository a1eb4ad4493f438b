package org.jiraq.simulator.platform;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jiraq.simulator.JiraSimulator;
import org.jiraq.simulator.SimulatorContext;
import org.jiraq.simulator.SimulatorFeature;
import org.jiraq.simulator.http.ApiException;
import org.jiraq.simulator.http.ApiRequest;
import org.jiraq.simulator.http.ApiResponse;
import org.jiraq.simulator.model.Adf;
import org.jiraq.simulator.model.Comment;
import org.jiraq.simulator.model.Issue;

/** An issue's comments: {@code {root}/issue/{issueIdOrKey}/comment[/{id}]}. */
final class CommentEndpoints implements SimulatorFeature {

    private static final int DEFAULT_PAGE = 100;
    private static final int MAX_PAGE = 5000;

    private SimulatorContext context;

    @Override
    public void register(SimulatorContext context) {
        this.context = context;
        String root = context.restRoot();
        context.route("GET", root + "/issue/{issueIdOrKey}/comment", this::list);
        context.route("POST", root + "/issue/{issueIdOrKey}/comment", this::add);
        context.route("GET", root + "/issue/{issueIdOrKey}/comment/{id}", this::get);
    }

    private ApiResponse list(ApiRequest request) {
        Issue issue = IssueEndpoints.requireIssue(context, request);
        int startAt = Math.max(0, request.queryInt("startAt", 0));
        int maxResults = Math.min(Math.max(0, request.queryInt("maxResults", DEFAULT_PAGE)), MAX_PAGE);
        List<Comment> comments = new ArrayList<>(issue.comments());
        if ("-created".equals(request.query("orderBy"))) {
            comments.sort(Comparator.comparing(Comment::created).thenComparing(Comment::id).reversed());
        }
        List<Comment> page = comments.subList(Math.min(startAt, comments.size()),
                Math.min(startAt + maxResults, comments.size()));
        return ApiResponse.ok(context.json().commentPage(issue, page, startAt, maxResults, comments.size()));
    }

    private ApiResponse add(ApiRequest request) {
        Issue issue = IssueEndpoints.requireIssue(context, request);
        JsonNode body = request.json().path("body");
        if (body.isMissingNode() || body.isNull() || Adf.plainText(body).isBlank()) {
            throw ApiException.badRequest(Map.of("comment", "Comment body can not be empty!"));
        }
        if (context.flavour() == JiraSimulator.Flavour.CLOUD && !Adf.isDocument(body)) {
            throw ApiException.badRequest(Map.of("comment",
                    "Operation value must be an Atlassian Document (see the Atlassian Document Format)"));
        }
        if (context.flavour() == JiraSimulator.Flavour.DATA_CENTER && !body.isTextual()) {
            throw ApiException.badRequest(Map.of("comment", "Comment body must be a string."));
        }
        Comment comment = context.state().addComment(issue, request.user(), body);
        return ApiResponse.json(201, context.json().comment(issue, comment));
    }

    private ApiResponse get(ApiRequest request) {
        Issue issue = IssueEndpoints.requireIssue(context, request);
        String id = request.pathParam("id");
        return issue.comments().stream()
                .filter(comment -> Long.toString(comment.id()).equals(id))
                .findFirst()
                .map(comment -> ApiResponse.ok(context.json().comment(issue, comment)))
                .orElseThrow(() -> ApiException.notFound("Can not find a comment for the id: " + id + "."));
    }
}
