package org.jiraq.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Jira Cloud's rate limits, as a feature: burst limits per endpoint or per method (token buckets refilled at so many
 * requests per second), the per-issue write limit, and a points quota that refuses every call until its window
 * resets. Over a limit the answer is Jira's 429 with {@code Retry-After}, {@code X-RateLimit-Limit},
 * {@code -Remaining}, {@code -Reset}, {@code -NearLimit} and {@code RateLimit-Reason}; under them, the headers of the
 * tightest burst limit ride on the normal answer (the per-issue limit shows only in its 429s); with a quota, every
 * answer also carries the structured {@code RateLimit-Policy} and {@code RateLimit} headers (see {@link PointsQuota}).
 * Limits run on the system clock, not the simulator's, since they pace real traffic.
 *
 * <pre>{@code
 * SimulatorRateLimits limits = SimulatorRateLimits.create().perMethod("GET", 200).perIssueWrites(20, Duration.ofSeconds(2));
 * JiraSimulator sim = JiraSimulator.builder().feature(limits).start();
 * ...
 * limits.rateLimited();   // how many 429s were sent
 * }</pre>
 */
public final class SimulatorRateLimits implements SimulatorFeature, Interceptor {

    /** Before the contract check: Jira refuses calls over the limit without looking at them. */
    public static final int ORDER = 50;
    public static final String BURST = "jira-burst-based";
    public static final String PER_ISSUE_WRITE = "jira-per-issue-on-write";
    public static final String TENANT_QUOTA = "jira-quota-tenant-based";
    public static final String GLOBAL_QUOTA = "jira-quota-global-based";

    private static final double NEAR_LIMIT_SHARE = 0.2;

    /** One limit: which requests it counts, and the bucket per scope (an issue for per-issue limits). */
    private record Rule(String method, String pathTemplate, boolean perIssue, double perSecond, double capacity,
            String reason) {

        boolean applies(ApiRequest request) {
            if (perIssue) {
                return !"GET".equals(request.method()) && request.pathParam("issueIdOrKey") != null;
            }
            return method.equals(request.method())
                    && (pathTemplate == null || pathTemplate.equals(request.route().pathTemplate()));
        }

        String scope(ApiRequest request) {
            return perIssue ? toString() + request.pathParam("issueIdOrKey").toUpperCase(java.util.Locale.ROOT) : toString();
        }
    }

    /** A bucket's answer to one request: whether it may pass, what is left, and when the next token comes. */
    private record Take(boolean allowed, long remaining, Duration untilToken) {
    }

    private final List<Rule> rules = new ArrayList<>();
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final LongAdder requests = new LongAdder();
    private final LongAdder rateLimited = new LongAdder();
    private final Map<String, LongAdder> rateLimitedByReason = new ConcurrentHashMap<>();
    private PointsQuota quota;
    private boolean betaHeaders;

    private SimulatorRateLimits() {
    }

    public static SimulatorRateLimits create() {
        return new SimulatorRateLimits();
    }

    /** At most {@code perSecond} requests per second to one endpoint (a route's path template) with one method. */
    public SimulatorRateLimits perEndpoint(String method, String pathTemplate, double perSecond) {
        rules.add(new Rule(method, pathTemplate, false, perSecond, perSecond, BURST));
        return this;
    }

    /** At most {@code perSecond} requests per second with one method, whatever the endpoint. */
    public SimulatorRateLimits perMethod(String method, double perSecond) {
        rules.add(new Rule(method, null, false, perSecond, perSecond, BURST));
        return this;
    }

    /** At most {@code writes} writes to one issue per {@code window} (Jira: 20 per 2 s and 100 per 30 s). */
    public SimulatorRateLimits perIssueWrites(int writes, Duration window) {
        double perSecond = writes / (window.toMillis() / 1000.0);
        rules.add(new Rule(null, null, true, perSecond, writes, PER_ISSUE_WRITE));
        return this;
    }

    /**
     * A points quota: {@code points} per {@code window} (Jira: an hour), after which every request is refused until
     * the window ends. A call costs Jira's price: 1 point plus 1 per issue, project or other core object it returns and
     * 2 per user or other identity object; a write 1 point flat ({@code GET /issue/ABC-1} costs 2).
     *
     * @param reason {@link #TENANT_QUOTA} or {@link #GLOBAL_QUOTA}
     */
    public SimulatorRateLimits quota(long points, Duration window, String reason) {
        if (!TENANT_QUOTA.equals(reason) && !GLOBAL_QUOTA.equals(reason)) {
            throw new IllegalArgumentException("A quota's reason is " + TENANT_QUOTA + " or " + GLOBAL_QUOTA + ", not "
                                               + reason);
        }
        this.quota = new PointsQuota(points, window, reason, betaHeaders);
        return this;
    }

    /**
     * Sends the structured headers in their beta forms, {@code Beta-RateLimit-Policy} and {@code Beta-RateLimit}, as
     * Jira does before it enforces the quota; call before {@link #quota}. By default they come without the prefix.
     */
    public SimulatorRateLimits betaHeaders() {
        this.betaHeaders = true;
        return this;
    }

