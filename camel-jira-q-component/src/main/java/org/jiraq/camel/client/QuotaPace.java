package org.jiraq.camel.client;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Spends Jira's points quota evenly across its window, so a steady workload never runs into the lock-out that follows
 * a spent quota (every call refused until the reset). The budget comes from Jira's structured headers,
 * {@code RateLimit-Policy: "tenant-app-quota";q=65000;w=3600} and {@code RateLimit: "tenant-app-quota";r=41000;t=1800}
 * (or their {@code Beta-} forms), else from the options {@code quotaPoints} and {@code quotaWindow}: the pace is
 * {@value #SAFETY} of what is left over the time left ({@code r / t}), so an early burst slows the rest of the window
 * and an idle spell lets it catch up. A call's price is learned per endpoint from what Jira charges (1 point plus 1 per
 * core object returned, 2 per identity object; a write 1 point), as a moving average. Times are nanoTime.
 */
final class QuotaPace {

    static final double SAFETY = 0.95;
    private static final Pattern POLICY = Pattern.compile("\"([^\"]*-quota)\"\\s*;\\s*q=(\\d+)\\s*;\\s*w=(\\d+)");
    private static final Pattern STATE = Pattern.compile("\"([^\"]*-quota)\"\\s*;\\s*r=(\\d+)\\s*;\\s*t=(\\d+)");
    private static final Pattern POST_READS = Pattern.compile(".*/(search(/jql|/approximate-count)?|expression/eval(uate)?)");
    private static final Pattern IDENTITY = Pattern.compile(".*/(user|users|myself|group|groups|groupuserpicker)(/.*)?");
    private static final double AVERAGE_WEIGHT = 0.2;

    private final double optionPoints;
    private final double optionWindowSeconds;
    private final Map<String, Double> costs = new ConcurrentHashMap<>();
    private volatile double quota;
    private volatile double windowSeconds;
    private volatile double remaining = Double.NaN;
    private volatile long resetAt;
    /** Points booked by calls and not yet spent at the pace; it drains at the current pace, so a faster pace clears it. */
    private double debt;
    private long debtAt = System.nanoTime();

    /** @param points the quota per window from the options (0: learn it from Jira's headers) */
    QuotaPace(long points, long windowSeconds) {
        this.optionPoints = points;
        this.optionWindowSeconds = windowSeconds;
    }

    /** Whether there is a quota to pace by: one announced by Jira or set by the options. */
    boolean active() {
        return quota > 0 || optionPoints > 0;
    }

    /** Points per second to spend now. */
    double rate(long now) {
        double secondsLeft = (resetAt - now) / 1e9;
        if (!Double.isNaN(remaining) && secondsLeft > 0 && remaining >= 1) {
            return SAFETY * remaining / secondsLeft;
        }
        return windowRate();
    }

    /** Points per second of a whole window spent evenly. */
    private double windowRate() {
        double points = quota > 0 ? quota : optionPoints;
        double window = quota > 0 ? windowSeconds : optionWindowSeconds;
        return SAFETY * points / window;
    }

    /** Whether Jira said nothing is left before the reset. */
    private boolean isSpent(long now) {
        return !Double.isNaN(remaining) && remaining < 1 && resetAt - now > 0;
    }

    /** What a call to {@code endpoint} is expected to cost. */
    double cost(String endpoint, String method) {
        Double learned = costs.get(endpoint);
        return learned != null ? learned : "GET".equals(method) ? 2 : 1;
    }

    /** When the quota's schedule in this JVM is free again (nothing booked beyond it). */
    synchronized long backlogEnd(long now) {
        if (isSpent(now)) {
            return resetAt + (long) (debt / windowRate() * 1e9); // nothing drains before the reset
        }
        return now + (long) (drain(now) / rate(now) * 1e9);
    }

    /** Books {@code cost} points on this JVM's schedule: the slot of the call. */
    synchronized long reserve(double cost, long now) {
        long slot = backlogEnd(now);
        debt += cost;
        return slot;
    }

    /** The debt left after paying it off at the current pace since it was last looked at. */
    private double drain(long now) {
        debt = Math.max(0, debt - rate(now) * (now - debtAt) / 1e9);
        debtAt = now;
        return debt;
    }

    /** Learns the quota, what is left and the price of the call from an answer. */
    void observe(String endpoint, JiraqRequest request, JiraqResponse response, long now) {
        Matcher policy = POLICY.matcher(header(response, "RateLimit-Policy"));
        if (policy.find()) {
            quota = Double.parseDouble(policy.group(2));
            windowSeconds = Math.max(1, Double.parseDouble(policy.group(3)));
        }
        Matcher state = STATE.matcher(header(response, "RateLimit"));
        if (state.find()) {
            remaining = Double.parseDouble(state.group(2));
            resetAt = now + (long) (Double.parseDouble(state.group(3)) * 1e9);
        }
        if (active() && response.status() < 400) {
            costs.merge(endpoint, (double) price(request, response),
                    (old, latest) -> old + AVERAGE_WEIGHT * (latest - old));
        }
    }

    /** A quota 429: nothing is left until the reset. */
    void spent(long resetAtNanos) {
        remaining = 0;
        resetAt = resetAtNanos;
    }

    private static String header(JiraqResponse response, String name) {
        String value = response.header(name);
        if (value == null) {
            value = response.header("Beta-" + name);
        }
        return value == null ? "" : value;
    }

    /** Jira's price of an answered call: a write 1 point; a read 1 plus 1 per object returned (2 per user or group). */
    static long price(JiraqRequest request, JiraqResponse response) {
        boolean read = "GET".equals(request.method())
                       || "POST".equals(request.method()) && POST_READS.matcher(request.path()).matches();
        if (!read) {
            return 1;
        }
        int weight = IDENTITY.matcher(request.path()).matches() ? 2 : 1;
        return 1 + weight * objects(response.body());
    }

    /** The objects in a JSON answer: the items of a top-level array or of its "issues" or "values" list, else 1. */
    private static long objects(byte[] body) {
        if (body.length == 0) {
            return 0;
        }
        try (JsonParser parser = Json.MAPPER.getFactory().createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_ARRAY) {
                return countItems(parser);
            }
            if (first != JsonToken.START_OBJECT) {
                return 1;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.START_ARRAY && ("issues".equals(field) || "values".equals(field))) {
                    return countItems(parser);
                }
                parser.skipChildren();
            }
            return 1;
        } catch (IOException e) {
            return 1;
        }
    }

    private static long countItems(JsonParser parser) throws IOException {
        long items = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            parser.skipChildren();
            items++;
        }
        return items;
    }
}
