package org.jiraq.camel.operation;

import java.io.Closeable;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.apache.camel.Message;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.adf.Adf;
import org.jiraq.camel.adf.AdfToText;
import org.jiraq.camel.client.Json;
import org.jiraq.camel.client.Paginator;

/**
 * Turns Jira's JSON into what a route works with: plain Java maps and lists (so the simple language, YAML routes and
 * JSONPath all read them), with ADF documents turned to text when the endpoint asks for it.
 */
final class Outputs {

    private final boolean adfAsText;

    Outputs(boolean adfAsText) {
        this.adfAsText = adfAsText;
    }

    Map<String, Object> map(JsonNode node) {
        return Json.toMap(prepare(node));
    }

    List<Object> list(JsonNode array) {
        return Json.toList(prepare(array));
    }

    /** Any JSON value as plain Java: a map, a list, a string, a number, a boolean or null. */
    Object value(JsonNode node) {
        return Json.toJava(prepare(node));
    }

    /** Maps a lazy iterator of items without reading ahead. */
    Iterator<Map<String, Object>> stream(Iterator<JsonNode> items) {
        return lazily(items, this::map);
    }

    /** Like {@link #stream}, for items that need not be objects. */
    Iterator<Object> streamValues(Iterator<JsonNode> items) {
        return lazily(items, this::value);
    }

    private static <T> Iterator<T> lazily(Iterator<JsonNode> items, Function<JsonNode, T> mapping) {
        return new Mapped<>(items, mapping);
    }

    /** Items mapped one by one; closing it (Camel's splitter does when it ends) closes the source if it can be. */
    private record Mapped<T>(Iterator<JsonNode> items, Function<JsonNode, T> mapping) implements Iterator<T>, Closeable {

        @Override
        public boolean hasNext() {
            return items.hasNext();
        }

        @Override
        public T next() {
            return mapping.apply(items.next());
        }

        @Override
        public void close() throws IOException {
            if (items instanceof Closeable closeable) {
                closeable.close();
            }
        }
    }

    /**
     * Sets the progress headers of a paged call. A page-mode call that continues a walk (it was given a next-page
     * position) adds to the counts the previous call left on the message.
     */
    static void progress(Message message, Paginator pages, boolean continued) {
        int pagesBefore = continued ? message.getHeader(JiraqConstants.PAGES_FETCHED, 0, Integer.class) : 0;
        long itemsBefore = continued ? message.getHeader(JiraqConstants.ITEMS_FETCHED, 0L, Long.class) : 0L;
        message.setHeader(JiraqConstants.PAGES_FETCHED, pagesBefore + pages.pagesFetched());
        message.setHeader(JiraqConstants.ITEMS_FETCHED, itemsBefore + pages.itemsDelivered());
    }

    private JsonNode prepare(JsonNode node) {
        if (adfAsText && node != null && node.isContainerNode()) {
            JsonNode copy = node.deepCopy();
            replaceAdf(copy);
            return copy;
        }
        return node;
    }

    private static void replaceAdf(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(e -> {
                if (Adf.isDocument(e.getValue())) {
                    e.setValue(TextNode.valueOf(AdfToText.convert(e.getValue())));
                } else {
                    replaceAdf(e.getValue());
                }
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (Adf.isDocument(array.get(i))) {
                    array.set(i, TextNode.valueOf(AdfToText.convert(array.get(i))));
                } else {
                    replaceAdf(array.get(i));
                }
            }
        }
    }
}
