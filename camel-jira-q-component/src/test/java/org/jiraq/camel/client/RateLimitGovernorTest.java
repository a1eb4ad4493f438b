package org.jiraq.camel.client;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.apache.camel.spi.HttpResponseAware;
import org.jiraq.camel.JiraqHttpException;
import org.jiraq.camel.JiraqRateLimitException;
import org.jiraq.camel.auth.ApiTokenAuth;
import org.jiraq.simulator.JiraSimulator;
import org.jiraq.simulator.limits.SimulatorRateLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RateLimitGovernorTest {

    private final List<AutoCloseable> toClose = new CopyOnWriteArrayList<>();
    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
    }

    private JiraSimulator simulator(SimulatorRateLimits limits) {
        JiraSimulator sim = JiraSimulator.builder().feature(limits).checkContract(false).start();
        toClose.add(sim);
        return sim;
    }

    private WireMockServer wireMock() {
        WireMockServer server = new WireMockServer(options().dynamicPort());
        server.start();
        toClose.add(server::stop);
        return server;
    }

    private static JiraqClient client(String baseUrl, int maxRetries, Duration maxRetryDelay) {
        return client(baseUrl, maxRetries, maxRetryDelay, new RateLimitGovernor(baseUrl, "test"));
    }

    /** A client paced by {@code governor}, as the endpoints of one connection are. */
    private static JiraqClient client(String baseUrl, int maxRetries, Duration maxRetryDelay,
                                      RateLimitGovernor governor) {
        return new JiraqClient(URI.create(baseUrl),
                new ApiTokenAuth(JiraSimulator.DEFAULT_USER, JiraSimulator.DEFAULT_API_TOKEN),
                HttpClientFactory.createDefault(), new RetryPolicy(maxRetries, Duration.ofMillis(10), maxRetryDelay),
                Duration.ofSeconds(5), governor, JiraqClientListener.NONE);
    }

    /** The first call to {@code method path} gets a 429 with Retry-After: 1 and {@code reason}; later ones {@code then}. */
    private static void refuseOnce(WireMockServer jira, String method, String path, String reason,
                                   ResponseDefinitionBuilder then) {
        jira.stubFor(request(method, urlEqualTo(path)).inScenario(path).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withHeader("RateLimit-Reason", reason))
                .willSetStateTo("open"));
        jira.stubFor(request(method, urlEqualTo(path)).inScenario(path).whenScenarioStateIs("open").willReturn(then));
    }

    private static Duration timed(IOAction action) throws IOException {
        long start = System.nanoTime();
        action.run();
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @FunctionalInterface
    private interface IOAction {
        void run() throws IOException;
    }

    @Test
    void concurrentCallsArePacedToTheAnnouncedLimitWithoutDrawing429s() throws Exception {
        SimulatorRateLimits limits = SimulatorRateLimits.create().perMethod("GET", 50);
        JiraqClient client = client(simulator(limits).baseUrl(), 4, Duration.ofSeconds(2));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            long start = System.nanoTime();
            List<Future<Integer>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 130; i++) {
                calls.add(pool.submit(() -> client.execute(JiraqRequest.get("/rest/api/3/project/DEMO").build()).status()));
            }
            for (Future<Integer> call : calls) {
                assertThat(call.get()).isEqualTo(200);
            }

            // 50 in the bucket, 80 more at 50/s: the governor spreads them instead of bursting into 429s
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(1200));
            assertThat(limits.rateLimited()).isZero();
            assertThat(client.rateLimitGovernor().state().last().limit()).isEqualTo(50);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void spentQuotaHoldsEveryCallInsteadOfSendingItAndSaysSoWithoutA429() throws Exception {
        SimulatorRateLimits limits = SimulatorRateLimits.create()
                .quota(6, Duration.ofSeconds(2), SimulatorRateLimits.TENANT_QUOTA); // 3 calls of 2 points
        JiraSimulator sim = JiraSimulator.builder().feature(limits).checkContract(false)
                .user("bob@example.com", "other-app-token").start();
        toClose.add(sim);
        JiraqClient impatient = client(sim.baseUrl(), 0, Duration.ofMillis(100));
        // another app on the tenant spends the quota (this governor would have spread its own calls over the window)
        java.net.http.HttpRequest otherApp = java.net.http.HttpRequest.newBuilder(
                URI.create(sim.baseUrl() + "/rest/api/3/project/DEMO")).header("Authorization", "Basic "
                + java.util.Base64.getEncoder().encodeToString("bob@example.com:other-app-token".getBytes())).build();
        for (int i = 0; i < 3; i++) {
            assertThat(java.net.http.HttpClient.newHttpClient().send(otherApp,
                    java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        }
        JiraqHttpException refused = catchThrowableOfType(JiraqHttpException.class,
                () -> impatient.execute(JiraqRequest.get("/rest/api/3/project/DEMO").build()));
        assertThat(refused.getRateLimitReason()).isEqualTo("jira-quota-tenant-based");
        long sent = limits.requests();

        Throwable held = catchThrowable(() -> impatient.execute(JiraqRequest.get("/rest/api/3/issue/DEMO-1").build()));

        assertThat(limits.requests()).isEqualTo(sent);
        // not sent, so not an answer from Jira: no 429, no HttpResponseAware, but still retryable after the hold
        assertThat(held).isInstanceOf(JiraqRateLimitException.class).isNotInstanceOf(HttpResponseAware.class);
        JiraqRateLimitException notSent = (JiraqRateLimitException) held;
        assertThat(notSent.isRetryable()).isTrue();
        assertThat(notSent.isOutcomeUnknown()).isFalse();
        assertThat(notSent.getRetryAfter()).isPositive();
        assertThat(notSent.getRateLimitReason()).isEqualTo("jira-quota-tenant-based");
        assertThat(notSent.getMessage()).contains("Not sent").contains("jira-quota-tenant-based")
                .doesNotContain("429").doesNotContain("answered");
        assertThat(impatient.rateLimitGovernor().state().heldUntil()).isNotNull();

        JiraqClient patient = client(sim.baseUrl(), 0, Duration.ofSeconds(5), impatient.rateLimitGovernor());
        assertThat(patient.execute(JiraqRequest.get("/rest/api/3/project/DEMO").build()).status()).isEqualTo(200);
        assertThat(limits.rateLimited()).isEqualTo(1);
    }

    @Test
    void burstLimitedEndpointWaitsWhileOtherEndpointsGoOn() throws IOException {
        WireMockServer jira = wireMock();
        refuseOnce(jira, "GET", "/rest/api/3/issue/DEMO-1", "jira-burst-based", okJson("{\"key\":\"DEMO-1\"}"));
        jira.stubFor(get("/rest/api/3/issue/DEMO-2").willReturn(okJson("{\"key\":\"DEMO-2\"}")));
        jira.stubFor(get("/rest/api/3/project/DEMO").willReturn(okJson("{\"key\":\"DEMO\"}")));
        JiraqClient client = client(jira.baseUrl(), 0, Duration.ofSeconds(5));
        catchThrowableOfType(JiraqHttpException.class,
                () -> client.execute(JiraqRequest.get("/rest/api/3/issue/DEMO-1").build()));

        Duration otherEndpoint = timed(() -> client.execute(JiraqRequest.get("/rest/api/3/project/DEMO").build()));
        Duration sameEndpoint = timed(() -> client.execute(JiraqRequest.get("/rest/api/3/issue/DEMO-2").build()));

        assertThat(otherEndpoint).isLessThan(Duration.ofMillis(500));
        assertThat(sameEndpoint).isGreaterThan(Duration.ofMillis(700));
    }

    @Test
    void perIssueWriteRefusalHoldsWritesToThatIssueOnly() throws IOException {
        WireMockServer jira = wireMock();
        refuseOnce(jira, "PUT", "/rest/api/3/issue/DEMO-1", "jira-per-issue-on-write", aResponse().withStatus(204));
        jira.stubFor(put("/rest/api/3/issue/DEMO-2").willReturn(aResponse().withStatus(204)));
        jira.stubFor(get("/rest/api/3/issue/DEMO-1").willReturn(okJson("{\"key\":\"DEMO-1\"}")));
        JiraqClient client = client(jira.baseUrl(), 0, Duration.ofSeconds(5));
        catchThrowableOfType(JiraqHttpException.class,
                () -> client.execute(JiraqRequest.put("/rest/api/3/issue/DEMO-1").json("{}").build()));

        Duration otherIssue = timed(() -> client.execute(JiraqRequest.put("/rest/api/3/issue/DEMO-2").json("{}").build()));
        Duration readSameIssue = timed(() -> client.execute(JiraqRequest.get("/rest/api/3/issue/DEMO-1").build()));
        Duration writeSameIssue = timed(
                () -> client.execute(JiraqRequest.put("/rest/api/3/issue/DEMO-1").json("{}").build()));

        assertThat(otherIssue).isLessThan(Duration.ofMillis(500));
        assertThat(readSameIssue).isLessThan(Duration.ofMillis(500));
        assertThat(writeSameIssue).isGreaterThan(Duration.ofMillis(500));
    }

    @Test
    void stateIsWhatTheLastAnswerWithRateLimitHeadersSaid() throws IOException {
        SimulatorRateLimits limits = SimulatorRateLimits.create().perMethod("GET", 2);
        JiraqClient client = client(simulator(limits).baseUrl(), 0, Duration.ofSeconds(5));

        client.execute(JiraqRequest.get("/rest/api/3/project/DEMO").build());
        RateLimitHeaders afterFirst = client.rateLimitGovernor().state().last();
        client.execute(JiraqRequest.get("/rest/api/3/project/DEMO").build());
        catchThrowableOfType(JiraqHttpException.class,
                () -> client.execute(JiraqRequest.get("/rest/api/3/issue/DEMO-1").build()));

        assertThat(afterFirst.limit()).isEqualTo(2);
        assertThat(afterFirst.remaining()).isEqualTo(1);
        RateLimitState state = client.rateLimitGovernor().state();
        assertThat(state.last().reason()).isEqualTo("jira-burst-based");
        assertThat(state.lastAt()).isNotNull();
    }

    @Test
    void endpointsAreNamedByTheirTemplate() {
        assertThat(RateLimitGovernor.endpointOf(JiraqRequest.put("/rest/api/3/issue/DEMO-12/comment/10001").build()))
                .isEqualTo("PUT /rest/api/{}/issue/{}/comment/{}");
        assertThat(RateLimitGovernor.endpointOf(JiraqRequest.post("/rest/api/3/issue/bulk").build()))
                .isEqualTo("POST /rest/api/{}/issue/bulk");
        assertThat(RateLimitGovernor.endpointOf(JiraqRequest.post("/rest/api/3/search/jql").build()))
                .isEqualTo("POST /rest/api/{}/search/jql");
        assertThat(RateLimitGovernor.issueKeyOf(JiraqRequest.put("/rest/api/2/issue/OPS-7/transitions").build()))
                .isEqualTo("OPS-7");
        assertThat(RateLimitGovernor.issueKeyOf(JiraqRequest.post("/rest/api/3/issue").build())).isNull();
    }
}
