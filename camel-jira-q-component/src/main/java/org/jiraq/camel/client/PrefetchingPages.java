package org.jiraq.camel.client;

import java.io.Closeable;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The items of a paged walk, with the next pages fetched while the current one is used: so a route that processes a
 * page takes about as long as fetching one, and a long export runs at the rate Jira serves pages rather than at that
 * rate slowed by the route. At most {@code depth} pages are fetched ahead of the one in use, so memory stays that of
 * {@code depth + 1} pages however long the walk. Pages are fetched one after another on {@code executor} (each request
 * needs the previous answer's position), never two at once.
 * <p>
 * A failed page surfaces where the walk reaches it, after the items before it. Closing (Camel's splitter closes the
 * iterator at its end) cancels what is not fetched yet; an iterator that is simply dropped fetches at most
 * {@code depth} pages more and holds no thread, since no task ever waits for the consumer.
 */
public final class PrefetchingPages implements Iterator<JsonNode>, Closeable {

    private final Paginator pages;
    private final Executor executor;
    private final int depth;
    private final ArrayDeque<CompletableFuture<List<JsonNode>>> ahead = new ArrayDeque<>();
    private CompletableFuture<List<JsonNode>> last = CompletableFuture.completedFuture(List.of());
    private Iterator<JsonNode> current = Collections.emptyIterator();
    private boolean finished;
    private volatile boolean closed;

    PrefetchingPages(Paginator pages, Executor executor, int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("Prefetching needs a depth of at least 1 page, not " + depth);
        }
        this.pages = pages;
        this.executor = executor;
        this.depth = depth;
        topUp(); // the first page is on its way before the route asks for it
    }

    @Override
    public boolean hasNext() {
        while (!current.hasNext()) {
            if (finished || closed) {
                return false;
            }
            List<JsonNode> page = await(ahead.poll());
            if (page == null) {
                finish();
                return false;
            }
            current = page.iterator();
            topUp();
        }
        return true;
    }

    @Override
    public JsonNode next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return current.next();
    }

    /** Stops the walk: pages not fetched yet never will be; the one being fetched is dropped when it arrives. */
    @Override
    public void close() {
        closed = true;
        finish();
    }

    /** The paginator walked, for its counts (pages fetched so far, including those fetched ahead). */
    public Paginator paginator() {
        return pages;
    }

    private void topUp() {
        while (!finished && ahead.size() < depth) {
            last = last.thenApplyAsync(previous -> previous == null ? null : fetch(), executor);
            ahead.add(last);
        }
    }

    /** One page on the executor: its items, or null when the walk is over (or closed). */
    private List<JsonNode> fetch() {
        if (closed || !pages.hasMorePages()) {
            return null;
        }
        return pages.nextPage();
    }

    private List<JsonNode> await(CompletableFuture<List<JsonNode>> page) {
        try {
            return page.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new UncheckedIOException(new InterruptedIOException("Interrupted while waiting for a page from Jira"));
        } catch (CancellationException e) {
            return null;
        } catch (ExecutionException e) {
            finish();
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void finish() {
        finished = true;
        current = Collections.emptyIterator();
        ahead.forEach(f -> f.cancel(false));
        ahead.clear();
    }
}
