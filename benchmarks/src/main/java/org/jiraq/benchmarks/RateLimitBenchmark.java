package org.jiraq.benchmarks;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

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
 * second (a token bucket holding one second's worth, as Jira's burst limit); {@code producers} threads read an issue
 * as fast as they may for {@code seconds}, first as a naive client (the JDK HttpClient, sending again at once on a 429,
 * the baseline), then through {@code jiraq:getIssue}, whose rate-limit governor paces them. Prints successful requests
 * per second as a share of the limit and the share of requests answered 429, and writes per-second samples to a CSV.
 *
 * <p>
 * System properties: {@code limit} (default 200), {@code producers} (16), {@code seconds} (30), {@code csv}
 * (default benchmarks/target/rate-limit-samples.csv: columns client, second, succeeded, rate_limited).
 */
public final class RateLimitBenchmark {

    private static final String ISSUE_PATH = "/rest/api/3/issue/DEMO-1";

    /** One client's second: what the simulator let through and what it refused. */
    private record Sample(String client, int second, long succeeded, long rateLimited) {
    }

    /** What a client does once per call until the time is up. */
    @FunctionalInterface
    private interface Call {
        void run() throws Exception;
    }

    private RateLimitBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int limit = Integer.getInteger("limit", 200);
        int producers = Integer.getInteger("producers", 16);
        int seconds = Integer.getInteger("seconds", 30);
        Path csv = Path.of(System.getProperty("csv",
                Path.of(System.getProperty("benchmarks.outputDir", "target"), "rate-limit-samples.csv").toString()));
        System.out.printf(Locale.ROOT, "Rate limit: simulator allows %d GET/s (bucket of %d), %d producers, %d s per"
                                       + " client%n", limit, limit, producers, seconds);
        SimulatorRateLimits limits = SimulatorRateLimits.create().perMethod("GET", limit);
        List<Sample> samples = new ArrayList<>();
        try (JiraSimulator sim = JiraSimulator.builder().checkContract(false).requestJournalLimit(1).feature(limits)
                .start()) {
            sim.state().createIssue("DEMO", "Task", "Read by every producer");
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest get = HttpRequest.newBuilder(URI.create(sim.baseUrl() + ISSUE_PATH))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (JiraSimulator.DEFAULT_USER + ":" + JiraSimulator.DEFAULT_API_TOKEN)
                                    .getBytes(StandardCharsets.UTF_8)))
                    .header("Accept", "application/json").build();
            samples.addAll(run("naive retry loop", producers, seconds, limits, () -> naiveGet(http, get)));
            Thread.sleep(2_000); // let the bucket fill again, so both clients start alike

            try (CamelContext camel = new DefaultCamelContext()) {
                camel.addComponent("jiraq", jiraq(sim));
                camel.start();
                ProducerTemplate template = camel.createProducerTemplate();
                samples.addAll(run("jiraq:getIssue", producers, seconds, limits,
                        () -> template.requestBodyAndHeader("jiraq:getIssue?fields=summary", null,
                                JiraqConstants.ISSUE_KEY, "DEMO-1")));
            }
        }
        for (String client : List.of("naive retry loop", "jiraq:getIssue")) {
            long ok = samples.stream().filter(s -> s.client().equals(client)).mapToLong(Sample::succeeded).sum();
            long refused = samples.stream().filter(s -> s.client().equals(client)).mapToLong(Sample::rateLimited).sum();
            System.out.printf(Locale.ROOT, "%-17s %7.1f successful requests/s = %.3f of the limit; %5.1f%% of %,d"
                                           + " requests answered 429%n", client, ok / (double) seconds,
                    ok / (double) seconds / limit, 100.0 * refused / Math.max(1, ok + refused), ok + refused);
        }
        writeCsv(csv, samples);
        System.out.println("Per-second samples: " + csv.toAbsolutePath());
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

    /**
     * Runs {@code producers} threads calling for {@code seconds}, sampling the simulator's counters each second: a
     * request it did not refuse with 429 succeeded.
     */
    private static List<Sample> run(String client, int producers, int seconds, SimulatorRateLimits limits, Call call)
            throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(producers);
        for (int i = 0; i < producers; i++) {
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    try {
                        call.run();
                    } catch (Exception e) {
                        System.err.println(client + ": " + e.getMessage());
                    }
                }
            });
        }
        List<Sample> samples = new ArrayList<>();
        long requests = limits.requests();
        long refused = limits.rateLimited();
        long next = System.nanoTime();
        for (int second = 1; second <= seconds; second++) {
            next += TimeUnit.SECONDS.toNanos(1);
            TimeUnit.NANOSECONDS.sleep(Math.max(0, next - System.nanoTime()));
            long nowRequests = limits.requests();
            long nowRefused = limits.rateLimited();
            samples.add(new Sample(client, second, (nowRequests - requests) - (nowRefused - refused),
                    nowRefused - refused));
            requests = nowRequests;
            refused = nowRefused;
        }
        pool.shutdown();
        if (!pool.awaitTermination(Duration.ofMinutes(1).toSeconds(), TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
        return samples;
    }

    private static void writeCsv(Path csv, List<Sample> samples) throws IOException {
        if (csv.getParent() != null) {
            Files.createDirectories(csv.getParent());
        }
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8))) {
            out.println("client,second,succeeded,rate_limited");
            samples.forEach(s -> out.printf(Locale.ROOT, "%s,%d,%d,%d%n", s.client(), s.second(), s.succeeded(),
                    s.rateLimited()));
        }
    }
}
