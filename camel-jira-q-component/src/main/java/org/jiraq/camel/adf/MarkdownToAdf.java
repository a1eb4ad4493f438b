package org.jiraq.camel.adf;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * Converts Markdown (or plain text, which is Markdown without markup) to an ADF document, so routes can send
 * human-written text to fields that Jira Cloud's v3 API only accepts as ADF.
 * <p>
 * CommonMark core has no strikethrough or tables (both are GFM extensions), so {@code ~~x~~} and pipe tables stay
 * literal text. Line breaks inside a paragraph become {@code hardBreak}s because people writing issue text expect
 * their line breaks to survive, unlike rendered Markdown which joins the lines.
 */
final class MarkdownToAdf {

    /** commonmark's parser is immutable and documented as safe to share between threads. */
    private static final Parser PARSER = Parser.builder().build();

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** The only block types ADF allows inside a {@code listItem} or a {@code blockquote} (of those produced here). */
    private static final Set<String> NESTABLE_BLOCKS = Set.of("paragraph", "codeBlock", "bulletList", "orderedList");

    private static final Set<String> LIST_BLOCKS = Set.of("bulletList", "orderedList");

    private MarkdownToAdf() {
    }

    /**
     * Parses {@code markdownOrPlainText} and returns {@code {"version":1,"type":"doc","content":[...]}}; a null or
     * blank input yields a document with empty content.
     */
    public static ObjectNode convert(String markdownOrPlainText) {
        ObjectNode doc = JSON.objectNode().put("version", 1).put("type", "doc");
        ArrayNode content = doc.putArray("content");
        if (markdownOrPlainText != null && !markdownOrPlainText.isBlank()) {
            content.addAll(blocks(PARSER.parse(markdownOrPlainText)));
        }
        return doc;
    }

