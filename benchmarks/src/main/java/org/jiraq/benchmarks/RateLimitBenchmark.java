package org.jiraq.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.jiraq.camel.JiraqComponent;
import org.jiraq.camel.JiraqConfiguration;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.JiraqDeployment;
import org.jiraq.simulator.JiraSimulator;
import org.jiraq.simulator.SimulatorRateLimits;

/**
 * How close to Jira's rate limit the component runs without drawing 429s. The simulator allows {@code limit} GETs per
 * second (a token bucket holding one second's worth, as Jira's burst limit, with its 429 and X-RateLimit-* headers);
 * {@code producers} threads read an issue as fast as they may for {@code seconds}, first as a naive client (the JDK
 * HttpClient, sending again at once on a 429: the baseline), then through {@code jiraq:getIssue}, whose rate-limit
 * governor paces them. Reports successful requests per second as a share of the limit and the share of requests
 * answered 429, with per-second CSVs and charts of both.
 * <p>
 * Options (system properties): limit (200 GET/s), producers (16), seconds (10 per client and round), rounds (7).
 */
public final class RateLimitBenchmark implements Benchmark {

    private static final String ISSUE_PATH = "/rest/api/3/issue/DEMO-1";
    private static final double GOAL_SHARE_OF_LIMIT = 0.95;
    private static final double GOAL_SHARE_429 = 0.02;
    static final String NAIVE = "naive retry loop";
    static final String JIRAQ = "jiraq:getIssue";
    static final String JIRA_JS = "jira.js withRetry";

    /** What one client achieved over the run. */
    private record Result(String client, List<RateChart.Second> seconds, Path csv, Path svg, int limit) {

        long succeeded() {
            return seconds.stream().mapToLong(RateChart.Second::successes).sum();
        }

        long rateLimited() {
            return seconds.stream().mapToLong(RateChart.Second::rateLimited).sum();
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.3f of the limit, %.1f%% answered 429", shareOfLimit(limit),
                    100 * share429());
        }

        double shareOfLimit(int limit) {
            return succeeded() / (double) seconds.size() / limit;
        }

