package org.jiraq.camel.routes;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.camel.builder.RouteBuilder;
import org.awaitility.core.ConditionTimeoutException;
import org.jiraq.camel.ChildJvm;
import org.jiraq.camel.CrashApp;
import org.jiraq.camel.JiraqComponent;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.JiraqWebhookAckMode;
import org.jiraq.camel.WebhookApp;
import org.jiraq.camel.deadletter.JdbcDeadLetterStore;
import org.jiraq.camel.store.JdbcGdprStore;
import org.jiraq.camel.store.JiraqStore;
import org.jiraq.camel.store.SharedDatabase;
import org.jiraq.simulator.AdminWebhook;
import org.jiraq.simulator.JiraSimulator;
import org.jiraq.simulator.PersonalDataReporting;
import org.jiraq.simulator.WebhookAttempt;

import static org.awaitility.Awaitility.await;

/**
 * The fault suite's scenarios beyond faulty calls: the application killed with kill -9 (a {@link CrashApp} child JVM)
 * while it handles webhook events and creates an issue for each, and while it runs a personal data reporting cycle,
 * restarted on the same H2 file or taken over by a replica on PostgreSQL; Jira's retries arriving while the first
 * attempt still runs; a downstream outage longer than Jira's retry window. Each counts what it tried and what was
 * lost, duplicated or dead-lettered, on Jira's side (issues in the simulator) or the route's.
 */
final class FaultScenarios {

    /** One scenario's count. */
    record Tally(String scenario, int tried, int lost, int duplicated, int deadLettered, String notes) {
    }

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Duration LEASE = Duration.ofSeconds(2);
    private static final Duration SEARCH_LAG = Duration.ofSeconds(30);

    private FaultScenarios() {
    }

    /**
     * Jira sends {@code events} issue_created events to a route that creates a follow-up issue for each (in project
     * OPS, with the event's idempotency key); the application is killed {@code kills} times at random moments and
     * restarted on the same H2 file, or, on PostgreSQL, its events are taken over by a second replica until it is
     * back. Counted on Jira's side: follow-up issues per delivered event.
     */
    static Tally webhookCreatesUnderKills(Path dir, SharedDatabase database, int events, int kills, long seed)
            throws Exception {
        Random random = new Random(seed);
        int port = WebhookApp.freePort();
        List<ChildJvm> children = new ArrayList<>();
        try (JiraSimulator sim = JiraSimulator.builder()
                .adminWebhook(AdminWebhook.to(WebhookApp.url(port, CrashApp.PATH)).signedWith(CrashApp.SECRET)
                        .forEvents("jira:issue_created").filteredBy("project = DEMO"))
                .start()) {
            sim.webhooks().retries(60, Duration.ofMillis(500)); // Jira's retries, compressed
            // new issues reach Jira's search index only after 30 s, so a lookup of a killed create cannot lean on it
            sim.state().searchLag(SEARCH_LAG);
            String store = database.createDatabase(dir);
            Function<Integer, ChildJvm> start = n -> startChild(children, "app-" + n, sim, store, port,
                    "create=true", "work=" + random.nextInt(10));
            ChildJvm running = start.apply(0);
            if (database == SharedDatabase.POSTGRESQL) {
                startChild(children, "replica", sim, store, WebhookApp.freePort(), "create=true");
            }
            Thread jira = new Thread(() -> {
                for (int i = 0; i < events; i++) {
                    sim.state().createIssue("DEMO", "Task", "Event " + i);
                    sleep(10);
                }
            });
            jira.start();
            for (int kill = 1; kill <= kills; kill++) {
                int threshold = events * kill / (kills + 1);
                awaitOrExplain(children, () -> state(sim), () -> followUps(sim).size() >= threshold);
                sleep(random.nextInt(40));
                running.kill();
                running = start.apply(kill);
            }
            jira.join();
            awaitOrExplain(children, () -> state(sim), () -> sim.webhooks().idle() && delivered(sim).size() == events
                                           && followUps(sim).keySet().containsAll(delivered(sim)));
            Thread.sleep(LEASE.multipliedBy(2).toMillis()); // anything still to come would come now
            Map<String, Long> issuesPerEvent = followUps(sim);
            Set<String> sent = delivered(sim);
            long foundAgain = children.stream().flatMap(c -> c.linesStartingWith("DONE ").stream())
                    .filter(line -> line.endsWith(" true")).count();
            for (ChildJvm child : children) {
                child.kill();
            }
            return new Tally("webhook events creating issues, kill -9 " + kills + " times, search lag "
                             + SEARCH_LAG.toSeconds() + " s, "
                             + (database == SharedDatabase.H2 ? "restart on the H2 file" : "PostgreSQL replica takes over"),
                    sent.size(), (int) sent.stream().filter(id -> !issuesPerEvent.containsKey(id)).count(),
                    (int) issuesPerEvent.values().stream().filter(n -> n > 1).count(), deadLetters(store, "crash"),
                    sim.webhooks().attempts().size() + " deliveries by Jira; " + foundAgain
                    + " creates answered with the issue an earlier attempt made");
        } finally {
            for (ChildJvm child : children) {
                child.close();
            }
        }
    }

