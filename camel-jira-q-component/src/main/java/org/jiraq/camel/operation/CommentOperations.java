package org.jiraq.camel.operation;

import java.util.ArrayList;
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
import org.jiraq.camel.client.PageStyle;

/** addComment and getComments. */
public final class CommentOperations {

    private final JiraqEndpoint endpoint;
    private final Outputs outputs;

    public CommentOperations(JiraqEndpoint endpoint) {
        this.endpoint = endpoint;
        this.outputs = new Outputs(endpoint.getConfiguration().isAdfAsText());
    }

    /**
     * The comment is header {@code CamelJiraqComment}, else the body: text (Markdown on v3), an ADF document, or
     * Jira's request shape {@code {"body":..., "visibility":{...}}}.
     */
    public void add(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        String key = Inputs.issueKeyHeader(in, "addComment");
        Object comment = in.getHeader(JiraqConstants.COMMENT);
        if (comment == null) {
            comment = in.getBody();
        }
        if (comment == null || comment instanceof String text && text.isBlank()) {
            throw new IllegalArgumentException(
                    "addComment needs a comment: set header " + JiraqConstants.COMMENT + " or send it as the body");
        }
        ObjectNode request = commentRequest(comment);
        JsonNode created = endpoint.getClient(exchange).execute(
                JiraqRequest.post(endpoint.apiPath() + "/issue/" + Inputs.segment(key) + "/comment").json(request)
                        .build())
                .json();
        in.setHeader(JiraqConstants.ISSUE_KEY, key);
        in.setHeader(JiraqConstants.COMMENT_ID, created.path("id").asText());
        in.setBody(outputs.map(created));
    }

    public void list(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        String key = Inputs.issueKey(in, "getComments");
        JiraqRequest first = JiraqRequest.get(endpoint.apiPath() + "/issue/" + Inputs.segment(key) + "/comment")
                .query("maxResults", endpoint.getConfiguration().getPageSize())
                .build();
        List<Object> comments = new ArrayList<>();
        endpoint.getClient(exchange).paginate(first, PageStyle.offset("comments"), Long.MAX_VALUE)
                .forEachRemaining(c -> comments.add(outputs.map(c)));
        in.setHeader(JiraqConstants.RESULT_COUNT, comments.size());
        in.setBody(comments);
    }

    private ObjectNode commentRequest(Object comment) {
        JsonNode node = comment instanceof String text && !Inputs.looksLikeJson(text) ? null : Json.toNode(comment);
        if (node != null && node.isObject() && node.has("body")) {
            ObjectNode request = node.deepCopy();
            request.set("body", RichText.toFieldValue(request.get("body"), endpoint.usesAdf()));
            return request;
        }
        return Json.object().set("body", RichText.toFieldValue(comment, endpoint.usesAdf()));
    }
}
