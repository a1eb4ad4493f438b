package org.jiraq.camel.client;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Cursor paging by URL: each page names the next one in {@code next} (the failed-webhook list). The query of that URL
 * is carried over to the request, so the request keeps its own root and credentials. An empty page ends the walk:
 * Jira hands out a next URL even when nothing follows yet.
 */
final class NextUrlPageStyle implements PageStyle {

    private final String itemsField;

    NextUrlPageStyle(String itemsField) {
        this.itemsField = itemsField;
    }

    @Override
    public JsonNode items(JsonNode page) {
        return page.path(itemsField);
    }

    @Override
    public JiraqRequest next(JiraqRequest current, JsonNode page, int itemCount) {
        String next = nextPosition(current, page, itemCount);
        if (next == null) {
            return null;
        }
        JiraqRequest request = current;
        String query = URI.create(next).getRawQuery();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                request = request.withQueryParam(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
            }
        }
        return request;
    }

    @Override
    public String nextPosition(JiraqRequest current, JsonNode page, int itemCount) {
        String next = page.path("next").asText(null);
        return itemCount == 0 || next == null || next.isBlank() ? null : next;
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
