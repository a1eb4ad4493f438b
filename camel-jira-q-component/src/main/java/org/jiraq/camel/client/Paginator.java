package org.jiraq.camel.client;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.Executor;

import com.fasterxml.jackson.databind.JsonNode;
import org.jiraq.camel.JiraqConnectionException;

/**
 * Walks a paged Jira resource lazily: a page is fetched only when the items of the previous one are used up, so
 * {@code split().streaming()} over it holds one page in memory at a time. Stops at the last page, at the item
 * limit, on an empty page, and on a next-page position that was already followed (a server bug would otherwise loop forever).
 */
public final class Paginator implements Iterator<JsonNode> {

    private final JiraqClient client;
    private final PageStyle style;
    private final long limit;
    private JiraqRequest nextRequest;
    private Iterator<JsonNode> current = List.<JsonNode> of().iterator();
    private final Set<String> followedPositions = new HashSet<>();
    private String nextPosition;
    private long delivered;
    private int pages;
    private long fetched;
    private final PagingProgress progress;

    Paginator(JiraqClient client, JiraqRequest first, PageStyle style, long limit) {
        this.client = client;
        this.style = style;
        this.limit = limit;
        this.nextRequest = first;
        this.progress = new PagingProgress(first);
    }

    @Override
    public boolean hasNext() {
        if (delivered >= limit) {
            return false;
        }
        while (!current.hasNext() && nextRequest != null) {
            fetch();
        }
        return current.hasNext();
    }

    @Override
    public JsonNode next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        delivered++;
        return current.next();
    }

    /** Fetches exactly one page (or none when there is no further page) and returns its items. */
    public List<JsonNode> nextPage() {
        List<JsonNode> items = new ArrayList<>();
        if (nextRequest != null && delivered < limit) {
            fetch();
            while (current.hasNext() && delivered < limit) {
                items.add(current.next());
                delivered++;
            }
        }
        return items;
    }

    /** Whether a further page may be fetched: the walk has not reached its last page nor its item limit. */
    public boolean hasMorePages() {
        return nextRequest != null && delivered < limit;
    }

    /**
     * The same walk with the next pages fetched on {@code executor} while the current one is used, at most
     * {@code depth} pages ahead ({@link PrefetchingPages}). Use this paginator only through what it returns.
     */
    public PrefetchingPages prefetching(Executor executor, int depth) {
        return new PrefetchingPages(this, executor, depth);
    }

    /** The position of the page after the last one fetched (a token or an offset), or null at the end. */
    public String nextPosition() {
        return nextPosition;
    }

    public int pagesFetched() {
        return pages;
    }

    public long itemsDelivered() {
        return delivered;
    }

    /** The items on the pages fetched so far, including any not yet consumed. */
    public long itemsFetched() {
        return fetched;
    }

    private void fetch() {
        JsonNode page;
        try {
            page = client.execute(nextRequest).json();
        } catch (IOException e) { // interrupted, or no usable token: the page was not fetched
            throw JiraqConnectionException.notSent(nextRequest, e);
        }
        pages++;
        JsonNode items = style.items(page);
        int count = items.size();
        String position = style.nextPosition(nextRequest, page, count);
        nextRequest = style.next(nextRequest, page, count);
        if (position != null && !followedPositions.add(position)) {
            nextRequest = null; // Jira handed back a position already followed: stop rather than loop
            position = null;
        }
        nextPosition = position;
        current = items.iterator();
        fetched += count;
        progress.pageFetched(pages, fetched, nextRequest == null);
    }
}
