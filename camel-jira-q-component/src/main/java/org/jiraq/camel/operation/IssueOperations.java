package org.jiraq.camel.operation;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.JiraqEndpoint;
import org.jiraq.camel.adf.RichText;
import org.jiraq.camel.client.JiraqRequest;
import org.jiraq.camel.client.Json;

/** createIssue, getIssue, updateIssue, deleteIssue. */
public final class IssueOperations {

    /** Issue fields that hold rich text: ADF on REST v3, strings on v2. */
    static final List<String> RICH_TEXT_FIELDS = List.of("description", "environment");

    private final JiraqEndpoint endpoint;
    private final Outputs outputs;
    private final CreateOnce createOnce;
    private final IssueFieldHeaders fieldHeaders;

    public IssueOperations(JiraqEndpoint endpoint) {
        this.endpoint = endpoint;
        this.outputs = new Outputs(endpoint.getConfiguration().isAdfAsText());
        this.createOnce = new CreateOnce(endpoint);
        this.fieldHeaders = new IssueFieldHeaders(endpoint);
    }

    public void create(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        ObjectNode request = issueRequest(exchange, "createIssue");
        if (isEmpty(request)) {
            throw new IllegalArgumentException(
                    "createIssue needs fields: set headers " + JiraqConstants.PROJECT_KEY + ", "
                                               + JiraqConstants.ISSUE_TYPE_NAME + " and " + JiraqConstants.SUMMARY
                                               + ", or send {\"fields\":{...}} as the body");
        }
        JsonNode created = createOnce.send(in, endpoint.apiPath() + "/issue", request).json();
        in.setHeader(JiraqConstants.ISSUE_KEY, created.path("key").asText());
        in.setHeader(JiraqConstants.ISSUE_ID, created.path("id").asText());
        in.setBody(outputs.map(created));
    }

    public void get(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        String key = Inputs.issueKey(in, "getIssue");
        JsonNode issue = endpoint.getClient(exchange).execute(JiraqRequest.get(issuePath(key))
                .query("fields", in.getHeader(JiraqConstants.FIELDS, String.class))
                .query("expand", endpoint.getConfiguration().getExpand())
                .build()).json();
        in.setBody(outputs.map(issue));
    }

    public void update(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        String key = Inputs.issueKeyHeader(in, "updateIssue");
        ObjectNode request = issueRequest(exchange, "updateIssue");
        if (isEmpty(request)) {
            throw new IllegalArgumentException(
                    "updateIssue needs something to change: headers " + JiraqConstants.SUMMARY + ", "
                                               + JiraqConstants.DESCRIPTION + ", " + JiraqConstants.PRIORITY + ", "
                                               + JiraqConstants.ASSIGNEE + ", " + JiraqConstants.LABELS + ", "
                                               + JiraqConstants.FIELDS + " ..., text as the description, or"
                                               + " {\"fields\":{...}} / {\"update\":{...}} as the body");
        }
        endpoint.getClient(exchange).execute(JiraqRequest.put(issuePath(key))
                .query("notifyUsers", endpoint.getConfiguration().isNotifyUsers() ? null : "false")
                .json(request).build());
        in.setHeader(JiraqConstants.ISSUE_KEY, key);
    }

    public void delete(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        String key = Inputs.issueKey(in, "deleteIssue");
        endpoint.getClient(exchange).execute(JiraqRequest.delete(issuePath(key))
                .query("deleteSubtasks", endpoint.getConfiguration().isDeleteSubtasks() ? "true" : null)
                .build());
        in.setHeader(JiraqConstants.ISSUE_KEY, key);
    }

    String issuePath(String key) {
        return endpoint.apiPath() + "/issue/" + Inputs.segment(key);
    }

    /**
     * Builds Jira's {@code {"fields":{...},"update":{...}}} from the body (see {@link IssueBody}) and the headers,
     * which win over the body; {@code CamelJiraqFields} wins over every other header. A text body is the description.
     */
    private ObjectNode issueRequest(Exchange exchange, String operation) throws Exception {
        Message in = exchange.getMessage();
        boolean creating = "createIssue".equals(operation);
        IssueBody.Read body = IssueBody.read(in, operation, endpoint.getConfiguration().isBodyAsFields());
        ObjectNode request = body.request() != null ? body.request() : Json.object();
        ObjectNode fields = fieldsOf(request);
        String project = in.getHeader(JiraqConstants.PROJECT_KEY, String.class);
        if (project != null && creating) {
            fields.set("project", Json.object().put("key", project));
        }
        String type = in.getHeader(JiraqConstants.ISSUE_TYPE_NAME, String.class);
        if (type != null) {
            fields.set("issuetype", Json.object().put("name", type));
        }
        String summary = in.getHeader(JiraqConstants.SUMMARY, String.class);
        if (summary != null) {
            fields.put("summary", summary);
        }
        Object description = in.getHeader(JiraqConstants.DESCRIPTION);
        if (description == null) {
            description = body.text();
        }
        if (description != null) {
            fields.set("description", RichText.toFieldValue(description, endpoint.usesAdf()));
        }
        fieldHeaders.apply(exchange, fields);
        JsonNode extra = Inputs.jsonHeader(in, JiraqConstants.FIELDS);
        if (extra != null) {
            fields.setAll((ObjectNode) extra.deepCopy());
        }
        return withFields(request, fields, endpoint.usesAdf());
    }

    /**
     * Jira's create body for one issue given as JSON alone (an item of bulkCreateIssues), read as createIssue reads its
     * body (see {@link IssueBody}). Rich-text fields become ADF on API v3.
     */
    static ObjectNode issueRequest(JsonNode item, Object original, boolean asFields, boolean adf) {
        ObjectNode request = IssueBody.request(item, original, "bulkCreateIssues reads each item",
                "Put the item's fields in {\"fields\":{...}}", asFields);
        return withFields(request, fieldsOf(request), adf);
    }

    /** Whether a create or edit body asks for anything at all. */
    static boolean isEmpty(ObjectNode request) {
        return request.path("fields").isEmpty() && request.path("update").isEmpty();
    }

    private static ObjectNode fieldsOf(ObjectNode request) {
        JsonNode fields = request.get("fields");
        if (fields == null || fields.isNull()) {
            return Json.object();
        }
        if (!fields.isObject()) {
            throw new IllegalArgumentException("\"fields\" must be a JSON object of field ids to values");
        }
        return (ObjectNode) fields;
    }

    private static ObjectNode withFields(ObjectNode request, ObjectNode fields, boolean adf) {
        for (String field : RICH_TEXT_FIELDS) {
            if (fields.has(field) && !fields.get(field).isNull()) {
                fields.set(field, RichText.toFieldValue(fields.get(field), adf));
            }
        }
        if (!fields.isEmpty()) {
            request.set("fields", fields);
        }
        return request;
    }
}
