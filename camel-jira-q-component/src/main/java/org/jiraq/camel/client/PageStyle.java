package org.jiraq.camel.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How one of Jira's paging styles names its items and the position of the next page. The {@link Paginator} does
 * the walking; a style only reads a page.
 */
public interface PageStyle {

    /** The items of a page. */
    JsonNode items(JsonNode page);

    /**
     * Turns the request for the current page into the request for the next one, or returns null when this was the
     * last page.
     *
     * @param itemCount how many items the current page held
     */
    JiraqRequest next(JiraqRequest current, JsonNode page, int itemCount);

    /** A printable position of the next page (a token or an offset) for routes that page by hand, or null. */
    String nextPosition(JiraqRequest current, JsonNode page, int itemCount);

    /**
     * Offset paging ({@code startAt}, {@code maxResults}, {@code total}, {@code isLast}), items in {@code itemsField}
     * ({@code values}, {@code issues}, {@code comments}). {@code total} may change and {@code isLast} may be absent,
     * so an empty page also ends the walk.
     */
    static PageStyle offset(String itemsField) {
        return new OffsetPageStyle(itemsField, "startAt", "maxResults");
    }

    /** Cloud's token paging ({@code nextPageToken}, {@code isLast}); the token travels in the query or a POST body. */
    static PageStyle nextPageToken(String itemsField) {
        return new TokenPageStyle(itemsField, "nextPageToken", "nextPageToken");
    }

    /**
     * Customer Service Management's cursor paging: the answer's {@code nextPageCursor} goes back as {@code cursor},
     * items in {@code values}; the last page has no cursor.
     */
    static PageStyle nextPageCursor() {
        return new TokenPageStyle("values", "nextPageCursor", "cursor");
    }

    /** Service Management's offset paging ({@code start}, {@code limit}, {@code isLastPage}), items in {@code values}. */
    static PageStyle serviceManagement() {
        return new OffsetPageStyle("values", "start", "limit");
    }

    /**
     * Whichever style the first page shows (token, Service Management, offset, cursor, next link or a single page), for
     * calls whose resource is not known in advance; next links are followed only on the client's own site or API.
     */
    static PageStyle detect(JiraqClient client) {
        return new DetectedPageStyle(client);
    }

    /**
     * Cursor paging where each page holds the URL of the next in {@code next}; an empty page ends it. A link that
     * leaves the resource or the client's site is refused rather than followed.
     */
    static PageStyle nextUrl(String itemsField, JiraqClient client) {
        return new NextUrlPageStyle(itemsField, "/next", client);
    }

    /**
     * Jira Service Management Operations' paging: each page but the last holds the URL of the next in
     * {@code links.next}, on the same API; followed as {@link #nextUrl}.
     */
    static PageStyle linksNext(String itemsField, JiraqClient client) {
        return new NextUrlPageStyle(itemsField, "/links/next", client);
    }
}
