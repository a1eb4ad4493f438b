package org.jiraq.camel;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.builder.RouteBuilder;
import org.jiraq.camel.store.SharedDatabase;
import org.jiraq.simulator.JiraSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two replicas of one application (two CamelContexts, each with its own component, store instance and HTTP server) on
 * one database: a real PostgreSQL as on Kubernetes, and the H2 file of the single-process default. What the routes
 * see must be what one replica alone would have seen.
 */
class ConsumerReplicasTest {

    private static final String SECRET = "shared by the replicas";
    private static final String PATH = "/jira/events";

    @TempDir
    Path dir;
    private final JiraSimulator sim = JiraSimulator.builder().start();
    private final List<WebhookApp> replicas = new ArrayList<>();
    /** What reached the routes of either replica: webhook identifiers, or polled (issue, updated) changes. */
    private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
    private final List<String> receivedBy = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        replicas.forEach(WebhookApp::close);
        try {
            sim.assertNoContractViolations();
        } finally {
            sim.close();
        }
    }

    @ParameterizedTest
    @EnumSource(SharedDatabase.class)
    void aWebhookDeliveredToBothReplicasReachesTheRoutesOnce(SharedDatabase database) throws Exception {
        String url = database.createDatabase(dir);
        List<Integer> ports = List.of(WebhookApp.freePort(), WebhookApp.freePort());
        for (int replica = 0; replica < 2; replica++) {
            replicas.add(WebhookApp.start(sim, ports.get(replica), url, webhookRoute("replica-" + replica)));
        }

        // as when Jira's retry or duplicate copy of a delivery lands on the other pod behind the Service
        int deliveries = 40;
        ExecutorService jira = Executors.newFixedThreadPool(8);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            CountDownLatch go = new CountDownLatch(1);
            for (int delivery = 0; delivery < deliveries; delivery++) {
                String identifier = "replicas-" + delivery;
                byte[] body = ("{\"timestamp\":1,\"webhookEvent\":\"jira:issue_updated\",\"issue\":{\"id\":\"1000" + delivery
                               + "\",\"key\":\"DEMO-" + delivery + "\",\"fields\":{\"project\":{\"key\":\"DEMO\"}}}}")
                        .getBytes(StandardCharsets.UTF_8);
                Map<String, String> headers = Map.of("X-Hub-Signature", "sha256=" + WebhookApp.hmac(SECRET, body),
                        "X-Atlassian-Webhook-Identifier", identifier);
                for (int port : ports) {
                    answers.add(jira.submit(() -> {
                        go.await();
                        return WebhookApp.post(WebhookApp.url(port, PATH), body, headers);
                    }));
                }
            }
            go.countDown();
            for (Future<HttpResponse<String>> answer : answers) {
                assertThat(answer.get().statusCode()).isBetween(200, 299);
            }
        } finally {
            jira.shutdownNow();
        }

        // answered once stored: the routes get the events from the inbox right after
        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() == deliveries);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> received.size() == deliveries);
        assertThat(received.values()).allSatisfy(times -> assertThat(times.get()).isOne());
    }

    @ParameterizedTest
    @EnumSource(SharedDatabase.class)
    void pollingReplicasDeliverEachChangeOnceAndOneFinishesWhenTheOtherIsStopped(SharedDatabase database)
            throws Exception {
        String url = database.createDatabase(dir);
        int issues = 30;
        for (int i = 0; i < issues; i++) {
            sim.state().createIssue("DEMO", "Task", "Change " + i);
        }
        for (int replica = 0; replica < 2; replica++) {
            replicas.add(WebhookApp.start(sim, WebhookApp.freePort(), url, pollingRoute("replica-" + replica)));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() >= 5);
        String stopped = receivedBy.get(0);
        replicas.get(Integer.parseInt(stopped.substring("replica-".length()))).close();
        sim.state().createIssue("DEMO", "Task", "After the stop");
        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() == issues + 1);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> received.size() == issues + 1);

        assertThat(received.values()).allSatisfy(times -> assertThat(times.get()).isOne());
    }

    private RouteBuilder webhookRoute(String replica) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("jiraq:webhook?webhookPath=" + PATH + "&webhookVerification=hmac&webhookSecret=RAW(" + SECRET + ")")
                        .process(exchange -> record(replica,
                                exchange.getMessage().getHeader("X-Atlassian-Webhook-Identifier", String.class)));
            }
        };
    }

    private RouteBuilder pollingRoute(String replica) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("jiraq:issues?jql=RAW(project = DEMO)&lookback=300000&delay=20")
                        .process(exchange -> {
                            record(replica, exchange.getMessage().getHeader(JiraqConstants.ISSUE_KEY) + "@"
                                            + exchange.getMessage().getHeader(JiraqConstants.ISSUE_UPDATED, Instant.class));
                            Thread.sleep(20); // a route with some work to do, so a stop lands mid-poll
                        });
            }
        };
    }

    private void record(String replica, String what) {
        received.computeIfAbsent(what, w -> new AtomicInteger()).incrementAndGet();
        receivedBy.add(replica);
    }
}
