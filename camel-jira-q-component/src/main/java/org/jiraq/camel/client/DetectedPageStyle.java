package org.jiraq.camel.client;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Recognises which of Jira's paging styles an answer uses from its first page, and pages on in that style: the one
 * place where the styles are told apart, for calls whose resource the component does not know in advance.
 * <ul>
 * <li>{@code nextPageToken}: Cloud token paging ({@code /search/jql});</li>
 * <li>{@code nextPageCursor}: Customer Service Management's cursor paging (products);</li>
 * <li>{@code isLastPage} or {@code start} with {@code limit}: Service Management ({@code /rest/servicedeskapi});</li>
 * <li>{@code startAt}: offset paging ({@code PageBean*}, comments, worklogs, Data Center search);</li>
 * <li>{@code next} (a URL): cursor paging ({@code /webhook/failed});</li>
 * <li>{@code links.next} (a URL): Jira Service Management Operations (alerts and the like);</li>
 * <li>anything else holding a list, or a bare JSON array: a single page.</li>
 * </ul>
 * The items are the array in {@code values}, {@code issues}, {@code comments} or {@code worklogs}, else the answer's
 * only array.
 */
final class DetectedPageStyle implements PageStyle {

    private static final List<String> ITEM_FIELDS = List.of("values", "issues", "comments", "worklogs");

    private final JiraqClient client;
    private PageStyle style;

    DetectedPageStyle(JiraqClient client) {
        this.client = client;
    }

    @Override
    public JsonNode items(JsonNode page) {
        return styleOf(page).items(page);
    }

    @Override
    public JiraqRequest next(JiraqRequest current, JsonNode page, int itemCount) {
        return styleOf(page).next(current, page, itemCount);
    }

    @Override
    public String nextPosition(JiraqRequest current, JsonNode page, int itemCount) {
        return styleOf(page).nextPosition(current, page, itemCount);
    }

    private PageStyle styleOf(JsonNode firstPage) {
        if (style == null) {
            style = detect(firstPage);
        }
        return style;
    }

    private PageStyle detect(JsonNode page) {
        if (page.isArray()) {
            return SinglePage.ITSELF;
        }
        String items = itemsField(page);
        if (page.path("nextPageToken").isTextual()) {
            return PageStyle.nextPageToken(items);
        }
        if (page.path("nextPageCursor").isTextual()) {
            return PageStyle.nextPageCursor();
        }
        if (page.has("isLastPage") || page.has("start") && page.has("limit")) {
            return new OffsetPageStyle(items, "start", "limit");
        }
        if (page.has("startAt")) {
            return PageStyle.offset(items);
        }
        if (page.path("next").isTextual()) {
            return PageStyle.nextUrl(items, client);
        }
        if (page.path("links").path("next").isTextual()) {
            return PageStyle.linksNext(items, client);
        }
        return new SinglePage(items);
    }

    private static String itemsField(JsonNode page) {
        for (String field : ITEM_FIELDS) {
            if (page.path(field).isArray()) {
                return field;
            }
        }
        List<String> arrays = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = page.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isArray()) {
                arrays.add(field.getKey());
            }
        }
        if (arrays.size() != 1) {
            throw new IllegalStateException("The answer is not a paged list: it holds " + (arrays.isEmpty()
                    ? "no array" : "several arrays " + arrays) + " and none of " + ITEM_FIELDS
                                            + "; call it without paginate to get the answer as it is");
        }
        return arrays.get(0);
    }

    /** A list that comes in one piece. */
    private static final class SinglePage implements PageStyle {

        static final SinglePage ITSELF = new SinglePage(null);

        private final String itemsField;

        SinglePage(String itemsField) {
            this.itemsField = itemsField;
        }

        @Override
        public JsonNode items(JsonNode page) {
            return itemsField == null ? page : page.path(itemsField);
        }

        @Override
        public JiraqRequest next(JiraqRequest current, JsonNode page, int itemCount) {
            return null;
        }

        @Override
        public String nextPosition(JiraqRequest current, JsonNode page, int itemCount) {
            return null;
        }
    }
}
