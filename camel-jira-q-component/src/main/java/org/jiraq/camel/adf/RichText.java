package org.jiraq.camel.adf;

import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Decides what the component sends for a rich-text field (description, environment, comment body, textarea custom
 * fields), so that one route body works against both API flavours:
 * <ul>
 * <li>Jira Cloud REST v3 takes ADF only: an ADF document passes through untouched, any other text is read as
 * Markdown and converted.</li>
 * <li>Jira Data Center and Cloud REST v2 take strings: text passes through as it is, and an ADF document, as a route
 * written for Cloud would send, is flattened to plain text.</li>
 * </ul>
 * An ADF document may be given as a {@link JsonNode}, a {@link Map} (as produced by unmarshalling JSON or by a YAML
 * route) or a JSON string.
 */
public final class RichText {

    /**
     * Only used to read trees, which an ObjectMapper allows from many threads at once. Trailing tokens fail the parse
     * so that text which merely starts with a JSON document is treated as text.
     */
    private static final ObjectMapper MAPPER
            = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private RichText() {
    }

    /**
     * Returns the JSON value to put in the request for a rich-text field.
     *
     * @param  value                    text, Markdown or an ADF document; null gives JSON null, which clears the field
     * @param  adfApi                   true when the target API takes ADF (Cloud REST v3)
     * @throws IllegalArgumentException when {@code value} is a JSON object, array or map that is not an ADF document
     */
    public static JsonNode toFieldValue(Object value, boolean adfApi) {
        if (value == null || value instanceof JsonNode node && (node.isNull() || node.isMissingNode())) {
            return NullNode.getInstance();
        }
        JsonNode document = asDocument(value);
        if (adfApi) {
            return document != null ? document : MarkdownToAdf.convert(asText(value));
        }
        return TextNode.valueOf(document != null ? AdfToText.convert(document) : asText(value));
    }

    /** Returns the value as an ADF document tree, or null when it is not one. */
    private static JsonNode asDocument(Object value) {
        JsonNode tree;
        if (value instanceof JsonNode node) {
            tree = node.isTextual() ? parseJson(node.textValue()) : node;
        } else if (value instanceof Map<?, ?> map) {
            tree = MAPPER.valueToTree(map);
        } else if (value instanceof CharSequence text) {
            tree = parseJson(text.toString());
        } else {
            tree = null;
        }
        return Adf.isDocument(tree) ? tree : null;
    }

    /** Only text that looks like a JSON object is parsed: everything else is prose, even if it happens to be JSON. */
    private static JsonNode parseJson(String text) {
        if (!text.stripLeading().startsWith("{")) {
            return null;
        }
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return null; // prose that merely starts with a brace
        }
    }

    private static String asText(Object value) {
        if (value instanceof JsonNode node) {
            if (node.isContainerNode()) {
                throw notRichText("JSON " + node.getNodeType().toString().toLowerCase(Locale.ROOT));
            }
            return node.asText();
        }
        if (value instanceof Map<?, ?>) {
            throw notRichText("map");
        }
        return value.toString();
    }

    private static IllegalArgumentException notRichText(String kind) {
        return new IllegalArgumentException("A rich-text field takes text, Markdown or an ADF document "
                + "({\"type\":\"doc\",\"content\":[...]}), but was given a " + kind + " that is not an ADF document");
    }
}
