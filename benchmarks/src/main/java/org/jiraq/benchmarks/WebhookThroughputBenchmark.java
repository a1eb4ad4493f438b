package org.jiraq.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.jiraq.camel.JiraqComponent;

/**
 * Events per second through jiraq:webhook in both acknowledgement modes (HMAC check, the event stored in the inbox of
 * the jiraq database, an embedded H2 file as by default, JSON to Map, delivery to the route) against a bare
 * platform-http route that only answers 204, all on the same Vert.x server in the same JVM and run, measured in
 * rotating rounds so all see the same machine. Every request is a distinct Jira event (its own
 * X-Atlassian-Webhook-Identifier), so each one is verified, stored and delivered. In inbox mode (the default) Jira is
 * answered once the event is stored and the route gets it from the inbox; after each of its rounds the benchmark waits
 * for the route to have every accepted event, and reports that end-to-end rate too.
 * <p>
 * Options (system properties): concurrency (64 requests in flight), seconds (10 per round), warmupSeconds (5),
 * rounds (3).
 */
public final class WebhookThroughputBenchmark implements Benchmark {

    private static final String SECRET = "benchmark webhook secret";
    private static final AtomicLong IDENTIFIERS = new AtomicLong(1_000_000);

    private static final double GOAL_RATIO = 0.70;

    @Override
    public String id() {
        return "webhook-throughput";
    }

