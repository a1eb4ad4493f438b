package org.jiraq.simulator.limits;

import com.github.tomakehurst.wiremock.http.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.jiraq.simulator.SimulatorContext;
import org.jiraq.simulator.SimulatorFeature;
import org.jiraq.simulator.http.ApiRequest;
import org.jiraq.simulator.http.ApiResponse;
import org.jiraq.simulator.http.Interceptor;

/**
 * Injects the faults a Jira client meets in production, at random but repeatable rates (seeded): bursts of 5xx, storms
 * of 429, connections reset before the request is handled, answers lost after it was handled (the issue is created,
 * then the connection is reset), and answers delayed past a client's timeout. Bursts and storms hit consecutive
 * requests, whoever sends them. Counts what it did, for tests and benchmarks.
 *
 * <pre>{@code
 * SimulatorFaults faults = SimulatorFaults.seeded(42).serverErrorBursts(0.01, 5)
 *         .lostAnswers("POST", "/rest/api/3/issue", 0.03);
 * JiraSimulator sim = JiraSimulator.builder().feature(faults).start();
 * }</pre>
 */
public final class SimulatorFaults implements SimulatorFeature, Interceptor {

    /** After the rate limits, before the contract check: a fault does not need a valid request. */
    public static final int ORDER = 60;

    private static final int[] SERVER_ERRORS = {500, 502, 503, 504};

    /** What the simulator did to a request. */
    public enum Kind {
        /** A 5xx, sent without handling the request. */
        SERVER_ERROR,
        /** A 429 ({@code jira-burst-based}) of a storm, sent without handling the request. */
        RATE_LIMITED,
        /** The connection was reset before the request was handled. */
        RESET,
        /** The request was handled, then the connection was reset instead of answering. */
        LOST_ANSWER,
        /** The request was handled and answered late. */
        SLOW_ANSWER
    }

    /** A fault that strikes one request with some probability, or starts a run of them. */
    private record Trigger(Kind kind, double probability, int runLength, String method, String pathTemplate) {

        boolean applies(ApiRequest request) {
            return (method == null || method.equals(request.method()))
                    && (pathTemplate == null || pathTemplate.equals(request.route().pathTemplate()));
        }
    }

    private final Random random;
    private final List<Trigger> triggers = new ArrayList<>();
    private final Map<Kind, AtomicInteger> runLeft = new EnumMap<>(Kind.class);
    private final Map<Kind, LongAdder> counts = new EnumMap<>(Kind.class);
    private final LongAdder requests = new LongAdder();
    private Duration slowDelay = Duration.ofSeconds(2);
    private Duration stormRetryAfter = Duration.ZERO;
    private volatile boolean enabled = true;

    private SimulatorFaults(long seed) {
        this.random = new Random(seed);
        for (Kind kind : Kind.values()) {
            runLeft.put(kind, new AtomicInteger());
            counts.put(kind, new LongAdder());
        }
    }

    public static SimulatorFaults seeded(long seed) {
        return new SimulatorFaults(seed);
    }

    /** With {@code probability} per request, the next {@code length} requests get a 5xx (500, 502, 503, 504). */
    public SimulatorFaults serverErrorBursts(double probability, int length) {
        triggers.add(new Trigger(Kind.SERVER_ERROR, probability, length, null, null));
        return this;
    }

    /** With {@code probability} per request, the next {@code length} requests get a 429 with this Retry-After. */
    public SimulatorFaults rateLimitStorms(double probability, int length, Duration retryAfter) {
        triggers.add(new Trigger(Kind.RATE_LIMITED, probability, length, null, null));
        this.stormRetryAfter = retryAfter;
        return this;
    }

    /** A request's connection is reset before it is handled, with {@code probability}. */
    public SimulatorFaults connectionResets(double probability) {
        triggers.add(new Trigger(Kind.RESET, probability, 1, null, null));
        return this;
    }

    /**
     * A request to {@code method pathTemplate} (a route's template, e.g. {@code /rest/api/3/issue}) is handled, then
     * its connection is reset instead of answering, with {@code probability}.
     */
    public SimulatorFaults lostAnswers(String method, String pathTemplate, double probability) {
        triggers.add(new Trigger(Kind.LOST_ANSWER, probability, 1, method, pathTemplate));
        return this;
    }

    /** A request is handled and answered only after {@code delay}, with {@code probability}. */
    public SimulatorFaults slowAnswers(double probability, Duration delay) {
        triggers.add(new Trigger(Kind.SLOW_ANSWER, probability, 1, null, null));
        this.slowDelay = delay;
        return this;
    }

    /** Turns injection on or off, e.g. off to check the outcome with faultless calls. */
    public void enabled(boolean on) {
        this.enabled = on;
    }

    /** Requests seen while injecting. */
    public long requests() {
        return requests.sum();
    }

    /** How many requests got this fault. */
    public long count(Kind kind) {
        return counts.get(kind).sum();
    }

    @Override
    public void register(SimulatorContext context) {
        context.interceptor(ORDER, this);
    }

    @Override
    public ApiResponse intercept(ApiRequest request, Chain next) {
        if (!enabled) {
            return next.proceed(request);
        }
        requests.increment();
        Kind kind = pick(request);
        if (kind == null) {
            return next.proceed(request);
        }
        counts.get(kind).increment();
        return switch (kind) {
            case SERVER_ERROR -> ApiResponse.error(SERVER_ERRORS[nextInt(SERVER_ERRORS.length)],
                    "Simulated server error.");
            case RATE_LIMITED -> ApiResponse.error(429, "Rate limit exceeded.")
                    .withHeader("Retry-After", Long.toString(stormRetryAfter.toSeconds()))
                    .withHeader("RateLimit-Reason", SimulatorRateLimits.BURST);
            case RESET -> ApiResponse.noContent().withFault(Fault.CONNECTION_RESET_BY_PEER);
            case LOST_ANSWER -> next.proceed(request).withFault(Fault.CONNECTION_RESET_BY_PEER);
            case SLOW_ANSWER -> next.proceed(request).withDelay(slowDelay);
        };
    }

    /** The fault for this request: one of a running burst first, then a fresh draw per trigger. */
    private Kind pick(ApiRequest request) {
        for (Trigger trigger : triggers) {
            AtomicInteger left = runLeft.get(trigger.kind());
            if (trigger.runLength() > 1 && left.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return trigger.kind();
            }
        }
        for (Trigger trigger : triggers) {
            if (trigger.applies(request) && nextDouble() < trigger.probability()) {
                runLeft.get(trigger.kind()).set(trigger.runLength() - 1);
                return trigger.kind();
            }
        }
        return null;
    }

    private synchronized double nextDouble() {
        return random.nextDouble();
    }

    private synchronized int nextInt(int bound) {
        return random.nextInt(bound);
    }
}
