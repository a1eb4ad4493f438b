package org.jiraq.camel.client;

import com.fasterxml.jackson.databind.JsonNode;

/** Offset paging: the next page starts where this one ended. */
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
        return position == null ? null : current.withQueryParam(startParam, position);
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
        var values = current.query().get(startParam);
        return values == null || values.isEmpty() ? 0 : Long.parseLong(values.get(0));
    }

    String sizeParam() {
        return sizeParam;
    }
}
