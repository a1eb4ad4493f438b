package org.jiraq.camel;

import java.io.File;
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
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.impl.DefaultCamelContext;
import org.awaitility.Awaitility;
import org.jiraq.camel.store.SharedDatabase;
import org.jiraq.simulator.JiraSimulator;
import org.jiraq.simulator.limits.SimulatorRateLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replicas that share the component's PostgreSQL store share Jira's rate limits: each replica is a JVM of its own
 * ({@link RateLimitReplicaMain}) calling the simulator, which counts what it lets through and refuses. Together they
 * keep under a burst limit and use it; a replica killed with kill -9 leaves the others the whole budget; one
 * replica's quota 429 holds the others too, before they send anything. (How they compare with a governor per JVM is
 * measured in benchmarks/, not here.) A replica that loses the store paces alone, warns in its
 * health check, and shares again once the store is back.
 */
class SharedRateLimitsReplicasTest {

    private static final int LIMIT = 30;

    @TempDir
    Path dir;
    private JiraSimulator sim;
    private final List<Process> replicas = new ArrayList<>();

    @AfterEach
    void stop() {
        replicas.forEach(Process::destroyForcibly);
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void twoReplicasTogetherKeepUnderTheBurstLimitAndUseIt() throws Exception {
        SimulatorRateLimits limits = SimulatorRateLimits.create().perMethod("GET", LIMIT);
        String store = start(limits);

        Run shared = run(limits, store, true, 2, 6, -1);

        assertThat(shared.share429()).as("429s with a shared budget").isLessThan(0.01);
        assertThat(shared.successesPerSecond()).as("successes/s with a shared budget: %s", shared.reports())
                .isGreaterThan(0.8 * LIMIT);
        assertThat(shared.reports()).allSatisfy(r -> assertThat(r).containsEntry("shared", "true"));
    }

    @Test
    void aReplicaKilledMidWindowLeavesTheOthersTheWholeBudget() throws Exception {
        SimulatorRateLimits limits = SimulatorRateLimits.create().perMethod("GET", LIMIT);
        String store = start(limits);

        Run run = run(limits, store, true, 3, 8, 2);

        assertThat(run.share429()).isLessThan(0.01);
        assertThat(run.lastSecondsPerSecond()).as("successes/s after the kill").isGreaterThan(0.8 * LIMIT);
        assertThat(run.reports()).as("the two survivors report").hasSize(2);
    }

    @Test
    void oneReplicasQuotaLockOutHoldsTheOthersBeforeTheySendAnything() throws Exception {
        // 400 points per 2 minutes: the replicas pace at about 2 calls/s; another app then spends the rest at once
        SimulatorRateLimits limits = SimulatorRateLimits.create().perMethod("GET", 60)
                .quota(400, Duration.ofSeconds(120), SimulatorRateLimits.TENANT_QUOTA);
        String store = start(limits);
        sim.state().seedIssues("OPS", 99); // 100 issues: a page of them costs 101 points
        Process first = replica(store, true, 2);
        Process late = replica(store, true, 2);
        long t = System.currentTimeMillis() + 1_000;
        go(first, t, t + 7_000);
        go(late, t + 3_500, t + 7_000);

        TimeUnit.MILLISECONDS.sleep(t + 1_500 - System.currentTimeMillis());
        drainQuota();

        Map<String, String> firstReport = report(first);
        Map<String, String> lateReport = report(late);
        assertThat(Integer.parseInt(firstReport.get("quota429"))).as("the first replica's calls in flight")
                .isBetween(1, 2);
        assertThat(lateReport.get("quota429")).as("the late replica never calls into the lock-out").isEqualTo("0");
        assertThat(Integer.parseInt(lateReport.get("notSent"))).as("it was held instead").isPositive();
        assertThat(lateReport.get("ok")).isEqualTo("0");
    }

    @Test
    void aReplicaThatLosesTheStorePacesAloneWithAWarningAndSharesAgainWhenItIsBack() throws Exception {
        sim = JiraSimulator.builder().checkContract(false)
                .feature(SimulatorRateLimits.create().perMethod("GET", LIMIT)).start();
        sim.state().seedIssues("OPS", 1);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path data = dir.resolve("pg");
        EmbeddedPostgres postgres = postgres(data, port);
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            JiraqComponent jiraq = new JiraqComponent();
            jiraq.setStoreUrl(postgres.getJdbcUrl("postgres", "postgres"));
            configure(jiraq.getConfiguration());
            camel.addComponent("jiraq", jiraq);
            camel.start();
            JiraqEndpoint endpoint = camel.getEndpoint("jiraq:getIssue", JiraqEndpoint.class);
            endpoint.start();
            getIssue(camel, 5);
            assertThat(endpoint.getClient().rateLimitGovernor().isShared()).isTrue();
            assertThat(health(camel).getDetails()).containsEntry("rateLimits.sharing", "shared");

            postgres.close();
            getIssue(camel, 5); // still answered: paced per JVM

            assertThat(endpoint.getClient().rateLimitGovernor().isShared()).isFalse();
            HealthCheck.Result warned = health(camel);
            assertThat(warned.getState()).isEqualTo(HealthCheck.State.UP);
            assertThat(warned.getDetails()).containsEntry("rateLimits.sharing", "per-jvm");
            assertThat(warned.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("rateLimits: The shared "
                    + "rate-limit store is unreachable"));

            postgres = postgres(data, port); // the same data on the same port: the store is back
            Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() -> {
                getIssue(camel, 1);
                return endpoint.getClient().rateLimitGovernor().isShared();
            });
            assertThat(health(camel).getDetails()).containsEntry("rateLimits.sharing", "shared");
        } finally {
            postgres.close();
        }
    }

    @Test
    void onTheEmbeddedH2StoreNothingIsShared() throws Exception {
        sim = JiraSimulator.builder().checkContract(false).start();
        sim.state().seedIssues("OPS", 1);
        for (String storeUrl : new String[] { null, "jdbc:h2:file:" + dir.resolve("jiraq") }) {
            try (DefaultCamelContext camel = new DefaultCamelContext()) {
                JiraqComponent jiraq = new JiraqComponent();
                jiraq.setStoreUrl(storeUrl);
                configure(jiraq.getConfiguration());
                camel.addComponent("jiraq", jiraq);
                camel.start();
                JiraqEndpoint endpoint = camel.getEndpoint("jiraq:getIssue", JiraqEndpoint.class);
                endpoint.start();
                getIssue(camel, 1);

                assertThat(jiraq.getStoreService().sharedRateLimits()).as(String.valueOf(storeUrl)).isNull();
                assertThat(endpoint.getClient().rateLimitGovernor().isShared()).isFalse();
            }
        }
    }

    /** What the simulator saw while the replicas ran, and what the replicas that finished reported. */
    private record Run(long successes, long rateLimited, double seconds, long lastSuccesses, double lastSeconds,
                       List<Map<String, String>> reports) {

        double share429() {
            return rateLimited / (double) Math.max(1, successes + rateLimited);
        }

        double successesPerSecond() {
            return successes / seconds;
        }

        double lastSecondsPerSecond() {
            return lastSuccesses / lastSeconds;
        }
    }

    /**
     * {@code count} replicas calling for {@code seconds} from a common moment; the last one is killed with kill -9
     * {@code killAfter} seconds in (never when negative).
     */
    private Run run(SimulatorRateLimits limits, String store, boolean shared, int count, int seconds, int killAfter)
            throws Exception {
        List<Process> started = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            started.add(replica(store, shared, 4));
        }
        long start = System.currentTimeMillis() + 1_000;
        long end = start + seconds * 1000L;
        for (Process replica : started) {
            go(replica, start, end);
        }
        TimeUnit.MILLISECONDS.sleep(start - System.currentTimeMillis());
        long requests = limits.requests();
        long refused = limits.rateLimited();
        long half = 0;
        long halfRefused = 0;
        if (killAfter >= 0) {
            TimeUnit.SECONDS.sleep(killAfter);
            started.get(count - 1).destroyForcibly(); // SIGKILL: no shutdown hook, no goodbye to the store
            started.remove(count - 1);
        }
        TimeUnit.MILLISECONDS.sleep(start + seconds * 500L - System.currentTimeMillis());
        half = limits.requests();
        halfRefused = limits.rateLimited();
        TimeUnit.MILLISECONDS.sleep(Math.max(0, end - System.currentTimeMillis()));
        long allRequests = limits.requests() - requests;
        long allRefused = limits.rateLimited() - refused;
        long lastRequests = limits.requests() - half;
        long lastRefused = limits.rateLimited() - halfRefused;
        List<Map<String, String>> reports = new ArrayList<>();
        for (Process replica : started) {
            reports.add(report(replica));
        }
        return new Run(allRequests - allRefused, allRefused, seconds, lastRequests - lastRefused, seconds / 2.0,
                reports);
    }

    private String start(SimulatorRateLimits limits) {
        sim = JiraSimulator.builder().checkContract(false).requestJournalLimit(1).feature(limits).start();
        sim.state().seedIssues("OPS", 1);
        return SharedDatabase.POSTGRESQL.createDatabase(dir);
    }

    /** A replica, started and ready (its Camel context up), waiting for {@link #go}. */
    private Process replica(String store, boolean shared, int threads) throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process replica = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                RateLimitReplicaMain.class.getName(), sim.baseUrl(), store, Boolean.toString(shared),
                Integer.toString(threads))
                .redirectErrorStream(true).redirectOutput(dir.resolve("replica-" + replicas.size() + ".log").toFile())
                .start();
        replicas.add(replica);
        Path log = dir.resolve("replica-" + replicas.indexOf(replica) + ".log");
        Awaitility.await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100))
                .until(() -> Files.readString(log).contains("replica ready") || !replica.isAlive());
        return replica;
    }

    /** Tells a ready replica when to call and when to stop (epoch ms). */
    private static void go(Process replica, long start, long end) throws Exception {
        replica.getOutputStream().write((start + " " + end + "\n").getBytes(StandardCharsets.UTF_8));
        replica.getOutputStream().flush();
    }

    private Map<String, String> report(Process replica) throws Exception {
        assertThat(replica.waitFor(2, TimeUnit.MINUTES)).isTrue();
        Path log = dir.resolve("replica-" + replicas.indexOf(replica) + ".log");
        String output = Files.readString(log, StandardCharsets.UTF_8);
        String line = output.lines().filter(l -> l.startsWith("replica ok=")).findFirst()
                .orElseThrow(() -> new AssertionError("no report from the replica:\n" + output));
        Map<String, String> values = new TreeMap<>();
        for (String pair : line.substring("replica ".length()).split(" ")) {
            values.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        return values;
    }

    /** Another app on the tenant spends what is left of the quota: pages of 100 issues at 101 points each. */
    private void drainQuota() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest search = HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/rest/api/3/search/jql"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (JiraSimulator.DEFAULT_USER + ":" + JiraSimulator.DEFAULT_API_TOKEN).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jql\":\"project = OPS\",\"maxResults\":100}")).build();
        for (int i = 0; i < 10; i++) {
            if (http.send(search, HttpResponse.BodyHandlers.discarding()).statusCode() == 429) {
                return;
            }
        }
        throw new AssertionError("the quota was not spent");
    }

    private void configure(JiraqConfiguration config) {
        config.setBaseUrl(sim.baseUrl());
        config.setDeployment(JiraqDeployment.cloud);
        config.setUsername(JiraSimulator.DEFAULT_USER);
        config.setApiToken(JiraSimulator.DEFAULT_API_TOKEN);
    }

    private static void getIssue(DefaultCamelContext camel, int times) {
        for (int i = 0; i < times; i++) {
            camel.createProducerTemplate().requestBodyAndHeader("jiraq:getIssue", null, JiraqConstants.ISSUE_KEY,
                    "OPS-1");
        }
    }

    private HealthCheck.Result health(DefaultCamelContext camel) {
        JiraqTestSupport.enableProducerHealthChecks(camel);
        return JiraqTestSupport.producerCheck(camel, "localhost:" + URI.create(sim.baseUrl()).getPort()).orElseThrow().call();
    }

    /** A PostgreSQL server on {@code data} that keeps its data when it stops. */
    private static EmbeddedPostgres postgres(Path data, int port) throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
    }
}
