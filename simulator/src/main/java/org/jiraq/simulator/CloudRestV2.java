package org.jiraq.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestWrapper;
import com.github.tomakehurst.wiremock.http.Body;
import com.github.tomakehurst.wiremock.http.Request;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Jira Cloud's REST API v2 beside v3: "the same collection of operations", with rich text (issue description and
 * environment, comment bodies) as plain strings instead of Atlassian Document Format. A v2 call is served as its v3
 * twin: strings in its body become one-paragraph documents on the way in (so the request is checked against the v3
 * document), and every document in the answer becomes its text on the way out (an answer the v3 document does not
 * describe, so it is not checked). Cloud only.
 */
final class CloudRestV2 implements SimulatorFeature {

    /** Set on the requests this rewrote: the caller used v2. */
    static final String MARKER = "X-Simulator-Rest-Version";
    private static final Pattern V2 = Pattern.compile("^((https?://[^/]+)?(/ex/jira/[^/]+)?)/rest/api/2/");
    private static final List<String> RICH_FIELDS = List.of("description", "environment");

    @Override
    public void register(SimulatorContext context) {
        if (context.flavour() != JiraSimulator.Flavour.CLOUD) {
            return;
        }
        context.rewrite(CloudRestV2::asV3);
        context.interceptor(Interceptor.ORDER_CONTRACT - 10, (request, next) -> {
            ApiResponse answer = next.proceed(request);
            JsonNode json = request.header(MARKER) == null ? null : parsed(answer.body());
            return json == null ? answer : answer.withBody(Json.write(asText(json)))
                    .withHeader(ContractValidator.UNDOCUMENTED_ANSWER, "REST v2");
        });
    }

    private static Request asV3(Request request) {
        if (!V2.matcher(request.getUrl()).find() || request.containsHeader(MARKER)) {
            return request;
        }
        return RequestWrapper.create()
                .transformAbsoluteUrl(url -> V2.matcher(url).replaceFirst("$1/rest/api/3/"))
                .transformBody(body -> {
                    JsonNode json = parsed(body.asString());
                    return json == null ? body
                            : Body.fromJsonBytes(Json.write(asAdf(json)).getBytes(StandardCharsets.UTF_8));
                })
                .addHeader(MARKER, "2")
                .wrap(request);
    }

    /** A JSON object or array, or null when the text is none (no body, a form, a file). */
    private static JsonNode parsed(String text) {
        if (text == null || !text.stripLeading().startsWith("{") && !text.stripLeading().startsWith("[")) {
            return null;
        }
        try {
            return Json.parse(text);
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }

    /** A v2 request body with its rich text as v3 wants it: issue fields and a comment's body as documents. */
    private static JsonNode asAdf(JsonNode body) {
        if (body instanceof ObjectNode object) {
            if (object.path("body").isTextual()) {
                object.set("body", Adf.document(object.path("body").asText()));
            }
            if (object.path("fields") instanceof ObjectNode fields) {
                RICH_FIELDS.stream().filter(field -> fields.path(field).isTextual())
                        .forEach(field -> fields.set(field, Adf.document(fields.path(field).asText())));
            }
            for (JsonNode issue : object.path("issueUpdates")) {
                asAdf(issue);
            }
        }
        return body;
    }

    /** A v3 answer as v2 gives it: every document replaced by its text. */
    private static JsonNode asText(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                field.setValue(Adf.isDocument(field.getValue()) ? Json.MAPPER.getNodeFactory()
                        .textNode(Adf.plainText(field.getValue())) : asText(field.getValue()));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, Adf.isDocument(array.get(i)) ? Json.MAPPER.getNodeFactory()
                        .textNode(Adf.plainText(array.get(i))) : asText(array.get(i)));
            }
        }
        return node;
    }
}
