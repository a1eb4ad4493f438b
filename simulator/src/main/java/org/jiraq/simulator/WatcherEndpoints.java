package org.jiraq.simulator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An issue's watchers: {@code {root}/issue/{issueIdOrKey}/watchers}. Users are named by account id on Cloud and by
 * user name on Data Center, as Jira takes them; adding nobody adds the caller.
 */
final class WatcherEndpoints implements SimulatorFeature {

    private SimulatorContext context;

    @Override
    public void register(SimulatorContext context) {
        this.context = context;
        String path = context.restRoot() + "/issue/{issueIdOrKey}/watchers";
        context.route("GET", path, this::list);
        context.route("POST", path, this::add);
        context.route("DELETE", path, this::remove);
    }

    private ApiResponse list(ApiRequest request) {
        Issue issue = IssueEndpoints.requireIssue(context, request);
        return ApiResponse.ok(context.state().read(() -> context.json().watchers(issue, request.user())));
    }

    private ApiResponse add(ApiRequest request) {
        Issue issue = IssueEndpoints.requireIssue(context, request);
        String body = request.bodyAsString();
        SimulatorUser user = body == null || body.isBlank() ? request.user() : requireUser(request.json());
        context.state().write(() -> issue.addWatcher(user));
        return ApiResponse.noContent();
    }

    private ApiResponse remove(ApiRequest request) {
        Issue issue = IssueEndpoints.requireIssue(context, request);
        String parameter = context.flavour() == JiraSimulator.Flavour.CLOUD ? "accountId" : "username";
        String id = request.query(parameter);
        if (id == null || id.isBlank()) {
            throw ApiException.badRequest(parameter + " must be given.");
        }
        SimulatorUser user = context.state().user(id);
        if (user == null) {
            throw ApiException.notFound("The user " + id + " does not exist.");
        }
        context.state().write(() -> issue.removeWatcher(user));
        return ApiResponse.noContent();
    }

    /** The body is the user as a JSON string: an account id on Cloud, a user name on Data Center. */
    private SimulatorUser requireUser(JsonNode body) {
        SimulatorUser user = body.isTextual() ? context.state().user(body.asText()) : null;
        if (user == null) {
            throw ApiException.badRequest("The user " + body + " does not exist.");
        }
        return user;
    }
}
