package org.jiraq.camel.operation;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.jiraq.camel.JiraqHttpException;
import org.jiraq.camel.JiraqOutcomeUnknownException;
import org.jiraq.camel.client.JiraTime;
import org.jiraq.camel.client.JiraqClient;

/**
 * Finds the issues carrying some idempotency keys without trusting Jira's search index, which follows writes seconds
 * (on Cloud sometimes much) later. Jira numbers the issues of a project in order, and reading an issue by key reads
 * the database, so the walk reads the keys after one that certainly precedes the creates ({@code DEMO-41},
 * {@code DEMO-42}, ...), compares each issue's marker, and stops when all keys are found or it has passed the
 * project's highest key as the walk began.
 *
 * <p>The starting key is the highest one seen created in the project before the first uncertain attempt, or the highest
 * the search index shows when that issue was last updated well before the attempt. From there (or from the project's
 * first key) the start is narrowed by galloping and bisection to the last key whose issue was last updated well before
 * that attempt: an issue moved in later carries a later update, so this never starts past the create.
 */
final class KeyWalk {

    /** Missing keys in a row that mark the end of a project's keys (deleted issues leave shorter gaps). */
    static final int END_GAP = 5;
    /** The most issues one lookup reads before it gives up and reports the outcome as unknown. */
    static final int MAX_READS = 5_000;
    /** How far Jira's clock and ours may differ. */
    private static final Duration CLOCK_SLACK = Duration.ofMinutes(2);

    /** What reading one key showed: when the issue was created and last updated, its marker; or that it is missing. */
    private record Read(boolean exists, Instant created, Instant updated, String marker) {
        static final Read MISSING = new Read(false, null, null, null);
    }

    private final JiraqClient client;
    private final IdempotencyMarkers markers;
    private final String prefix;
    private final Set<String> keys;
    private final Map<Long, Read> reads = new HashMap<>();
    private final Map<String, JsonNode> found = new LinkedHashMap<>();

    KeyWalk(JiraqClient client, IdempotencyMarkers markers, String prefix, Set<String> keys) {
        this.client = client;
        this.markers = markers;
        this.prefix = prefix;
        this.keys = keys;
    }

    /**
     * The issues carrying the keys, by key; a key that is absent has no issue.
     *
     * @param after a key created before the first uncertain attempt, or null when none is known
     * @param since when the first uncertain attempt was sent
     */
    Map<String, JsonNode> find(IssueKey after, Instant since) throws IOException {
        Instant before = since.minus(CLOCK_SLACK);
        long indexTop = markers.highestIndexedNumber(client, prefix);
        long known = after != null && precedesCreates(after.number(), since) ? after.number() : 0;
        if (indexTop > known && precedes(indexTop, before)) {
            known = indexTop;
        }
        long start = startAfter(known, before);
        long end = lastKeyNow(start, indexTop);
        int gap = 0;
        for (long number = start + 1; number <= end && found.size() < keys.size(); number++) {
            if (read(number).exists()) {
                gap = 0;
            } else if (++gap >= END_GAP && number > indexTop) {
                break;
            }
        }
        return found;
    }

    /**
     * How far the walk may go: past the project's highest key as the walk begins, found by galloping forward from
     * {@code start} to {@value #END_GAP} missing keys in a row (and not before the highest key the index shows, in
     * case those were a gap of deleted issues). Keys given later belong to creates made after the uncertain attempts,
     * so the walk does not chase the issues others create meanwhile.
     */
    private long lastKeyNow(long start, long indexTop) throws IOException {
        long existing = start;
        long step = 1;
        while (true) {
            long probe = existing + step;
            if (read(probe).exists()) {
                existing = probe;
                step *= 2;
                continue;
            }
            long gapEnd = probe + END_GAP - 1;
            long beyond = firstExisting(probe + 1, gapEnd);
            if (beyond > 0 || gapEnd < indexTop) {
                existing = beyond > 0 ? beyond : indexTop;
                step = 1;
                continue;
            }
            return gapEnd;
        }
    }

    /** The first key from {@code from} to {@code to} that names an issue, or 0. */
    private long firstExisting(long from, long to) throws IOException {
        for (long number = from; number <= to; number++) {
            if (read(number).exists()) {
                return number;
            }
        }
        return 0;
    }

    /**
     * The last key, at or after {@code known}, whose issue was last updated before {@code before}: galloping forward
     * from {@code known}, then bisecting. Any such key precedes the creates, so the walk may start after it.
     */
    private long startAfter(long known, Instant before) throws IOException {
        long low = known;
        long high = -1;
        for (long step = 1; high < 0; step *= 2) {
            if (precedes(low + step, before)) {
                low += step;
            } else {
                high = low + step;
            }
        }
        while (high - low > 1) {
            long middle = low + (high - low) / 2;
            if (precedes(middle, before)) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /**
     * Whether the key known before the uncertain attempt still names an issue created before it: not when the issue
     * was deleted or the project recreated, numbering from 1 again.
     */
    private boolean precedesCreates(long number, Instant since) throws IOException {
        Read read = read(number);
        return read.exists() && (read.created() == null || read.created().isBefore(since.plus(CLOCK_SLACK)));
    }

    private boolean precedes(long number, Instant before) throws IOException {
        Read read = read(number);
        return read.exists() && read.updated() != null && read.updated().isBefore(before);
    }

    private Read read(long number) throws IOException {
        Read known = reads.get(number);
        if (known != null) {
            return known;
        }
        if (reads.size() >= MAX_READS) {
            throw new JiraqOutcomeUnknownException("Looking for the issues of idempotency keys " + keys + " read "
                                                   + MAX_READS + " issues of project " + prefix
                                                   + " without reaching the last; the create is not sent again", null);
        }
        String key = prefix + "-" + number;
        Read read;
        try {
            JsonNode issue = client.execute(markers.issueRequest(key)).json();
            String marker = markers.markerOf(client, issue);
            read = new Read(true, time(issue, "created"), time(issue, "updated"), marker);
            if (marker != null && keys.contains(marker)) {
                found.putIfAbsent(marker, issue);
            }
        } catch (JiraqHttpException e) {
            if (e.getStatusCode() != 404) {
                throw e;
            }
            read = Read.MISSING;
        }
        reads.put(number, read);
        return read;
    }

    private static Instant time(JsonNode issue, String field) {
        String text = issue.path("fields").path(field).asText(null);
        return text == null ? null : JiraTime.parse(text);
    }
}
