package org.jiraq.camel.client;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import org.jiraq.camel.JiraqConnectionException;

/**
 * Cursor paging by URL: each page names the next one at {@code linkPointer}, {@code /next} (the failed-webhook list)
 * or {@code /links/next} (Jira Service Management Operations), and leaves it out on the last. The link is followed
 * only while it names the same resource on the same site or gateway API; its query is carried over to the request, so
 * the request keeps its own root and credentials. An empty page ends the walk: Jira hands out a next URL even when
 * nothing follows yet.
 */
final class NextUrlPageStyle implements PageStyle {

    private final String itemsField;
    private final JsonPointer linkPointer;
    private final JiraqClient client;

    NextUrlPageStyle(String itemsField, String linkPointer, JiraqClient client) {
        this.itemsField = itemsField;
        this.linkPointer = JsonPointer.compile(linkPointer);
        this.client = client;
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
        try {
            return client.followLink(current, next);
        } catch (IOException e) { // interrupted, or no usable token for the next page's root
            throw JiraqConnectionException.notSent(current, e);
        }
    }

    @Override
    public String nextPosition(JiraqRequest current, JsonNode page, int itemCount) {
        String next = page.at(linkPointer).asText(null);
        return itemCount == 0 || next == null || next.isBlank() ? null : next;
    }
}
