package org.jiraq.camel.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Offset paging: the next page starts where this one ended. The position travels where the request put it: in a JSON
 * body (a POST search) or in the query.
 */
final class OffsetPageStyle implements PageStyle {

    private final String itemsField;
    private final String startParam;
    private final String sizeParam;

    OffsetPageStyle(String itemsField, String startParam, String sizeParam) {
        this.itemsField = itemsField;
        this.startParam = startParam;
        this.sizeParam = sizeParam;
    }

    @Override
    public JsonNode items(JsonNode page) {
        return page.isArray() ? page : page.path(itemsField);
    }

    @Override
    public JiraqRequest next(JiraqRequest current, JsonNode page, int itemCount) {
        String position = nextPosition(current, page, itemCount);
        if (position == null) {
            return null;
        }
        JsonNode body = current.jsonBody() == null ? null : Json.toNode(current.jsonBody());
        if (body != null && body.isObject()) {
            return current.withJsonBody(((ObjectNode) body.deepCopy()).put(startParam, Long.parseLong(position)));
        }
        return current.withQueryParam(startParam, position);
    }

    @Override
    public String nextPosition(JiraqRequest current, JsonNode page, int itemCount) {
        if (itemCount == 0 || page.path("isLast").asBoolean(false) || page.path("isLastPage").asBoolean(false)) {
            return null;
        }
        long start = page.has(startParam) ? page.get(startParam).asLong() : currentStart(current);
        long next = start + itemCount;
        if (page.has("total") && next >= page.get("total").asLong()) {
            return null;
        }
        return Long.toString(next);
    }

    private long currentStart(JiraqRequest current) {
        JsonNode body = current.jsonBody() == null ? null : Json.toNode(current.jsonBody());
        if (body != null && body.has(startParam)) {
            return body.get(startParam).asLong();
        }
        var values = current.query().get(startParam);
        return values == null || values.isEmpty() ? 0 : Long.parseLong(values.get(0));
    }

    String sizeParam() {
        return sizeParam;
    }
}