    /** How long until the points quota's current window resets; null without a quota. */
    public Duration quotaUntilReset() {
        return quota == null ? null : quota.untilReset();
    }

    /** The points used and the requests refused in every quota window so far, the current one last. */
    public List<QuotaWindow> quotaWindows() {
        return quota == null ? List.of() : quota.windows().stream()
                .map(w -> new QuotaWindow(w.number(), quota.points(), w.pointsUsed(), w.refused())).toList();
    }

    /**
     * What one window of the points quota saw.
     *
     * @param number     the window's number, 0 for the first
     * @param points     the quota of a window
     * @param pointsUsed the points the answered calls cost
     * @param refused    the calls refused because the points were spent (a lock-out when above 0)
     */
    public record QuotaWindow(long number, long points, long pointsUsed, long refused) {
    }

    @Override
    public void register(SimulatorContext context) {
        context.interceptor(ORDER, this);
    }

    /** Requests seen so far, refused or not. */
    public long requests() {
        return requests.sum();
    }

    /** 429 answers sent so far. */
    public long rateLimited() {
        return rateLimited.sum();
    }

    /** 429 answers sent so far with this {@code RateLimit-Reason}. */
    public long rateLimited(String reason) {
        LongAdder count = rateLimitedByReason.get(reason);
        return count == null ? 0 : count.sum();
    }

    @Override
    public ApiResponse intercept(ApiRequest request, Chain next) {
        requests.increment();
        if (quota != null) {
            Duration untilReset = quota.refusal();
            if (untilReset != null) {
                return quota.withHeaders(refuse(quota.reason(), quota.points(), 0, untilReset), null, null);
            }
        }
        Rule tightest = null;
        Take tightestTake = null;
        for (Rule rule : rules) {
            if (!rule.applies(request)) {
                continue;
            }
            Take take = buckets.computeIfAbsent(rule.scope(request), s -> new TokenBucket(rule.perSecond(), rule.capacity()))
                    .take();
            if (!take.allowed()) {
                return refuse(rule.reason(), (long) rule.perSecond(), take.remaining(), take.untilToken());
            }
            boolean burst = !rule.perIssue();
            if (burst && (tightestTake == null
                          || take.remaining() / rule.capacity() < tightestTake.remaining() / tightest.capacity())) {
                tightest = rule;
                tightestTake = take;
            }
        }
        ApiResponse response = next.proceed(request);
        String burstPolicy = null;
        String burstState = null;
        if (tightest != null) {
            response = response.withHeader("X-RateLimit-Limit", Long.toString((long) tightest.perSecond()))
                    .withHeader("X-RateLimit-Remaining", Long.toString(tightestTake.remaining()));
            if (tightestTake.remaining() < tightest.capacity() * NEAR_LIMIT_SHARE) {
                response = response.withHeader("X-RateLimit-NearLimit", "true");
            }
            burstPolicy = "\"" + BURST + "\";q=" + (long) tightest.perSecond() + ";w=1";
            burstState = "\"" + BURST + "\";r=" + tightestTake.remaining() + ";t=1";
        }
        if (quota == null) {
            return response;
        }
        quota.charge(request, response);
        return quota.withHeaders(response, burstPolicy, burstState);
    }

    private ApiResponse refuse(String reason, long limit, long remaining, Duration untilReset) {
        rateLimited.increment();
        rateLimitedByReason.computeIfAbsent(reason, r -> new LongAdder()).increment();
        long retryAfterSeconds = (untilReset.toMillis() + 999) / 1000;
        return ApiResponse.error(429, "Rate limit exceeded.")
                .withHeader("Retry-After", Long.toString(retryAfterSeconds))
                .withHeader("X-RateLimit-Limit", Long.toString(limit))
                .withHeader("X-RateLimit-Remaining", Long.toString(remaining))
                .withHeader("X-RateLimit-Reset", Instant.now().plus(untilReset).truncatedTo(ChronoUnit.SECONDS)
                        .plusSeconds(1).toString())
                .withHeader("X-RateLimit-NearLimit", "true")
                .withHeader("RateLimit-Reason", reason);
    }

    /** Jira's burst limit: {@code capacity} tokens, refilled at {@code perSecond}; a request takes one. */
    private static final class TokenBucket {

        private final double perSecond;
        private final double capacity;
        private double tokens;
        private long refilledAt = System.nanoTime();

        TokenBucket(double perSecond, double capacity) {
            this.perSecond = perSecond;
            this.capacity = capacity;
            this.tokens = capacity;
        }

        synchronized Take take() {
            long now = System.nanoTime();
            tokens = Math.min(capacity, tokens + (now - refilledAt) / 1e9 * perSecond);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return new Take(true, (long) tokens, Duration.ZERO);
            }
            return new Take(false, 0, Duration.ofNanos((long) ((1 - tokens) / perSecond * 1e9)));
        }
    }
}
