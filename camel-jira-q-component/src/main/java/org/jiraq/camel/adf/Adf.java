package org.jiraq.camel.adf;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Recognises Atlassian Document Format documents, the rich-text representation Jira Cloud's REST API v3 uses for
 * descriptions, comments, environments and textarea custom fields.
 */
public final class Adf {

    private Adf() {
    }

    /**
     * Whether {@code node} is the root of an ADF document: an object with {@code "type": "doc"} and a
     * {@code content} array. The {@code version} field is not required, so documents assembled by hand without it are
     * still passed through rather than mistaken for text.
     */
    public static boolean isDocument(JsonNode node) {
        return node != null
                && node.isObject()
                && "doc".equals(node.path("type").textValue())
                && node.path("content").isArray();
    }
}