    private static List<ObjectNode> blocks(Node parent) {
        List<ObjectNode> blocks = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            ObjectNode block = block(child);
            if (block != null) {
                blocks.add(block);
            }
        }
        return blocks;
    }

    /** Returns null for Markdown blocks with nothing to show, such as link reference definitions. */
    private static ObjectNode block(Node node) {
        if (node instanceof Paragraph) {
            return withContent(typed("paragraph"), inlines(node));
        }
        if (node instanceof Heading heading) {
            ObjectNode block = typed("heading");
            block.putObject("attrs").put("level", heading.getLevel());
            return withContent(block, inlines(node));
        }
        if (node instanceof BulletList) {
            return withContent(typed("bulletList"), listItems(node));
        }
        if (node instanceof OrderedList list) {
            ObjectNode block = typed("orderedList");
            Integer start = list.getMarkerStartNumber();
            if (start != null && start != 1) {
                block.putObject("attrs").put("order", start);
            }
            return withContent(block, listItems(node));
        }
        if (node instanceof FencedCodeBlock code) {
            return codeBlock(language(code.getInfo()), code.getLiteral());
        }
        if (node instanceof IndentedCodeBlock code) {
            return codeBlock(null, code.getLiteral());
        }
        if (node instanceof BlockQuote) {
            return withContent(typed("blockquote"), nestable(blocks(node)));
        }
        if (node instanceof ThematicBreak) {
            return typed("rule");
        }
        if (node instanceof HtmlBlock html) {
            // Jira cannot render raw HTML, so show the markup the author wrote instead of dropping it
            return withContent(typed("paragraph"), lines(stripFinalNewline(html.getLiteral())));
        }
        return null;
    }

    private static ArrayNode listItems(Node list) {
        ArrayNode items = JSON.arrayNode();
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (item instanceof ListItem) {
                items.add(listItem(item));
            }
        }
        return items;
    }

    private static ObjectNode listItem(Node item) {
        List<ObjectNode> content = nestable(blocks(item));
        // ADF requires a listItem to hold something and to start with a paragraph or code block, while Markdown
        // allows empty items ("-") and items that open with a nested list ("- - x")
        if (content.isEmpty() || LIST_BLOCKS.contains(content.get(0).get("type").asText())) {
            content.add(0, withContent(typed("paragraph"), JSON.arrayNode()));
        }
        return withContent(typed("listItem"), content);
    }

    /**
     * Reshapes blocks to fit inside a listItem or blockquote, which ADF restricts to paragraphs, code blocks and
     * lists: a heading keeps its text as a paragraph, a nested quote gives up its children, a rule is dropped.
     */
    private static List<ObjectNode> nestable(List<ObjectNode> blocks) {
        List<ObjectNode> fitted = new ArrayList<>();
        for (ObjectNode block : blocks) {
            String type = block.get("type").asText();
            if (NESTABLE_BLOCKS.contains(type)) {
                fitted.add(block);
            } else if (type.equals("heading")) {
                fitted.add(withContent(typed("paragraph"), (ArrayNode) block.get("content")));
            } else if (type.equals("blockquote")) {
                block.get("content").forEach(child -> fitted.add((ObjectNode) child));
            }
        }
        return fitted;
    }

    private static ObjectNode codeBlock(String language, String literal) {
        ObjectNode block = typed("codeBlock");
        if (language != null) {
            block.putObject("attrs").put("language", language);
        }
        ArrayNode content = JSON.arrayNode();
        String code = stripFinalNewline(literal);
        if (!code.isEmpty()) {
            content.add(typed("text").put("text", code));
        }
        return withContent(block, content);
    }

    /** The first word of a fence's info string names the language ("java title=x" → "java"). */
    private static String language(String info) {
        String trimmed = info == null ? "" : info.strip();
        return trimmed.isEmpty() ? null : trimmed.split("\\s+", 2)[0];
    }

    private static ArrayNode lines(String text) {
        ArrayNode content = JSON.arrayNode();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                content.add(typed("hardBreak"));
            }
            appendText(content, lines[i], List.of());
        }
        return content;
    }

    private static ArrayNode inlines(Node parent) {
        ArrayNode content = JSON.arrayNode();
        appendInlines(content, parent, List.of());
        return content;
    }

    /** Walks the inline children of {@code parent}; emphasis and links contribute marks to the text inside them. */
    private static void appendInlines(ArrayNode content, Node parent, List<ObjectNode> marks) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Text text) {
                appendText(content, text.getLiteral(), marks);
            } else if (node instanceof Code code) {
                appendText(content, code.getLiteral(), codeMarks(marks));
            } else if (node instanceof Emphasis) {
                appendInlines(content, node, withMark(marks, typed("em")));
            } else if (node instanceof StrongEmphasis) {
                appendInlines(content, node, withMark(marks, typed("strong")));
            } else if (node instanceof Link link) {
                appendInlines(content, node, withLink(marks, link.getDestination(), link.getTitle()));
            } else if (node instanceof Image image) {
                // ADF media must be uploaded to Jira first, so an image becomes a link to it labelled by its alt text
                List<ObjectNode> linked = withLink(marks, image.getDestination(), image.getTitle());
                if (image.getFirstChild() == null) {
                    appendText(content, image.getDestination(), linked);
                } else {
                    appendInlines(content, node, linked);
                }
            } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
                content.add(typed("hardBreak"));
            } else if (node instanceof HtmlInline html) {
                appendText(content, html.getLiteral(), marks);
            } else {
                appendInlines(content, node, marks);
            }
        }
    }

    /**
     * Appends a text node, merging it into the previous one when their marks are equal. Empty text is skipped:
     * ADF rejects text nodes without characters. Each text node gets its own copy of the marks, so a caller editing
     * one node of the returned tree does not change its neighbours.
     */
    private static void appendText(ArrayNode content, String text, List<ObjectNode> marks) {
        if (text == null || text.isEmpty()) {
            return;
        }
        ArrayNode markArray = JSON.arrayNode().addAll(marks);
        if (!content.isEmpty()) {
            JsonNode last = content.get(content.size() - 1);
            JsonNode lastMarks = last.has("marks") ? last.get("marks") : JSON.arrayNode();
            if ("text".equals(last.path("type").textValue()) && lastMarks.equals(markArray)) {
                ((ObjectNode) last).put("text", last.get("text").textValue() + text);
                return;
            }
        }
        ObjectNode node = typed("text").put("text", text);
        if (!marks.isEmpty()) {
            node.set("marks", markArray.deepCopy());
        }
        content.add(node);
    }

    /** Adds {@code mark} unless a mark of its type is already applied: ADF forbids repeating a mark type. */
    private static List<ObjectNode> withMark(List<ObjectNode> marks, ObjectNode mark) {
        String type = mark.get("type").asText();
        if (marks.stream().anyMatch(existing -> existing.get("type").asText().equals(type))) {
            return marks;
        }
        List<ObjectNode> extended = new ArrayList<>(marks);
        extended.add(mark);
        return List.copyOf(extended);
    }

    /** A link without a destination ({@code [text]()}) has nothing to point to, so its text stays unlinked. */
    private static List<ObjectNode> withLink(List<ObjectNode> marks, String href, String title) {
        if (href == null || href.isEmpty()) {
            return marks;
        }
        ObjectNode link = typed("link");
        ObjectNode attrs = link.putObject("attrs").put("href", href);
        if (title != null && !title.isEmpty()) {
            attrs.put("title", title);
        }
        return withMark(marks, link);
    }

    /** ADF only lets the {@code code} mark combine with {@code link}, so bold or italic around inline code is lost. */
    private static List<ObjectNode> codeMarks(List<ObjectNode> marks) {
        List<ObjectNode> kept = new ArrayList<>();
        for (ObjectNode mark : marks) {
            if (mark.get("type").asText().equals("link")) {
                kept.add(mark);
            }
        }
        kept.add(typed("code"));
        return List.copyOf(kept);
    }

    private static String stripFinalNewline(String text) {
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    /** Nodes and marks alike are objects identified by their {@code type}. */
    private static ObjectNode typed(String type) {
        return JSON.objectNode().put("type", type);
    }

    private static ObjectNode withContent(ObjectNode node, ArrayNode content) {
        node.set("content", content);
        return node;
    }

    private static ObjectNode withContent(ObjectNode node, List<ObjectNode> content) {
        return withContent(node, JSON.arrayNode().addAll(content));
    }
}
