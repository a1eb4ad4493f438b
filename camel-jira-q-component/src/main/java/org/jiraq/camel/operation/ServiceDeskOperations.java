package org.jiraq.camel.operation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.jiraq.camel.JiraqConfiguration;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.JiraqEndpoint;
import org.jiraq.camel.client.JiraqRequest;
import org.jiraq.camel.client.Json;
import org.jiraq.camel.client.PageStyle;

/**
 * Jira Service Management's everyday calls ({@code /rest/servicedeskapi}): getServiceDesks, getRequestTypes,
 * createCustomerRequest, getCustomerRequest and addRequestComment. Lists are paged with Service Management's
 * {@code start}/{@code limit}; operations Jira marks experimental get the {@code X-ExperimentalApi: opt-in} header.
 */
public final class ServiceDeskOperations {

    static final String ROOT = "/rest/servicedeskapi";
    static final String EXPERIMENTAL_HEADER = "X-ExperimentalApi";

    private final JiraqEndpoint endpoint;
    private final JiraqConfiguration config;
    private final Outputs outputs;

    public ServiceDeskOperations(JiraqEndpoint endpoint) {
        this.endpoint = endpoint;
        this.config = endpoint.getConfiguration();
        this.outputs = new Outputs(config.isAdfAsText());
    }

    public void listServiceDesks(Exchange exchange) {
        list(exchange, JiraqRequest.get(ROOT + "/servicedesk"));
    }

    /**
     * The request types of one service desk (header CamelJiraqServiceDeskId or option serviceDeskId); without a desk,
     * those of every desk, through Jira's experimental {@code /requesttype}.
     */
    public void listRequestTypes(Exchange exchange) {
        Message in = exchange.getMessage();
        String desk = in.getHeader(JiraqConstants.SERVICE_DESK_ID, config.getServiceDeskId(), String.class);
        list(exchange, desk == null || desk.isBlank()
                ? JiraqRequest.get(ROOT + "/requesttype").header(EXPERIMENTAL_HEADER, "opt-in")
                : JiraqRequest.get(ROOT + "/servicedesk/" + Inputs.segment(desk.trim()) + "/requesttype"));
    }

    /**
     * The body is Service Management's request ({@code {"serviceDeskId":..., "requestTypeId":...,
     * "requestFieldValues":{...}}}) or just the field values; the headers fill in or override its parts.
     */
    public void createRequest(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        JsonNode body = Inputs.jsonObjectBody(in);
        ObjectNode request = Json.object();
        if (body != null && (body.has("requestFieldValues") || body.has("serviceDeskId") || body.has("requestTypeId"))) {
            request.setAll((ObjectNode) body.deepCopy());
        } else if (body != null) {
            request.set("requestFieldValues", body.deepCopy());
        }
        setText(request, "serviceDeskId", in.getHeader(JiraqConstants.SERVICE_DESK_ID, String.class),
                config.getServiceDeskId());
        setText(request, "requestTypeId", in.getHeader(JiraqConstants.REQUEST_TYPE_ID, String.class),
                config.getRequestTypeId());
        ObjectNode values = request.path("requestFieldValues").isObject()
                ? (ObjectNode) request.get("requestFieldValues") : request.putObject("requestFieldValues");
        putText(values, "summary", in.getHeader(JiraqConstants.SUMMARY, String.class));
        putText(values, "description", in.getHeader(JiraqConstants.DESCRIPTION, String.class));
        JsonNode extra = Inputs.jsonHeader(in, JiraqConstants.REQUEST_FIELD_VALUES);
        if (extra != null) {
            values.setAll((ObjectNode) extra.deepCopy());
        }
        putText(request, "raiseOnBehalfOf", in.getHeader(JiraqConstants.RAISE_ON_BEHALF_OF, String.class));
        List<String> participants = participants(in.getHeader(JiraqConstants.REQUEST_PARTICIPANTS));
        if (participants != null) {
            ArrayNode list = request.putArray("requestParticipants");
            participants.forEach(list::add);
        }
        require(request, "serviceDeskId", JiraqConstants.SERVICE_DESK_ID, "serviceDeskId");
        require(request, "requestTypeId", JiraqConstants.REQUEST_TYPE_ID, "requestTypeId");
        if (values.isEmpty()) {
            throw new IllegalArgumentException(
                    "createCustomerRequest needs field values: set header " + JiraqConstants.SUMMARY + " or "
                                               + JiraqConstants.REQUEST_FIELD_VALUES
                                               + ", or send {\"requestFieldValues\":{...}} as the body");
        }
        JsonNode created = endpoint.getClient(exchange).execute(JiraqRequest.post(ROOT + "/request").json(request).build()).json();
        setRequestHeaders(in, created);
        in.setBody(outputs.map(created));
    }

