package org.jiraq.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Jira Cloud's points-based quota: every call costs points (1 base point plus 1 per core object it returns, such as an
 * issue or a project, and 2 per identity object, such as a user; a write costs 1 point flat), a window (an hour on Jira,
 * as short as a test likes here) allows so many, and once they are spent every call is refused until the window
 * resets. Answers carry the policy and what is left in the structured headers, {@code RateLimit-Policy:
 * "tenant-app-quota";q=65000;w=3600} and {@code RateLimit: "tenant-app-quota";r=64998;t=1800}, or their
 * {@code Beta-} forms as Jira sends them before enforcement. Windows run on the system clock from the quota's creation.
 */
final class PointsQuota {

    /** Reads sent as POST: they return objects and are charged for them, like GETs. */
    private static final Pattern POST_READS = Pattern.compile(".*/(search(/jql|/approximate-count)?|expression/eval(uate)?)");

    /** What one window saw. */
    record Window(long number, long pointsUsed, long refused) {
    }

    private final long points;
    private final long windowNanos;
    private final String reason;
    private final String policy;
    private final String headerPrefix;
    private final long origin = System.nanoTime();
    private final List<Window> past = new ArrayList<>();
    private long window;
    private long used;
    private long refused;

    PointsQuota(long points, Duration window, String reason, boolean betaHeaders) {
        this.points = points;
        this.windowNanos = window.toNanos();
        this.reason = reason;
        this.policy = SimulatorRateLimits.GLOBAL_QUOTA.equals(reason) ? "global-app-quota" : "tenant-app-quota";
        this.headerPrefix = betaHeaders ? "Beta-" : "";
    }

    String reason() {
        return reason;
    }

    long points() {
        return points;
    }

    /** The time to the reset when the points are spent (the call is refused), else null (it may go). */
    synchronized Duration refusal() {
        roll();
        if (used < points) {
            return null;
        }
        refused++;
        return untilReset();
    }

    /** Charges an answered call. */
    synchronized void charge(ApiRequest request, ApiResponse response) {
        roll();
        used += cost(request, response);
    }

    /** The structured headers: this policy (and {@code burst}, the tightest burst limit in force, when given). */
    synchronized ApiResponse withHeaders(ApiResponse response, String burstPolicy, String burstState) {
        roll();
        String quotaPolicy = String.format(Locale.ROOT, "\"%s\";q=%d;w=%d", policy, points, windowNanos / 1_000_000_000L);
        String quotaState = String.format(Locale.ROOT, "\"%s\";r=%d;t=%d", policy, Math.max(0, points - used),
                (untilReset().toMillis() + 999) / 1000);
        return response
                .withHeader(headerPrefix + "RateLimit-Policy", burstPolicy == null ? quotaPolicy : burstPolicy + ", " + quotaPolicy)
                .withHeader(headerPrefix + "RateLimit", burstState == null ? quotaState : burstState + ", " + quotaState);
    }

    /** Every window so far, the current one last. */
    synchronized List<Window> windows() {
        roll();
        List<Window> all = new ArrayList<>(past);
        all.add(new Window(window, used, refused));
        return all;
    }

    synchronized Duration untilReset() {
        long elapsed = System.nanoTime() - origin;
        return Duration.ofNanos((elapsed / windowNanos + 1) * windowNanos - elapsed);
    }

    private void roll() {
        long current = (System.nanoTime() - origin) / windowNanos;
        if (current != window) {
            past.add(new Window(window, used, refused));
            window = current;
            used = 0;
            refused = 0;
        }
    }

    /** Jira's price of a call: 1 point for a write; 1 plus its objects for a read. */
    static long cost(ApiRequest request, ApiResponse response) {
        boolean read = "GET".equals(request.method())
                       || "POST".equals(request.method()) && POST_READS.matcher(request.path()).matches();
        if (!read || response.status() >= 400 || response.body() == null || response.body().isEmpty()) {
            return 1;
        }
        try {
            return 1 + objects(Json.parse(response.body()));
        } catch (JsonProcessingException e) {
            return 1;
        }
    }

    private static long objects(JsonNode body) {
        JsonNode list = body.isArray() ? body : body.has("issues") ? body.get("issues")
                : body.has("values") && body.get("values").isArray() ? body.get("values") : null;
        if (list == null) {
            return weight(body);
        }
        long sum = 0;
        for (JsonNode item : list) {
            sum += weight(item);
        }
        return sum;
    }

    /** An identity object (a user: an account id, no issue key or fields) costs 2, any other object 1. */
    private static long weight(JsonNode object) {
        return object.has("accountId") && !object.has("key") && !object.has("fields") ? 2 : 1;
    }
}