    /**
     * A reporting cycle over {@code accounts} accounts, all closed at Atlassian, killed {@code kills} times, each
     * time in the route at a random account, and resumed by a restart on the same H2 file or, on PostgreSQL, by the
     * other replica. Counted: accounts handled to completion, and accounts reported to Atlassian.
     */
    static Tally gdprCycleUnderKills(Path dir, SharedDatabase database, int accounts, int kills, long seed)
            throws Exception {
        Random random = new Random(seed);
        PersonalDataReporting reporting = new PersonalDataReporting();
        List<ChildJvm> children = new ArrayList<>();
        List<String> ids = IntStream.range(0, accounts).mapToObj(n -> String.format("account-%04d", n)).toList();
        List<String> killedAt = IntStream.range(0, kills)
                .mapToObj(k -> ids.get(accounts * (k + 1) / (kills + 1) - random.nextInt(accounts / (kills + 2))))
                .toList();
        try (JiraSimulator sim = JiraSimulator.builder().feature(reporting).start()) {
            String store = database.createDatabase(dir);
            seed(store, ids);
            reporting.closed(ids.toArray(String[]::new));
            ChildJvm running = startChild(children, "gdpr-0", sim, store, WebhookApp.freePort(), "route=gdpr",
                    "block=" + killedAt.get(0));
            for (int kill = 1; kill <= kills; kill++) {
                String at = killedAt.get(kill - 1);
                running.awaitLine(("HANDLING " + at)::equals, WAIT);
                running.kill();
                String next = kill < kills ? killedAt.get(kill) : "none";
                running = startChild(children, "gdpr-" + kill, sim, store, WebhookApp.freePort(), "route=gdpr",
                        "block=" + next);
            }
            String last = ids.get(accounts - 1);
            running.awaitLine(("DONE " + last)::equals, WAIT);
            Thread.sleep(1_000);
            Map<String, Long> handled = children.stream().flatMap(c -> c.linesStartingWith("DONE ").stream())
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            Map<String, Long> reported = reporting.reportedAccountIds().stream()
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            return new Tally("GDPR cycle of " + accounts + " accounts, kill -9 " + kills + " times mid-route, "
                             + (database == SharedDatabase.H2 ? "restart on the H2 file" : "taken over on PostgreSQL"),
                    accounts, (int) ids.stream().filter(id -> !handled.containsKey(id)).count(),
                    (int) handled.values().stream().filter(n -> n > 1).count(), 0,
                    reported.size() + " reported, " + reported.values().stream().filter(n -> n > 1).count()
                    + " of them twice");
        } finally {
            for (ChildJvm child : children) {
                child.close();
            }
        }
    }

