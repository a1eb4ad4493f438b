package org.jiraq.simulator.servicedesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jiraq.simulator.JiraSimulator;
import org.jiraq.simulator.SimulatorContext;
import org.jiraq.simulator.SimulatorFeature;
import org.jiraq.simulator.http.ApiRequest;
import org.jiraq.simulator.http.ApiResponse;
import org.jiraq.simulator.model.Adf;
import org.jiraq.simulator.model.Issue;
import org.jiraq.simulator.model.JiraCatalog;
import org.jiraq.simulator.model.SimulatorState;
import org.jiraq.simulator.model.SimulatorUser;

/**
 * Jira Service Management ({@code /rest/servicedeskapi}) on both flavours: service desks, their request types,
 * customer requests (issues in the desk's project) with their status, and public or internal comments. Lists page
 * with {@code start}/{@code limit}/{@code isLastPage}; operations the JSM document marks experimental need
 * {@code X-ExperimentalApi: opt-in} (412 otherwise).
 *
 * <p>
 * Seed data: desk 1 runs project OPS with five request types (ids 10 to 14), desk 2 runs DEMO with two (20, 21).
 */
public final class ServiceManagementEndpoints implements SimulatorFeature {

    public static final List<ServiceDesk> SERVICE_DESKS = List.of(
            new ServiceDesk("1", SimulatorState.OPS), new ServiceDesk("2", SimulatorState.DEMO));
    public static final List<RequestType> REQUEST_TYPES = List.of(
            new RequestType("10", "1", "Get IT help", "Ask the IT team for help.", JiraCatalog.TASK),
            new RequestType("11", "1", "Report a system problem", "Something is broken.", JiraCatalog.BUG),
            new RequestType("12", "1", "Request new hardware", "A laptop, a screen, a phone.", JiraCatalog.TASK),
            new RequestType("13", "1", "Request access", "Access to a system or a room.", JiraCatalog.TASK),
            new RequestType("14", "1", "Ask a question", "Anything else.", JiraCatalog.TASK),
            new RequestType("20", "2", "General request", "Ask the demo team.", JiraCatalog.TASK),
            new RequestType("21", "2", "Suggest an improvement", "Ideas welcome.", JiraCatalog.STORY));

    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 100;
    private static final String NO_REQUEST = "The request could not be found, or you do not have permission to see it.";

    /** Customer requests by issue id; a request whose issue the state no longer holds (after a reset) is gone. */
    private final Map<Long, CustomerRequest> requests = new HashMap<>();
    private final AtomicLong nextCommentId = new AtomicLong(10000);
    private SimulatorContext context;
    private ServiceDeskJson json;

    @Override
    public void register(SimulatorContext context) {
        this.context = context;
        this.json = new ServiceDeskJson(context.baseUrl());
        context.interceptor(ServiceDeskErrorShape.ORDER, new ServiceDeskErrorShape());
        context.interceptor(ExperimentalApiGate.ORDER, new ExperimentalApiGate());
        String root = ServiceDeskJson.ROOT;
        context.route("GET", root + "/servicedesk", this::serviceDesks);
        context.route("GET", root + "/servicedesk/{serviceDeskId}", this::serviceDesk);
        context.route("GET", root + "/servicedesk/{serviceDeskId}/requesttype", this::requestTypesOfDesk);
        context.route("GET", root + "/servicedesk/{serviceDeskId}/requesttype/{requestTypeId}", this::requestType);
        context.route("GET", root + "/requesttype", this::allRequestTypes);
        context.route("POST", root + "/request", this::create);
        context.route("GET", root + "/request/{issueIdOrKey}", this::request);
        context.route("GET", root + "/request/{issueIdOrKey}/status", this::statuses);
        context.route("GET", root + "/request/{issueIdOrKey}/comment", this::comments);
        context.route("POST", root + "/request/{issueIdOrKey}/comment", this::addComment);
    }

    private ApiResponse serviceDesks(ApiRequest request) {
        return page(request, SERVICE_DESKS, json::serviceDesk, "/servicedesk");
    }

    private ApiResponse serviceDesk(ApiRequest request) {
        return ApiResponse.ok(json.serviceDesk(requireDesk(request.pathParam("serviceDeskId"))));
    }

    private ApiResponse requestTypesOfDesk(ApiRequest request) {
        ServiceDesk desk = requireDesk(request.pathParam("serviceDeskId"));
        return page(request, typesOf(desk.id()), json::requestType, "/servicedesk/" + desk.id() + "/requesttype");
    }

    private ApiResponse requestType(ApiRequest request) {
        ServiceDesk desk = requireDesk(request.pathParam("serviceDeskId"));
        return ApiResponse.ok(json.requestType(requireType(desk, request.pathParam("requestTypeId"), 404)));
    }

    /** Experimental in the JSM document: every desk's request types, or one desk's with {@code serviceDeskId}. */
    private ApiResponse allRequestTypes(ApiRequest request) {
        List<String> desks = request.queryList("serviceDeskId");
        List<RequestType> types = REQUEST_TYPES.stream()
                .filter(type -> desks.isEmpty() || desks.contains(type.serviceDeskId())).toList();
        return page(request, types, json::requestType, "/requesttype");
    }