    @Override
    public BenchmarkReport run(BenchmarkContext context) throws Exception {
        int concurrency = Integer.getInteger("concurrency", 64);
        Duration round = Duration.ofSeconds(Long.getLong("seconds", 10));
        Duration warmup = Duration.ofSeconds(Long.getLong("warmupSeconds", 5));
        int rounds = Integer.getInteger("rounds", 3);

        Path store = Files.createTempDirectory("jiraq-webhook-bench");
        int port = freePort();
        LongAdder bareEvents = new LongAdder();
        LongAdder jiraqEvents = new LongAdder();
        LongAdder afterRouteEvents = new LongAdder();
        CamelContext camel = new DefaultCamelContext();
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindPort(port);
        camel.addService(new VertxPlatformHttpServer(server));
        // de-duplication as by default: a table in the component's store, an embedded H2 file
        JiraqComponent component = new JiraqComponent();
        component.setStoreUrl("jdbc:h2:file:" + store.resolve("jiraq"));
        camel.addComponent("jiraq", component);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("platform-http:/bare?httpMethodRestrict=POST").process(exchange -> {
                    bareEvents.increment();
                    exchange.getMessage().getHeaders().clear();
                    exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 204);
                    exchange.getMessage().setBody(null);
                });
                from("jiraq:webhook?webhookPath=/jiraq&webhookVerification=hmac&webhookSecret=RAW(" + SECRET + ")")
                        .process(exchange -> jiraqEvents.increment());
                from("jiraq:webhook?webhookPath=/jiraq-after&webhookAckMode=afterRoute&webhookVerification=hmac"
                     + "&webhookSecret=RAW(" + SECRET + ")")
                        .process(exchange -> afterRouteEvents.increment());
            }
        });
        camel.start();

        byte[] body = payload();
        String signature = "sha256=" + hmac(body);
        ExecutorService loadThreads = Executors.newFixedThreadPool(2);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(loadThreads).build();
        URI bare = URI.create("http://localhost:" + port + "/bare");
        URI jiraq = URI.create("http://localhost:" + port + "/jiraq");
        URI afterRoute = URI.create("http://localhost:" + port + "/jiraq-after");
        System.out.printf("Webhook throughput: %d-byte jira:issue_created events, %d in flight, %d s rounds, %s%n",
                body.length, concurrency, round.toSeconds(), Runtime.getRuntime().availableProcessors() + " cores");

        drive(http, bare, body, signature, concurrency, warmup);
        driveInbox(http, jiraq, body, signature, concurrency, warmup, jiraqEvents);
        drive(http, afterRoute, body, signature, concurrency, warmup);
        List<Double> bareRates = new ArrayList<>();
        List<double[]> inboxRates = new ArrayList<>();
        List<Double> afterRouteRates = new ArrayList<>();
        for (int i = 1; i <= rounds; i++) {
            // the order rotates, so no contender always runs first or last
            for (int slot = 0; slot < 3; slot++) {
                switch ((slot + i) % 3) {
                    case 0 -> bareRates.add(drive(http, bare, body, signature, concurrency, round));
                    case 1 -> inboxRates.add(driveInbox(http, jiraq, body, signature, concurrency, round, jiraqEvents));
                    default -> afterRouteRates.add(drive(http, afterRoute, body, signature, concurrency, round));
                }
            }
            System.out.printf("round %d: bare platform-http %,.0f events/s, jiraq:webhook inbox %,.0f events/s answered"
                              + " (%,.0f delivered), afterRoute %,.0f events/s%n", i, bareRates.get(i - 1),
                    inboxRates.get(i - 1)[0], inboxRates.get(i - 1)[1], afterRouteRates.get(i - 1));
        }
        List<Double> inboxAnswered = inboxRates.stream().map(r -> r[0]).toList();
        List<Double> inboxDelivered = inboxRates.stream().map(r -> r[1]).toList();
        double bareMedian = median(bareRates);
        double jiraqMedian = median(inboxAnswered);
        double deliveredMedian = median(inboxDelivered);
        double afterRouteMedian = median(afterRouteRates);
        System.out.printf("delivered: bare %,d, inbox %,d, afterRoute %,d%n", bareEvents.sum(), jiraqEvents.sum(),
                afterRouteEvents.sum());
        camel.stop();
        loadThreads.shutdownNow();
        double ratio = jiraqMedian / bareMedian;
        MarkdownTable table = new MarkdownTable("round", "bare platform-http events/s",
                "inbox: answered events/s", "inbox: delivered events/s", "afterRoute events/s", "inbox / bare",
                "afterRoute / bare");
        for (int i = 0; i < rounds; i++) {
            table.row(i + 1, String.format(Locale.ROOT, "%,.0f", bareRates.get(i)),
                    String.format(Locale.ROOT, "%,.0f", inboxAnswered.get(i)),
                    String.format(Locale.ROOT, "%,.0f", inboxDelivered.get(i)),
                    String.format(Locale.ROOT, "%,.0f", afterRouteRates.get(i)),
                    String.format(Locale.ROOT, "%.2f", inboxAnswered.get(i) / bareRates.get(i)),
                    String.format(Locale.ROOT, "%.2f", afterRouteRates.get(i) / bareRates.get(i)));
        }
        String details = """
                One CamelContext with one Vert.x platform-http server and three routes. The bare route answers 204 and
                counts. The two `jiraq:webhook` routes do everything a real delivery needs: HMAC-SHA256 of the raw
                body against `X-Hub-Signature`, the event stored in the inbox of the component's store as by default
                (an embedded H2 file that writes every commit through, rows written by group commit), the JSON body to a
                `Map`, one exchange through the route. `webhookAckMode=inbox` (the default) answers 204 once the event
                is stored and hands it to the route from the inbox (4 delivery threads, done marks by group commit);
                `afterRoute` answers 204 only after the route. A load generator in the same JVM (JDK HttpClient,
                HTTP/1.1, %d requests in flight) posts a %,d-byte `jira:issue_created` payload, each request with its
                own identifier, so every event is verified, stored and delivered. After a %d s warm-up of each, %d
                rounds of %d s run the three in rotating order; the medians are compared. After each inbox round the
                benchmark waits until the route has every event that was answered: "delivered" is that count over the
                round plus the wait. The load generator shares the cores, so every figure is bounded by it.

                Medians: bare %,.0f events/s; inbox %,.0f answered (%.2f × bare), %,.0f delivered; afterRoute %,.0f
                (%.2f × bare).

                %s
                Options: `seconds`, `warmupSeconds`, `rounds`, `concurrency`. Source: `WebhookThroughputBenchmark`.
                """.formatted(concurrency, body.length, warmup.toSeconds(), rounds, round.toSeconds(), bareMedian,
                jiraqMedian, ratio, deliveredMedian, afterRouteMedian, afterRouteMedian / bareMedian, table);
        return new BenchmarkReport("Webhook throughput of jiraq:webhook (inbox and afterRoute)",
                String.format(Locale.ROOT, "inbox %,.0f events/s: %.2f × the baseline (afterRoute %.2f ×)", jiraqMedian,
                        ratio, afterRouteMedian / bareMedian),
                String.format(Locale.ROOT, "%,.0f events/s (bare platform-http route)", bareMedian),
                "inbox mode at least 0.70 × the baseline",
                ratio >= GOAL_RATIO, details);
    }

    /**
     * A round against the inbox route: answered events per second, then (after waiting for the route to have every
     * answered event) delivered events per second over the round and the wait.
     */
    private static double[] driveInbox(HttpClient http, URI uri, byte[] body, String signature, int concurrency,
                                       Duration duration, LongAdder delivered) throws InterruptedException {
        long before = delivered.sum();
        long start = System.nanoTime();
        double answered = drive(http, uri, body, signature, concurrency, duration);
        long accepted = Math.round(answered * duration.toNanos() / 1e9);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (delivered.sum() - before < accepted * 0.999 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new double[] { answered, (delivered.sum() - before) / seconds };
    }

    /** Keeps {@code concurrency} requests in flight for {@code duration}; returns 2xx answers per second. */
    private static double drive(HttpClient http, URI uri, byte[] body, String signature, int concurrency,
                                Duration duration) throws InterruptedException {
        Semaphore inFlight = new Semaphore(concurrency);
        LongAdder ok = new LongAdder();
        LongAdder failed = new LongAdder();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        while (System.nanoTime() < end) {
            inFlight.acquire();
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/json; charset=UTF-8")
                    .header("X-Atlassian-Webhook-Identifier", Long.toString(IDENTIFIERS.incrementAndGet()))
                    .header("X-Hub-Signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                if (error == null && response.statusCode() / 100 == 2) {
                    ok.increment();
                } else {
                    failed.increment();
                }
                inFlight.release();
            });
        }
        inFlight.acquire(concurrency);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (failed.sum() > 0) {
            System.out.printf("  %s: %,d requests failed%n", uri.getPath(), failed.sum());
        }
        return ok.sum() / seconds;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    /** A jira:issue_created delivery shaped like a real one, about 2.5 KB. */
    private static byte[] payload() {
        String issue = "{\"id\":\"10042\",\"key\":\"DEMO-42\",\"self\":\"https://acme.atlassian.net/rest/api/2/issue/10042\","
                       + "\"fields\":{\"summary\":\"Printer on fire\",\"issuetype\":{\"id\":\"10001\",\"name\":\"Task\","
                       + "\"subtask\":false},\"project\":{\"id\":\"10000\",\"key\":\"DEMO\",\"name\":\"Demo\","
                       + "\"projectTypeKey\":\"software\"},\"status\":{\"id\":\"1\",\"name\":\"To Do\",\"statusCategory\":"
                       + "{\"id\":2,\"key\":\"new\",\"colorName\":\"blue-gray\"}},\"priority\":{\"id\":\"3\",\"name\":"
                       + "\"Medium\"},\"labels\":[\"printer\",\"fire\"],\"created\":\"2026-11-22T12:00:00.000+0000\","
                       + "\"updated\":\"2026-11-22T12:00:00.000+0000\",\"description\":\"" + "Smoke everywhere. ".repeat(60)
                       + "\"}}";
        String user = "{\"self\":\"https://acme.atlassian.net/rest/api/2/user?accountId=5c19e3e3f9cb4734ae1b918e\","
                      + "\"accountId\":\"5c19e3e3f9cb4734ae1b918e\",\"displayName\":\"Alice\",\"active\":true}";
        return ("{\"timestamp\":1763812800000,\"webhookEvent\":\"jira:issue_created\",\"issue_event_type_name\":"
                + "\"issue_created\",\"user\":" + user + ",\"issue\":" + issue + "}").getBytes(StandardCharsets.UTF_8);
    }

    private static String hmac(byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
