package org.jiraq.camel.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jiraq.camel.JiraqRateLimitPriority;
import org.jiraq.camel.auth.ApiTokenAuth;
import org.jiraq.simulator.JiraSimulator;
import org.jiraq.simulator.limits.SimulatorRateLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The governor spends Jira's points quota evenly across its window, learned from the structured headers (or their
 * Beta- forms) or from options, so a saturating workload uses most of every window and never runs into the lock-out;
 * when the quota is short, calls of a higher priority get it first.
 */
class QuotaPaceTest {

    private JiraSimulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void aSaturatingWorkloadUsesMostOfEveryWindowAndIsNeverLockedOut() throws Exception {
        // GET /issue costs 2 points: 240 points per 3 s window allow 40 calls a second
        SimulatorRateLimits limits = SimulatorRateLimits.create()
                .quota(240, Duration.ofSeconds(3), SimulatorRateLimits.TENANT_QUOTA);
        JiraqClient client = start(limits);

        saturate(client, 8, Duration.ofSeconds(10), new AtomicInteger());

        List<SimulatorRateLimits.QuotaWindow> windows = limits.quotaWindows();
        assertThat(limits.rateLimited(SimulatorRateLimits.TENANT_QUOTA)).as("quota 429s").isZero();
        // the first window includes learning the quota; the last is cut short by the end of the run
        for (SimulatorRateLimits.QuotaWindow w : windows.subList(1, windows.size() - 1)) {
            assertThat(w.pointsUsed() / (double) w.points()).as("window %d used", w.number()).isBetween(0.80, 1.0);
        }
    }

    @Test
    void theBetaHeadersAndTheGlobalPoolArePacedAlike() throws Exception {
        SimulatorRateLimits limits = SimulatorRateLimits.create().betaHeaders()
                .quota(240, Duration.ofSeconds(3), SimulatorRateLimits.GLOBAL_QUOTA);
        JiraqClient client = start(limits);

        saturate(client, 8, Duration.ofSeconds(7), new AtomicInteger());

        assertThat(limits.rateLimited(SimulatorRateLimits.GLOBAL_QUOTA)).isZero();
        SimulatorRateLimits.QuotaWindow second = limits.quotaWindows().get(1);
        assertThat(second.pointsUsed() / (double) second.points()).isGreaterThan(0.8);
    }

    @Test
    void theQuotaOptionPacesBeforeJiraAnnouncesAny() throws Exception {
        JiraqClient client = start(SimulatorRateLimits.create()); // no quota headers at all
        client.rateLimitGovernor().useQuota(100, Duration.ofSeconds(2)); // 50 points/s: 25 GETs a second
        AtomicInteger calls = new AtomicInteger();

        saturate(client, 8, Duration.ofSeconds(4), calls);

        assertThat(calls.get()).as("about 4 s at 0.95 × 25 calls/s").isBetween(70, 110);
    }

    @Test
    void whenTheQuotaIsShortHighPriorityCallsGetItFirst() throws Exception {
        SimulatorRateLimits limits = SimulatorRateLimits.create()
                .quota(120, Duration.ofSeconds(3), SimulatorRateLimits.TENANT_QUOTA); // 20 calls a second in all
        JiraqClient client = start(limits);
        // two endpoints of one connection: the governor is theirs alike, the priorities their own
        JiraqClient high = client.with(RetryPolicy.none(), Duration.ofSeconds(5), JiraqRateLimitPriority.high,
                JiraqClientListener.NONE);
        JiraqClient low = client.with(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofSeconds(30)),
                Duration.ofSeconds(5), JiraqRateLimitPriority.low, JiraqClientListener.NONE);
        AtomicInteger highCalls = new AtomicInteger();
        AtomicInteger lowCalls = new AtomicInteger();

        ExecutorService both = Executors.newFixedThreadPool(2);
        both.submit(() -> saturate(high, 4, Duration.ofSeconds(6), highCalls));
        both.submit(() -> saturate(low, 4, Duration.ofSeconds(6), lowCalls));
        both.shutdown();
        assertThat(both.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(limits.rateLimited(SimulatorRateLimits.TENANT_QUOTA)).isZero();
        assertThat(highCalls.get()).as("high %d, low %d", highCalls.get(), lowCalls.get())
                .isGreaterThan(3 * lowCalls.get());
    }

    private JiraqClient start(SimulatorRateLimits limits) {
        sim = JiraSimulator.builder().feature(limits).checkContract(false).start();
        sim.state().seedIssues("OPS", 1);
        return new JiraqClient(URI.create(sim.baseUrl()),
                new ApiTokenAuth(JiraSimulator.DEFAULT_USER, JiraSimulator.DEFAULT_API_TOKEN),
                HttpClientFactory.createDefault(), new RetryPolicy(3, Duration.ofMillis(10), Duration.ofSeconds(30)),
                Duration.ofSeconds(5));
    }

    /** {@code threads} threads reading an issue as fast as the governor lets them for {@code time}. */
    private static Void saturate(JiraqClient client, int threads, Duration time, AtomicInteger calls)
            throws InterruptedException {
        long end = System.nanoTime() + time.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int i = 0; i < threads; i++) {
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    try {
                        client.execute(JiraqRequest.get("/rest/api/3/issue/OPS-1").build());
                        calls.incrementAndGet();
                    } catch (Exception e) {
                        // a call the governor would not send in time: the thread tries again
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(time.toSeconds() + 40, TimeUnit.SECONDS);
        return null;
    }
}