    /** The request (header CamelJiraqIssueKey, or the key as body) with its current status; option expand applies. */
    public void getRequest(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        String key = Inputs.issueKey(in, "getCustomerRequest");
        JsonNode request = endpoint.getClient(exchange).execute(JiraqRequest.get(requestPath(key))
                .query("expand", config.getExpand()).build()).json();
        setRequestHeaders(in, request);
        in.setBody(outputs.map(request));
    }

    /**
     * The comment is header CamelJiraqComment, else the body: text, or {@code {"body":"...","public":false}}. Public
     * unless header CamelJiraqPublicComment or option publicComment says otherwise.
     */
    public void addComment(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        String key = Inputs.issueKeyHeader(in, "addRequestComment");
        Object comment = in.getHeader(JiraqConstants.COMMENT);
        JsonNode body = comment == null ? Inputs.jsonObjectBody(in) : null;
        if (comment == null) {
            comment = body != null ? body.path("body").asText(null) : in.getBody(String.class);
        }
        if (comment == null || comment.toString().isBlank()) {
            throw new IllegalArgumentException("addRequestComment needs a comment: set header " + JiraqConstants.COMMENT
                                               + " or send it as the body");
        }
        boolean visible = body != null && body.path("public").isBoolean() ? body.get("public").asBoolean()
                : config.isPublicComment();
        Boolean header = in.getHeader(JiraqConstants.PUBLIC_COMMENT, Boolean.class);
        ObjectNode request = Json.object().put("body", comment.toString()).put("public", header != null ? header : visible);
        JsonNode created = endpoint.getClient(exchange).execute(JiraqRequest.post(requestPath(key) + "/comment").json(request)
                .build()).json();
        in.setHeader(JiraqConstants.ISSUE_KEY, key);
        in.setHeader(JiraqConstants.COMMENT_ID, created.path("id").asText());
        in.setBody(outputs.map(created));
    }

    private void list(Exchange exchange, JiraqRequest.Builder first) {
        Message in = exchange.getMessage();
        List<Object> items = new ArrayList<>();
        endpoint.getClient(exchange).paginate(first.query("limit", config.getPageSize()).build(), PageStyle.serviceManagement(),
                Long.MAX_VALUE).forEachRemaining(item -> items.add(outputs.map(item)));
        in.setHeader(JiraqConstants.RESULT_COUNT, items.size());
        in.setBody(items);
    }

    private static void setRequestHeaders(Message in, JsonNode request) {
        in.setHeader(JiraqConstants.ISSUE_KEY, request.path("issueKey").asText(null));
        in.setHeader(JiraqConstants.ISSUE_ID, request.path("issueId").asText(null));
        in.setHeader(JiraqConstants.REQUEST_STATUS, request.path("currentStatus").path("status").asText(null));
    }

    private static String requestPath(String key) {
        return ROOT + "/request/" + Inputs.segment(key);
    }

    private static void setText(ObjectNode request, String field, String header, String option) {
        if (header != null && !header.isBlank()) {
            request.put(field, header.trim());
        } else if (!request.hasNonNull(field) && option != null && !option.isBlank()) {
            request.put(field, option.trim());
        }
    }

    private static void putText(ObjectNode target, String field, String value) {
        if (value != null) {
            target.put(field, value);
        }
    }

    private static void require(ObjectNode request, String field, String header, String option) {
        if (!request.hasNonNull(field) || request.get(field).asText().isBlank()) {
            throw new IllegalArgumentException("createCustomerRequest needs " + field + ": set header " + header
                                               + " or option " + option + ", or put it in the body");
        }
        request.put(field, request.get(field).asText()); // Jira takes ids as strings, also when given as numbers
    }

    private static List<String> participants(Object value) {
        if (value == null) {
            return null;
        }
        Collection<?> items = value instanceof Collection<?> c ? c : Arrays.asList(value.toString().split(","));
        return items.stream().map(String::valueOf).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