    private ApiResponse create(ApiRequest request) {
        JsonNode body = request.json();
        if (!body.isObject()) {
            throw ServiceDeskJson.failure(400, "The request body must be a JSON object.", "sd.request.create.invalid");
        }
        ServiceDesk desk = desk(body.path("serviceDeskId").asText());
        if (desk == null) {
            throw ServiceDeskJson.failure(400, "The service desk ID '" + body.path("serviceDeskId").asText()
                    + "' is not valid.", "sd.request.create.servicedesk.invalid");
        }
        RequestType type = requireType(desk, body.path("requestTypeId").asText(), 400);
        JsonNode values = body.path("requestFieldValues");
        String summary = values.path("summary").asText("");
        if (summary.isBlank()) {
            throw ServiceDeskJson.failure(400, "Your request could not be created. Please check the fields have been"
                    + " correctly filled in. Summary is required.", "sd.request.create.field.required");
        }
        values.fieldNames().forEachRemaining(field -> {
            if (!field.equals("summary") && !field.equals("description") && !field.startsWith("customfield_")) {
                throw ServiceDeskJson.failure(400, "Field '" + field + "' is not valid for request type '"
                        + type.name() + "'.", "sd.request.create.field.invalid");
            }
        });
        SimulatorState state = context.state();
        Issue issue = state.createIssue(desk.project(), type.issueType(), summary, request.user());
        String description = values.path("description").asText(null);
        if (description != null) {
            issue.setDescription(context.flavour() == JiraSimulator.Flavour.CLOUD
                    ? Adf.document(description) : TextNode.valueOf(description));
        }
        values.fields().forEachRemaining(field -> {
            if (field.getKey().startsWith("customfield_")) {
                issue.setCustomField(field.getKey(), field.getValue());
            }
        });
        state.issueCreated(issue, request.user());
        List<String> participants = new ArrayList<>();
        body.path("requestParticipants").forEach(p -> participants.add(p.asText()));
        String onBehalfOf = body.path("raiseOnBehalfOf").asText(null);
        SimulatorUser customer = onBehalfOf == null || onBehalfOf.isBlank()
                ? request.user() : new SimulatorUser(onBehalfOf, null, onBehalfOf, onBehalfOf);
        CustomerRequest created = new CustomerRequest(issue, desk, type, customer, participants);
        requests.put(issue.id(), created);
        return ApiResponse.json(201, json.request(created));
    }

    private ApiResponse request(ApiRequest request) {
        return ApiResponse.ok(json.request(requireRequest(request)));
    }

    /** Only the current status is known to the simulator, so the history has one entry. */
    private ApiResponse statuses(ApiRequest request) {
        CustomerRequest found = requireRequest(request);
        return page(request, List.of(found), r -> json.status(r.issue()),
                "/request/" + found.issue().id() + "/status");
    }

    private ApiResponse comments(ApiRequest request) {
        CustomerRequest found = requireRequest(request);
        boolean publicOnes = !"false".equalsIgnoreCase(request.query("public"));
        boolean internalOnes = !"false".equalsIgnoreCase(request.query("internal"));
        List<RequestComment> selected = found.comments().stream()
                .filter(c -> c.visibleToCustomer() ? publicOnes : internalOnes).toList();
        return page(request, selected, c -> json.comment(found, c), "/request/" + found.issue().id() + "/comment");
    }

    private ApiResponse addComment(ApiRequest request) {
        CustomerRequest found = requireRequest(request);
        JsonNode body = request.json();
        String text = body.path("body").asText("");
        if (text.isBlank()) {
            throw ServiceDeskJson.failure(400, "The comment body cannot be empty.", "sd.comment.body.required");
        }
        RequestComment comment = new RequestComment(nextCommentId.getAndIncrement(), text,
                body.path("public").asBoolean(true), request.user(), context.clock().now());
        found.addComment(comment);
        context.state().issueUpdated(found.issue(), request.user(), "issue_commented", List.of());
        return ApiResponse.json(201, json.comment(found, comment));
    }

    private <T> ApiResponse page(ApiRequest request, List<T> all, Function<T, JsonNode> render, String path) {
        int start = Math.max(0, request.queryInt("start", 0));
        int limit = Math.min(Math.max(1, request.queryInt("limit", DEFAULT_LIMIT)), MAX_LIMIT);
        List<JsonNode> rendered = all.stream().map(render).toList();
        return ApiResponse.ok(json.page(rendered, start, limit, json.url(path)));
    }

    private CustomerRequest requireRequest(ApiRequest request) {
        CustomerRequest found = find(request.pathParam("issueIdOrKey"));
        if (found == null) {
            throw ServiceDeskJson.failure(404, NO_REQUEST, "sd.request.not.found");
        }
        return found;
    }

    private CustomerRequest find(String issueIdOrKey) {
        Issue issue = context.state().issue(issueIdOrKey);
        CustomerRequest found = issue == null ? null : requests.get(issue.id());
        return found != null && found.issue() == issue ? found : null;
    }

    private static ServiceDesk desk(String id) {
        return SERVICE_DESKS.stream()
                .filter(d -> d.id().equals(id) || d.project().key().equalsIgnoreCase(id))
                .findFirst().orElse(null);
    }

    private ServiceDesk requireDesk(String id) {
        ServiceDesk desk = desk(id);
        if (desk == null) {
            throw ServiceDeskJson.failure(404, "The service desk '" + id + "' does not exist.",
                    "sd.servicedesk.not.found");
        }
        return desk;
    }

    private static RequestType requireType(ServiceDesk desk, String id, int status) {
        return typesOf(desk.id()).stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> ServiceDeskJson.failure(status, "The request type '" + id
                        + "' does not exist in service desk " + desk.id() + ".", "sd.requesttype.not.found"));
    }

    private static List<RequestType> typesOf(String deskId) {
        return REQUEST_TYPES.stream().filter(t -> t.serviceDeskId().equals(deskId)).toList();
    }
}
