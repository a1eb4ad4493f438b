package org.jiraq.camel.adf;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Flattens an ADF document to plain text, for APIs that take strings (Jira Data Center, Cloud REST v2, JSM request
 * fields) and for routes that only need the words of a description or comment.
 * <p>
 * Blocks are separated by a blank line, list items start with {@code "- "} or {@code "1. "} and nested content is
 * indented under its item. Nodes this class does not know are not dropped: their content is rendered instead, so
 * text inside panels, expands, layouts and future node types survives.
 */
public final class AdfToText {

    private static final String BLANK_LINE = "\n\n";

    /** Node types that sit inside a paragraph; an unknown node whose first child is one of these holds inline text. */
    private static final Set<String> INLINE_TYPES = Set.of(
            "text", "hardBreak", "mention", "emoji", "inlineCard", "date", "status", "mediaInline",
            "placeholder", "inlineExtension");

    private AdfToText() {
    }

    /**
     * Returns the text of {@code adf}. Besides a document, any single node or an array of nodes is accepted, and a
     * JSON string or number is returned as its text, so values already converted by Jira pass through.
     */
    public static String convert(JsonNode adf) {
        if (adf == null || adf.isNull() || adf.isMissingNode()) {
            return "";
        }
        if (adf.isValueNode()) {
            return adf.asText();
        }
        if (adf.isArray()) {
            return blocks(adf, BLANK_LINE);
        }
        return block(adf);
    }

    private static String block(JsonNode node) {
        JsonNode content = node.path("content");
        return switch (node.path("type").asText()) {
            case "paragraph", "heading", "codeBlock" -> inlines(content);
            case "bulletList" -> list(content, index -> "- ");
            case "orderedList" -> orderedList(content, node.path("attrs").path("order").asInt(1));
            case "blockquote" -> quote(blocks(content, BLANK_LINE));
            case "rule" -> "----";
            case "table" -> blocks(content, "\n");
            case "tableRow" -> tableRow(content);
            case "taskList", "decisionList" -> blocks(content, "\n");
            case "taskItem" -> ("DONE".equals(node.path("attrs").path("state").asText()) ? "[x] " : "[ ] ")
                    + inlines(content);
            default -> holdsInlines(content) || INLINE_TYPES.contains(node.path("type").asText())
                    ? inline(node)
                    : blocks(content, BLANK_LINE);
        };
    }

    /** Renders each node as a block and joins the non-empty results, so image-only blocks leave no stray gaps. */
    private static String blocks(JsonNode nodes, String separator) {
        List<String> rendered = new ArrayList<>();
        for (JsonNode node : nodes) {
            String text = block(node);
            if (!text.isEmpty()) {
                rendered.add(text);
            }
        }
        return String.join(separator, rendered);
    }

    private static String inlines(JsonNode nodes) {
        StringBuilder text = new StringBuilder();
        nodes.forEach(node -> text.append(inline(node)));
        return text.toString();
    }

    private static String inline(JsonNode node) {
        JsonNode attrs = node.path("attrs");
        return switch (node.path("type").asText()) {
            case "text" -> node.path("text").asText();
            case "hardBreak" -> "\n";
            case "mention" -> mention(attrs);
            case "emoji" -> attrs.hasNonNull("shortName") ? attrs.get("shortName").asText()
                    : attrs.path("text").asText();
            case "inlineCard" -> attrs.path("url").asText();
            case "status" -> attrs.path("text").asText();
            case "date" -> date(attrs.path("timestamp"));
            default -> inlines(node.path("content"));
        };
    }

    /** Jira puts the display name, with its "@", in {@code text}; without it use a display name, then the id. */
    private static String mention(JsonNode attrs) {
        String name = attrs.hasNonNull("text") ? attrs.get("text").asText() : attrs.path("displayName").asText();
        if (name.isEmpty()) {
            name = attrs.path("id").asText();
        }
        return name.startsWith("@") ? name : "@" + name;
    }

    /** ADF dates are UTC epoch milliseconds, given as a string. */
    private static String date(JsonNode timestamp) {
        try {
            Instant instant = Instant.ofEpochMilli(Long.parseLong(timestamp.asText()));
            return instant.atOffset(ZoneOffset.UTC).toLocalDate().toString();
        } catch (NumberFormatException e) {
            return timestamp.asText();
        }
    }

    private static String orderedList(JsonNode items, int firstNumber) {
        return list(items, index -> (firstNumber + index) + ". ");
    }

    /** Each item starts with its marker; its further lines are indented to line up under the item's first word. */
    private static String list(JsonNode items, IntFunction<String> marker) {
        List<String> rendered = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String itemMarker = marker.apply(i);
            String body = blocks(items.get(i).path("content"), "\n");
            rendered.add(prefixLines(body, itemMarker, " ".repeat(itemMarker.length())));
        }
        return String.join("\n", rendered);
    }

    private static String tableRow(JsonNode cells) {
        List<String> rendered = new ArrayList<>();
        for (JsonNode cell : cells) {
            rendered.add(blocks(cell.path("content"), " ").replace('\n', ' '));
        }
        return String.join(" | ", rendered);
    }

    private static String quote(String text) {
        return text.isEmpty() ? text : prefixLines(text, "> ", "> ");
    }

    /** Prefixes the first line and every further line; blank lines get no trailing spaces. */
    private static String prefixLines(String text, String firstPrefix, String restPrefix) {
        String[] lines = text.split("\n", -1);
        StringBuilder prefixed = new StringBuilder(prefixLine(firstPrefix, lines[0]));
        for (int i = 1; i < lines.length; i++) {
            prefixed.append('\n').append(prefixLine(restPrefix, lines[i]));
        }
        return prefixed.toString();
    }

    private static String prefixLine(String prefix, String line) {
        return line.isEmpty() ? prefix.stripTrailing() : prefix + line;
    }

    private static boolean holdsInlines(JsonNode content) {
        return content.size() > 0 && INLINE_TYPES.contains(content.get(0).path("type").asText());
    }
}
