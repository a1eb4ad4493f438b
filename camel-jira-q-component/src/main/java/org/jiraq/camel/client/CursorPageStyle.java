package org.jiraq.camel.client;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Cursor paging ({@code GET /webhook/failed}): each page links to the next one with a {@code next} URL and leaves it
 * out on the last page. The link is followed only while it names the same resource on the same site.
 */
final class CursorPageStyle implements PageStyle {

    private final String itemsField;
    private final JiraqClient client;

    CursorPageStyle(String itemsField, JiraqClient client) {
        this.itemsField = itemsField;
        this.client = client;
    }

    @Override
    public JsonNode items(JsonNode page) {
        return page.path(itemsField);
    }

    @Override
    public JiraqRequest next(JiraqRequest current, JsonNode page, int itemCount) {
        String link = nextPosition(current, page, itemCount);
        if (link == null) {
            return null;
        }
        try {
            return client.followLink(current, link);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String nextPosition(JiraqRequest current, JsonNode page, int itemCount) {
        String link = page.path("next").asText(null);
        return itemCount == 0 || link == null || link.isBlank() ? null : link;
    }
}