    /**
     * Jira stops waiting after 300 ms and retries while the first attempt still runs (routes take up to 600 ms), and
     * one first attempt in five fails, answered after the route ({@code afterRoute}) or from the inbox with every
     * delivery sent twice at once ({@code inbox}). Counted: route completions per event.
     */
    static Tally retriesDuringTheFirstAttempt(Path dir, JiraqWebhookAckMode ackMode, int events, long seed)
            throws Exception {
        Random random = new Random(seed);
        int port = WebhookApp.freePort();
        Map<String, AtomicInteger> completions = new ConcurrentHashMap<>();
        Set<String> failedOnce = ConcurrentHashMap.newKeySet();
        try (JiraSimulator sim = JiraSimulator.builder()
                .adminWebhook(AdminWebhook.to(WebhookApp.url(port, "/overlap")).signedWith(CrashApp.SECRET)).start();
             WebhookApp app = WebhookApp.start(sim, port, dir.resolve(ackMode.name()), new RouteBuilder() {
                 @Override
                 public void configure() {
                     from("jiraq:webhook?webhookPath=/overlap&webhookVerification=hmac&webhookSecret=RAW("
                          + CrashApp.SECRET + ")&webhookAckMode=" + ackMode + "&inboxRedeliveryDelay=50")
                             .routeId("overlap")
                             .process(exchange -> {
                                 String id = exchange.getMessage().getHeader(JiraqConstants.WEBHOOK_IDENTIFIER,
                                         String.class);
                                 Thread.sleep(Math.floorMod(id.hashCode() * 31L, 600));
                                 if (Math.floorMod(id.hashCode(), 5) == 0 && failedOnce.add(id)) {
                                     throw new IllegalStateException("the first attempt fails");
                                 }
                                 completions.computeIfAbsent(id, i -> new AtomicInteger()).incrementAndGet();
                             });
                 }
             })) {
            sim.webhooks().timeout(Duration.ofMillis(300)).retries(20, Duration.ofMillis(100))
                    .copies(ackMode == JiraqWebhookAckMode.inbox ? 2 : 1);
            for (int i = 0; i < events; i++) {
                sim.state().createIssue("DEMO", "Task", "Overlap " + i + " " + random.nextInt());
            }
            await().atMost(WAIT).until(() -> sim.webhooks().idle() && completions.size() == delivered(sim).size());
            Thread.sleep(1_000);
            Set<String> sent = delivered(sim);
            long overlapping = sim.webhooks().attempts().stream().filter(a -> a.retry() > 0).count();
            return new Tally("Jira retries during the first attempt (" + ackMode + ")", sent.size(),
                    (int) sent.stream().filter(id -> !completions.containsKey(id)).count(),
                    (int) completions.values().stream().filter(n -> n.get() > 1).count(),
                    app.context().getComponent("jiraq", JiraqComponent.class).getDeadLetterStore().count("overlap"),
                    sim.webhooks().attempts().size() + " deliveries, " + overlapping + " of them retries; "
                    + failedOnce.size() + " first attempts failed");
        }
    }

    /**
     * The downstream system is down for {@code outage} while Jira delivers {@code events} events and gives up on each
     * after 5 retries 50 ms apart (its 30 minutes, compressed): the inbox keeps them and delivers them when the
     * downstream is back. Counted: route completions per event.
     */
    static Tally longDownstreamOutage(Path dir, int events, Duration outage) throws Exception {
        int port = WebhookApp.freePort();
        AtomicBoolean down = new AtomicBoolean(true);
        Map<String, AtomicInteger> completions = new ConcurrentHashMap<>();
        AtomicInteger failures = new AtomicInteger();
        try (JiraSimulator sim = JiraSimulator.builder()
                .adminWebhook(AdminWebhook.to(WebhookApp.url(port, "/outage")).signedWith(CrashApp.SECRET)).start();
             WebhookApp app = WebhookApp.start(sim, port, dir.resolve("outage"), new RouteBuilder() {
                 @Override
                 public void configure() {
                     from("jiraq:webhook?webhookPath=/outage&webhookVerification=hmac&webhookSecret=RAW("
                          + CrashApp.SECRET + ")&inboxRedeliveryDelay=100&inboxMaximumRedeliveryDelay=1000")
                             .routeId("outage")
                             .process(exchange -> {
                                 if (down.get()) {
                                     failures.incrementAndGet();
                                     throw new IllegalStateException("the downstream system is down");
                                 }
                                 completions.computeIfAbsent(exchange.getMessage().getHeader(
                                         JiraqConstants.WEBHOOK_IDENTIFIER, String.class), i -> new AtomicInteger())
                                         .incrementAndGet();
                             });
                 }
             })) {
            sim.webhooks().retries(5, Duration.ofMillis(50));
            Instant start = Instant.now();
            for (int i = 0; i < events; i++) {
                sim.state().createIssue("DEMO", "Task", "During the outage " + i);
            }
            await().atMost(WAIT).until(() -> sim.webhooks().idle());
            Duration jiraDone = Duration.between(start, Instant.now());
            Thread.sleep(Math.max(0, outage.minus(jiraDone).toMillis()));
            down.set(false);
            await().atMost(WAIT).until(() -> completions.size() == delivered(sim).size());
            Thread.sleep(1_000);
            Set<String> sent = delivered(sim);
            return new Tally("downstream down " + outage.toSeconds() + " s, Jira's retries over after "
                             + jiraDone.toMillis() + " ms", sent.size(),
                    (int) sent.stream().filter(id -> !completions.containsKey(id)).count(),
                    (int) completions.values().stream().filter(n -> n.get() > 1).count(),
                    app.context().getComponent("jiraq", JiraqComponent.class).getDeadLetterStore().count("outage"),
                    failures.get() + " failed deliveries redelivered from the inbox, Jira answered "
                    + sim.webhooks().attempts().stream().filter(WebhookAttempt::succeeded).count() + " x 2xx");
        }
    }

