package org.jiraq.simulator.servicedesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.jiraq.simulator.http.ApiException;
import org.jiraq.simulator.http.ApiResponse;
import org.jiraq.simulator.http.Json;
import org.jiraq.simulator.model.Adf;
import org.jiraq.simulator.model.Issue;
import org.jiraq.simulator.model.JiraTime;
import org.jiraq.simulator.model.SimulatorUser;

/**
 * Service Management's JSON: its own DTOs (dates as {@code DateDTO}, users with {@code _links}, paged lists with
 * {@code start}/{@code limit}/{@code isLastPage}) and its own error body, shaped as the JSM document declares them.
 */
public final class ServiceDeskJson {

    static final String ROOT = "/rest/servicedeskapi";

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter FRIENDLY = DateTimeFormatter.ofPattern("dd/MMM/yy h:mm a", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final String baseUrl;
    private final String apiUrl;

    public ServiceDeskJson(String baseUrl) {
        this.baseUrl = baseUrl;
        this.apiUrl = baseUrl + ROOT;
    }

    /** Service Management's error body: {@code {"errorMessage": ..., "i18nErrorMessage": {...}}}. */
    static ApiResponse error(int status, String message, String i18nKey) {
        ObjectNode body = Json.object().put("errorMessage", message);
        body.putObject("i18nErrorMessage").put("i18nKey", i18nKey).putArray("parameters");
        return ApiResponse.json(status, body);
    }

    static ApiException failure(int status, String message, String i18nKey) {
        return new ApiException(error(status, message, i18nKey));
    }

    /** The URL of a resource below the JSM root, e.g. {@code /servicedesk}. */
    String url(String path) {
        return apiUrl + path;
    }

    /** One page of {@code all}, with the links Service Management adds to the list at {@code listUrl}. */
    public ObjectNode page(List<? extends JsonNode> all, int start, int limit, String listUrl) {
        int from = Math.min(start, all.size());
        int to = Math.min(from + limit, all.size());
        ObjectNode page = Json.object();
        page.putArray("_expands");
        page.put("size", to - from).put("start", start).put("limit", limit).put("isLastPage", to >= all.size());
        ObjectNode links = page.putObject("_links").put("base", apiUrl).put("context", "");
        String url = listUrl + (listUrl.contains("?") ? "&" : "?");
        links.put("self", url + "start=" + start + "&limit=" + limit);
        if (to < all.size()) {
            links.put("next", url + "start=" + to + "&limit=" + limit);
        }
        if (start > 0) {
            links.put("prev", url + "start=" + Math.max(0, start - limit) + "&limit=" + limit);
        }
        ArrayNode values = page.putArray("values");
        all.subList(from, to).forEach(values::add);
        return page;
    }

    ObjectNode serviceDesk(ServiceDesk desk) {
        ObjectNode node = Json.object()
                .put("id", desk.id())
                .put("projectId", Long.toString(desk.project().id()))
                .put("projectName", desk.project().name())
                .put("projectKey", desk.project().key());
        node.putObject("_links").put("self", apiUrl + "/servicedesk/" + desk.id());
        return node;
    }

    ObjectNode requestType(RequestType type) {
        ObjectNode node = Json.object();
        node.putArray("_expands");
        node.put("id", type.id());
        node.putObject("_links").put("self", apiUrl + "/servicedesk/" + type.serviceDeskId() + "/requesttype/" + type.id());
        node.put("name", type.name())
                .put("description", type.description())
                .put("helpText", "")
                .put("issueTypeId", Long.toString(type.issueType().id()))
                .put("serviceDeskId", type.serviceDeskId())
                .put("portalId", type.serviceDeskId());
        node.putArray("groupIds");
        return node;
    }

    ObjectNode request(CustomerRequest request) {
        Issue issue = request.issue();
        ObjectNode node = Json.object();
        ArrayNode expands = node.putArray("_expands");
        List.of("participant", "status", "sla", "requestType", "serviceDesk", "attachment", "action", "comment")
                .forEach(expands::add);
        node.put("issueId", Long.toString(issue.id()))
                .put("issueKey", issue.key())
                .put("summary", issue.summary())
                .put("requestTypeId", request.requestType().id())
                .put("serviceDeskId", request.serviceDesk().id());
        node.set("createdDate", date(issue.created()));
        node.set("reporter", user(request.customer()));
        ArrayNode values = node.putArray("requestFieldValues");
        values.addObject().put("fieldId", "summary").put("label", "Summary").put("value", issue.summary());
        if (issue.description() != null) {
            values.addObject().put("fieldId", "description").put("label", "Description")
                    .put("value", Adf.plainText(issue.description()));
        }
        node.set("currentStatus", status(issue));
        node.putObject("_links")
                .put("jiraRest", baseUrl + "/rest/api/2/issue/" + issue.id())
                .put("web", baseUrl + "/servicedesk/customer/portal/" + request.serviceDesk().id() + "/" + issue.key())
                .put("agent", baseUrl + "/browse/" + issue.key())
                .put("self", apiUrl + "/request/" + issue.id());
        return node;
    }

    /** The request's status as Service Management reports it: name, category key in capitals, since when. */
    ObjectNode status(Issue issue) {
        ObjectNode node = Json.object()
                .put("status", issue.status().name())
                .put("statusCategory", issue.status().category().key().toUpperCase(Locale.ROOT));
        node.set("statusDate", date(issue.updated()));
        return node;
    }

    ObjectNode comment(CustomerRequest request, RequestComment comment) {
        ObjectNode node = Json.object();
        node.putArray("_expands").add("attachment").add("renderedBody");
        node.put("id", Long.toString(comment.id()))
                .put("body", comment.body())
                .put("public", comment.visibleToCustomer());
        node.set("author", user(comment.author()));
        node.set("created", date(comment.created()));
        node.putObject("_links").put("self", apiUrl + "/request/" + request.issue().id() + "/comment/" + comment.id());
        return node;
    }

    ObjectNode user(SimulatorUser user) {
        ObjectNode node = Json.object()
                .put("accountId", user.accountId())
                .put("name", user.username())
                .put("key", user.username());
        if (user.email() != null) {
            node.put("emailAddress", user.email());
        }
        node.put("displayName", user.displayName()).put("active", true).put("timeZone", "Etc/UTC");
        ObjectNode links = node.putObject("_links").put("jiraRest", baseUrl + "/rest/api/2/user?accountId="
                + user.accountId());
        ObjectNode avatars = links.putObject("avatarUrls");
        for (String size : List.of("48x48", "24x24", "16x16", "32x32")) {
            avatars.put(size, baseUrl + "/secure/useravatar?size=" + size);
        }
        links.put("self", baseUrl + "/rest/api/2/user?accountId=" + user.accountId());
        return node;
    }

    static ObjectNode date(Instant instant) {
        return Json.object()
                .put("epochMillis", instant.toEpochMilli())
                .put("friendly", FRIENDLY.format(instant))
                .put("iso8601", ISO.format(instant))
                .put("jira", JiraTime.format(instant));
    }
}
