package org.jiraq.simulator.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Just enough of the Atlassian Document Format: recognise a document, read its text, write a one-paragraph one. */
public final class Adf {

    private Adf() {
    }

    /** A document root as Jira Cloud demands it: {@code {"type":"doc","version":1,"content":[...]}}. */
    public static boolean isDocument(JsonNode node) {
        return node != null && node.isObject()
                && "doc".equals(node.path("type").asText())
                && node.path("version").asInt() == 1
                && node.path("content").isArray();
    }

    /** A one-paragraph document holding {@code text}. */
    public static ObjectNode document(String text) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode().put("type", "doc").put("version", 1);
        ObjectNode paragraph = doc.putArray("content").addObject().put("type", "paragraph");
        paragraph.putArray("content").addObject().put("type", "text").put("text", text);
        return doc;
    }

    /** The text of an ADF tree, blocks separated by newlines; a text node is returned as it is. */
    public static String plainText(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "";
        }
        if (node.isTextual()) {
            return node.asText();
        }
        StringBuilder text = new StringBuilder();
        collect(node, text);
        return text.toString().strip();
    }

    private static void collect(JsonNode node, StringBuilder text) {
        if (node.has("text")) {
            text.append(node.path("text").asText());
        }
        if ("hardBreak".equals(node.path("type").asText())) {
            text.append('\n');
        }
        for (JsonNode child : node.path("content")) {
            collect(child, text);
        }
        if (node.path("content").isArray() && !"doc".equals(node.path("type").asText())
                && text.length() > 0 && text.charAt(text.length() - 1) != '\n') {
            text.append('\n');
        }
    }
}