    /** Waits for {@code condition}; when it does not come, fails with what the processes printed last. */
    private static void awaitOrExplain(List<ChildJvm> children, Supplier<String> state, Callable<Boolean> condition) {
        try {
            await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(condition);
        } catch (ConditionTimeoutException e) {
            StringBuilder printed = new StringBuilder(e.getMessage()).append("\n").append(state.get());
            for (ChildJvm child : children) {
                List<String> lines = child.lines();
                printed.append("\n--- ").append(child).append(":\n")
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
            }
            throw new AssertionError(printed.toString(), e);
        }
    }

    private static ChildJvm startChild(List<ChildJvm> children, String name, JiraSimulator sim, String store, int port,
                                       String... options) {
        List<String> args = new ArrayList<>(List.of("jira=" + sim.baseUrl(), "store=" + store, "port=" + port,
                "lease=" + LEASE.toMillis()));
        args.addAll(List.of(options));
        try {
            ChildJvm child = ChildJvm.start(name, CrashApp.class, List.of(), args.toArray(String[]::new));
            children.add(child);
            child.awaitLine("STARTED"::equals, WAIT);
            return child;
        } catch (Exception e) {
            throw new IllegalStateException("Could not start " + name, e);
        }
    }

    private static String state(JiraSimulator sim) {
        return "Jira: " + sim.state().issues().size() + " issues, " + delivered(sim).size() + " events in "
               + sim.webhooks().attempts().size() + " deliveries (statuses " + sim.webhooks().attempts().stream()
                       .collect(Collectors.groupingBy(WebhookAttempt::status, Collectors.counting()))
               + "), idle " + sim.webhooks().idle() + ", " + followUps(sim).size() + " events followed up";
    }

    /** The identifiers of the deliveries Jira made (each event's, the same on its retries). */
    private static Set<String> delivered(JiraSimulator sim) {
        return sim.webhooks().attempts().stream().map(WebhookAttempt::identifier).collect(Collectors.toSet());
    }

    /** Follow-up issues per delivery identifier, by their idempotency marker (jira-webhook:<identifier>). */
    private static Map<String, Long> followUps(JiraSimulator sim) {
        return sim.state().issues().stream().filter(issue -> issue.key().startsWith("OPS-"))
                .map(issue -> issue.property("jiraq.idempotency") == null ? "no marker"
                        : issue.property("jiraq.idempotency").path("key").asText())
                .map(key -> key.substring(key.indexOf(':') + 1))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static void seed(String url, List<String> accounts) throws Exception {
        JiraqStore store = JiraqStore.url(url, null, null);
        store.start();
        try {
            JdbcGdprStore registry = new JdbcGdprStore(store);
            for (String account : accounts) {
                registry.record(account, Instant.now().minus(Duration.ofDays(1)));
            }
        } finally {
            store.stop();
        }
    }

    /** Dead letters of a sink in the store at {@code url}, read once the processes using it are gone. */
    private static int deadLetters(String url, String sink) throws Exception {
        JiraqStore store = JiraqStore.url(url, null, null);
        store.start();
        try {
            return new JdbcDeadLetterStore(store).count(sink);
        } finally {
            store.stop();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The table the fault suite prints and benchmarks/RESULTS.md records. */
    static String table(List<Tally> tallies) {
        StringBuilder table = new StringBuilder("| scenario | tried | lost | duplicated | dead-lettered | notes |\n"
                                                + "| --- | ---: | ---: | ---: | ---: | --- |\n");
        for (Tally t : tallies) {
            table.append("| ").append(t.scenario()).append(" | ").append(t.tried()).append(" | ").append(t.lost())
                    .append(" | ").append(t.duplicated()).append(" | ").append(t.deadLettered()).append(" | ")
                    .append(t.notes()).append(" |\n");
        }
        return table.toString();
    }
}