        double share429() {
            return rateLimited() / (double) Math.max(1, succeeded() + rateLimited());
        }
    }

    @Override
    public String id() {
        return "rate-limit";
    }

    @Override
    public BenchmarkReport run(BenchmarkContext context) throws Exception {
        int limit = Integer.getInteger("limit", 200);
        int producers = Integer.getInteger("producers", 16);
        int seconds = Integer.getInteger("seconds", 10);
        int rounds = Rounds.count();
        SimulatorRateLimits limits = SimulatorRateLimits.create().perMethod("GET", limit);
        NodePeer.Result node = NodePeer.find(context);
        Rounds<Result> measured = new Rounds<>();
        try (JiraSimulator sim = JiraSimulator.builder().checkContract(false).requestJournalLimit(1).feature(limits)
                .start(); CamelContext camel = new DefaultCamelContext()) {
            sim.state().createIssue("DEMO", "Task", "Read by every producer");
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest get = HttpRequest.newBuilder(URI.create(sim.baseUrl() + ISSUE_PATH))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (JiraSimulator.DEFAULT_USER + ":" + JiraSimulator.DEFAULT_API_TOKEN)
                                    .getBytes(StandardCharsets.UTF_8)))
                    .header("Accept", "application/json").build();
            camel.addComponent("jiraq", jiraq(sim));
            camel.start();
            ProducerTemplate template = camel.createProducerTemplate();
            measured.add(NAIVE, r -> run(context, NAIVE, "rate-limit-naive", producers, seconds, limit, limits,
                    Load.threads(NAIVE, producers, () -> naiveGet(http, get))))
                    .add(JIRAQ, r -> run(context, JIRAQ, "rate-limit-jiraq", producers, seconds, limit, limits,
                            Load.threads(JIRAQ, producers, () -> template.requestBodyAndHeader(
                                    "jiraq:getIssue?fields=summary", null, JiraqConstants.ISSUE_KEY, "DEMO-1"))));
            if (node.peer() != null) {
                List<String> args = List.of(sim.baseUrl(), JiraSimulator.DEFAULT_USER, JiraSimulator.DEFAULT_API_TOKEN,
                        Integer.toString(producers));
                measured.add(JIRA_JS, r -> run(context, JIRA_JS, "rate-limit-jirajs", producers, seconds, limit,
                        limits, Load.processes(JIRA_JS, s -> List.of(node.peer().command("rate-limit.mjs",
                                concat(args, Integer.toString(s)))))));
            }
            measured.run(rounds);
        }
        List<Figure> figures = new ArrayList<>(List.of(
                new Figure("successful requests", "share of the limit", measured.of(JIRAQ, r -> r.shareOfLimit(limit)),
                        measured.of(NAIVE, r -> r.shareOfLimit(limit)), NAIVE,
                        Goal.valueAtLeast(GOAL_SHARE_OF_LIMIT, "at least 0.95 of the limit")),
                new Figure("requests answered 429", "share", measured.of(JIRAQ, Result::share429),
                        measured.of(NAIVE, Result::share429), NAIVE,
                        Goal.valueAtMost(GOAL_SHARE_429, "under 2% answered 429"))));
        if (node.peer() != null) {
            figures.add(new Figure("successful requests against jira.js", "share of the limit",
                    measured.of(JIRAQ, r -> r.shareOfLimit(limit)), measured.of(JIRA_JS, r -> r.shareOfLimit(limit)),
                    JIRA_JS, null));
            figures.add(new Figure("requests answered 429 against jira.js", "share", measured.of(JIRAQ, Result::share429),
                    measured.of(JIRA_JS, Result::share429), JIRA_JS, null));
        }
        Result naive = measured.of(NAIVE).get(rounds - 1);
        Result jiraq = measured.of(JIRAQ).get(rounds - 1);
        return new BenchmarkReport("Rate limits (issue 5): jiraq:getIssue at Jira's limit", figures,
                details(context, limit, producers, seconds, naive, jiraq, node));
    }

    private static String details(BenchmarkContext context, int limit, int producers, int seconds, Result naive,
                                  Result jiraq, NodePeer.Result node) {
        String peer = node.peer() != null ? "Where Node is on the machine, a third client runs as well: "
                + node.peer().describe() + " (`src/main/node/rate-limit.mjs`), " + producers + " concurrent loops "
                + "each calling `issues.getIssue` wrapped in jira.js's `withRetry` with `retryRateLimit` (it waits "
                + "out `Retry-After`; jira.js paces nothing by itself); its last round is charted in "
                + "`results/rate-limit-jirajs.svg`."
                : "jira.js: " + node.note() + ".";
        return String.format(Locale.ROOT, """
                The simulator (contract checks off, in the suite's JVM) allows %d GET/s the way Jira's burst limit
                does: a token bucket holding one second's worth, refilled at the limit, answering 429 with
                `Retry-After`, `X-RateLimit-*` and `RateLimit-Reason: jira-burst-based` when empty, and the limit
                headers on every answer. In every round %d threads read one issue as fast as they may for %d s
                through each client: the baseline, a naive client (the JDK `HttpClient` sending again at once on a
                429), and `jiraq:getIssue` through a Camel `ProducerTemplate` with the component's defaults
                (Atlassian's backoff, and the `RateLimitGovernor` pacing all threads of the JVM). The simulator
                counts successes and 429s, second by second; the last round's counts are charted
                ([naive](%s), [jiraq](%s)):

                ![naive retry loop](%s)

                ![jiraq:getIssue](%s)

                The governor reads `X-RateLimit-Limit` from the first answer and from then on hands the threads
                evenly spaced slots at 98%% of it, so it never empties the bucket; a falling
                `X-RateLimit-Remaining` (another client on the tenant) or a 429 slows it further. The naive loop
                gets about the limit by sending dozens of requests for every one that passes, the hammering
                Atlassian's guidance forbids. These are the simulator's limiter, not Jira Cloud's edge: they show
                that the pacing holds at the limit.

                %s

                Options: `rounds`, `limit`, `producers`, `seconds`. Source: `RateLimitBenchmark`, `Load`.
                """, limit, producers, seconds, context.link(naive.csv()), context.link(jiraq.csv()),
                context.link(naive.svg()), context.link(jiraq.svg()), peer);
    }

    private static List<String> concat(List<String> list, String last) {
        List<String> all = new ArrayList<>(list);
        all.add(last);
        return all;
    }

    private static JiraqComponent jiraq(JiraSimulator sim) {
        JiraqComponent jiraq = new JiraqComponent();
        JiraqConfiguration config = jiraq.getConfiguration();
        config.setBaseUrl(sim.baseUrl());
        config.setDeployment(JiraqDeployment.cloud);
        config.setUsername(JiraSimulator.DEFAULT_USER);
        config.setApiToken(JiraSimulator.DEFAULT_API_TOKEN);
        return jiraq;
    }

    /** The naive client: a 429 is sent again at once, until it passes. */
    private static void naiveGet(HttpClient http, HttpRequest get) throws IOException, InterruptedException {
        while (http.send(get, HttpResponse.BodyHandlers.discarding()).statusCode() == 429) {
            Thread.onSpinWait();
        }
    }

    /** Runs {@code load} for {@code seconds} and writes its per-second counts as a CSV and a chart. */
    private static Result run(BenchmarkContext context, String client, String file, int producers, int seconds,
                              int limit, SimulatorRateLimits limits, Load load) throws Exception {
        Thread.sleep(1_000); // let the bucket fill again, so every client starts alike
        List<RateChart.Second> samples = load.sample(seconds, limits, limit);
        Path csv = context.resultFile(file + ".csv");
        Path svg = context.resultFile(file + ".svg");
        RateChart.writeCsv(samples, csv);
        RateChart.writeSvg(csv, svg, client + ": " + limit + " GET/s allowed, " + producers + " producers");
        return new Result(client, samples, csv, svg, limit);
    }
}
