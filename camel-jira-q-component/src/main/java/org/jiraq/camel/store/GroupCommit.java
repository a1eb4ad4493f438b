package org.jiraq.camel.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Writes what many threads hand in with one transaction per round ("group commit"): {@link #submit} queues an item
 * and returns a future completed once the transaction holding it has committed. The store writes every commit
 * through to its file, which on H2 costs about as much for one row as for hundreds; one commit per webhook would cap
 * intake at a few thousand a second, one per round does not. While a round is being written the next one gathers.
 * <p>
 * When a round fails, each of its items is written again in a transaction of its own, so one bad item (or a row
 * another replica inserted at the same moment) fails only itself.
 * <p>
 * The writer keeps its connection from round to round while it has work, so the database parses its statements once
 * (H2's pool empties a connection's cache of parsed statements when it is given back); it gives the connection back
 * after a second without work, and drops it when a round fails (the database may have gone away).
 *
 * @param <T> what is written
 * @param <R> what a written item answers
 */
public final class GroupCommit<T, R> {

    /** Writes one round on a connection in a transaction; answers one result per item, in order. */
    @FunctionalInterface
    public interface Round<T, R> {
        List<R> write(Connection connection, List<T> items) throws SQLException, IOException;
    }

    private record Entry<T, R>(T item, CompletableFuture<R> result) {
    }

    private static final Entry<?, ?> STOP = new Entry<>(null, null);
    /** How long the writer keeps its connection without work. */
    private static final long IDLE_MILLIS = 1_000;

    private final JiraqStore store;
    private final Round<T, R> round;
    private final int maxRound;
    private final BlockingQueue<Entry<T, R>> queue = new LinkedBlockingQueue<>();
    private ExecutorService thread;
    /** The writer's connection while it has work; used by the writer thread only. */
    private Connection connection;

    /**
     * @param maxRound the most items one transaction writes
     */
    public GroupCommit(JiraqStore store, Round<T, R> round, int maxRound) {
        this.store = store;
        this.round = round;
        this.maxRound = maxRound;
    }

    /** Starts writing on the given single thread, which this then owns. */
    public void start(ExecutorService singleThread) {
        this.thread = singleThread;
        singleThread.execute(this::run);
    }

    /** Queues an item; the future completes once it is committed, or exceptionally when it could not be written. */
    public CompletableFuture<R> submit(T item) {
        CompletableFuture<R> result = new CompletableFuture<>();
        queue.add(new Entry<>(item, result));
        return result;
    }

    /** Writes what is queued, then stops; waits up to {@code timeoutMillis} for it. */
    @SuppressWarnings("unchecked")
    public void stop(long timeoutMillis) throws InterruptedException {
        if (thread == null) {
            return;
        }
        queue.add((Entry<T, R>) STOP);
        thread.shutdown();
        thread.awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS);
        thread = null;
    }

    private void run() {
        List<Entry<T, R>> batch = new ArrayList<>(maxRound);
        boolean stopping = false;
        try {
            while (!stopping) {
                Entry<T, R> first = queue.poll(IDLE_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    release();
                    first = queue.take();
                }
                batch.add(first);
                queue.drainTo(batch, maxRound - 1);
                stopping = batch.remove(STOP);
                if (!batch.isEmpty()) {
                    write(batch);
                }
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            release();
        }
    }

    private void write(List<Entry<T, R>> batch) {
        List<T> items = batch.stream().map(Entry::item).toList();
        try {
            if (connection == null) {
                connection = store.getDataSource().getConnection();
            }
            complete(batch, JiraqStore.inTransaction(connection, c -> round.write(c, items)));
        } catch (SQLException | IOException | RuntimeException failedRound) {
            release();
            for (Entry<T, R> entry : batch) {
                writeAlone(entry);
            }
        }
    }

    private void release() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException alreadyBroken) {
                // a connection a failed round broke: the pool replaces it
            }
            connection = null;
        }
    }

    /**
     * One item in a transaction of its own, twice if need be: a row another replica was inserting at the same moment
     * fails the first try and is seen by the second.
     */
    private void writeAlone(Entry<T, R> entry) {
        for (int attempt = 1; ; attempt++) {
            try {
                complete(List.of(entry), store.inTransaction(c -> round.write(c, List.of(entry.item()))));
                return;
            } catch (IOException | RuntimeException failed) {
                if (attempt == 2) {
                    entry.result().completeExceptionally(failed);
                    return;
                }
            }
        }
    }

    private static <T, R> void complete(List<Entry<T, R>> batch, List<R> results) {
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).result().complete(results.get(i));
        }
    }
}
