package org.jiraq.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Issue create, read, edit and delete: {@code {root}/issue} and {@code {root}/issue/{issueIdOrKey}}. */
final class IssueEndpoints implements SimulatorFeature {

    static final String NO_SUCH_ISSUE = "Issue does not exist or you do not have permission to see it.";

    private SimulatorContext context;

    @Override
    public void register(SimulatorContext context) {
        this.context = context;
        String root = context.restRoot();
        context.route("POST", root + "/issue", this::create);
        context.route("GET", root + "/issue/{issueIdOrKey}", this::get);
        context.route("PUT", root + "/issue/{issueIdOrKey}", this::edit);
        context.route("DELETE", root + "/issue/{issueIdOrKey}", this::delete);
        context.route("PUT", root + "/issue/{issueIdOrKey}/assignee", this::assign);
    }

    /** The issue named by the {@code issueIdOrKey} path parameter, or Jira's 404. */
    static Issue requireIssue(SimulatorContext context, ApiRequest request) {
        Issue issue = context.state().issue(request.pathParam("issueIdOrKey"));
        if (issue == null) {
            throw ApiException.notFound(NO_SUCH_ISSUE);
        }
        return issue;
    }

    private ApiResponse create(ApiRequest request) {
        IssueInput input = IssueInput.forCreate(context.flavour(), context.state(), request.json()).requireValid();
        Map<String, JsonNode> properties = IssuePropertyEndpoints.fromCreateBody(request.json());
        SimulatorState state = context.state();
        Issue issue = state.createIssue(input.project(), input.issueType(), input.summary(), request.user());
        input.applyTo(issue);
        properties.forEach(issue::setProperty);
        if (request.user() != null) {
            issue.addWatcher(request.user()); // Jira's default: reporters watch what they create
        }
        state.issueCreated(issue, request.user());
        return ApiResponse.json(201, Json.object()
                .put("id", Long.toString(issue.id()))
                .put("key", issue.key())
                .put("self", context.json().self("issue/" + issue.id())));
    }

    private ApiResponse get(ApiRequest request) {
        Issue issue = requireIssue(context, request);
        return ApiResponse.ok(render(request, issue));
    }

    private ApiResponse edit(ApiRequest request) {
        Issue issue = requireIssue(context, request);
        JsonNode body = request.json();
        if (IssueInput.forEdit(context.flavour(), context.state(), body, issue).requireValid().applyTo(issue)) {
            context.state().issueUpdated(issue, request.user(), "issue_updated", changedFields(body));
        }
        return "true".equals(request.query("returnIssue"))
                ? ApiResponse.ok(render(request, issue))
                : ApiResponse.noContent();
    }

    /**
     * {@code PUT /issue/{key}/assignee}: {@code {"accountId": ...}} on Cloud, {@code {"name": ...}} on Data Center.
     * Read as an edit of the assignee field, so the same users and errors apply.
     */
    private ApiResponse assign(ApiRequest request) {
        Issue issue = requireIssue(context, request);
        JsonNode edit = Json.object().set("fields", Json.object().set("assignee", request.json()));
        if (IssueInput.forEdit(context.flavour(), context.state(), edit, issue).requireValid().applyTo(issue)) {
            context.state().issueUpdated(issue, request.user(), "issue_assigned", List.of("assignee"));
        }
        return ApiResponse.noContent();
    }

    private ApiResponse delete(ApiRequest request) {
        // the simulator has no sub-tasks, so deleteSubtasks never has anything to refuse
        context.state().deleteIssue(requireIssue(context, request), request.user());
        return ApiResponse.noContent();
    }

    /** The fields an edit names, in {@code fields} or {@code update}, for the changelog of its event. */
    private static List<String> changedFields(JsonNode body) {
        Set<String> names = new LinkedHashSet<>();
        body.path("fields").fieldNames().forEachRemaining(names::add);
        body.path("update").fieldNames().forEachRemaining(names::add);
        return List.copyOf(names);
    }

    private JsonNode render(ApiRequest request, Issue issue) {
        FieldSelection fields = FieldSelection.parse(request.queryList("fields"), "*all");
        ObjectNode node = context.json().issue(issue, fields, request.queryList("expand").contains("transitions"));
        if (context.flavour() == JiraSimulator.Flavour.CLOUD) {
            // the DC document describes another shape for them (PropertiesBean), which the simulator does not model
            context.json().putProperties(node, issue, request.queryList("properties"));
        }
        return node;
    }
}
