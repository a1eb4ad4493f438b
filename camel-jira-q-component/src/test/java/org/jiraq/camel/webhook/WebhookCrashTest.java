package org.jiraq.camel.webhook;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jiraq.camel.ChildJvm;
import org.jiraq.camel.CrashApp;
import org.jiraq.camel.WebhookApp;
import org.jiraq.camel.store.SharedDatabase;
import org.jiraq.simulator.AdminWebhook;
import org.jiraq.simulator.Issue;
import org.jiraq.simulator.JiraSimulator;
import org.jiraq.simulator.SimulatorFaults;
import org.jiraq.simulator.WebhookAttempt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * kill -9 of the application while its route handles a webhook event ({@link CrashApp} in a child JVM, killed with
 * SIGKILL): the event is delivered once by the restarted application on the same H2 file, or by the other replica on
 * a shared PostgreSQL, and never by two processes at the same time; a route that creates an issue per event, killed
 * after Jira made the issue but before its answer arrived, still makes one issue.
 */
class WebhookCrashTest {

    private static final Duration START = Duration.ofMinutes(2);
    private static final Duration LEASE = Duration.ofSeconds(2);

    @TempDir
    Path dir;
    private final List<ChildJvm> children = new ArrayList<>();
    /** Jira answers slowly, so a kill lands between its making an issue and the application's learning of it. */
    private final SimulatorFaults faults = SimulatorFaults.seeded(1).slowAnswers(1.0, Duration.ofSeconds(20));
    private JiraSimulator sim;

    @AfterEach
    void stop() throws Exception {
        for (ChildJvm child : children) {
            child.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    private ChildJvm start(String name, int port, String store, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("jira=" + sim.baseUrl(), "store=" + store, "port=" + port,
                "lease=" + LEASE.toMillis()));
        args.addAll(List.of(options));
        ChildJvm child = ChildJvm.start(name, CrashApp.class, List.of(), args.toArray(String[]::new));
        children.add(child);
        child.awaitLine("STARTED"::equals, START);
        return child;
    }

    private void startJira(int port) {
        sim = JiraSimulator.builder().feature(faults)
                .adminWebhook(AdminWebhook.to(WebhookApp.url(port, CrashApp.PATH)).signedWith(CrashApp.SECRET)
                        .filteredBy("project = DEMO"))
                .start();
        // the issue a killed create made is not in Jira's search index yet when the lookup runs
        sim.state().searchLag(Duration.ofSeconds(30));
        // Jira's retries, a second apart instead of minutes
        sim.webhooks().retries(20, Duration.ofSeconds(1));
    }

    /** How often the route completed the event, over every process that ran it. */
    private static long completions(String identifier, ChildJvm... processes) {
        return List.of(processes).stream().flatMap(p -> p.linesStartingWith("DONE ").stream())
                .filter(line -> line.startsWith(identifier + " ")).count();
    }

    /** Waits until the process's route handles an event; its identifier. */
    private static String handling(ChildJvm process) throws InterruptedException {
        return process.awaitLine(line -> line.startsWith("HANDLING "), START).substring("HANDLING ".length());
    }

    @Test
    void anEventTheRouteWasHandlingWhenKilledIsDeliveredOnceAfterARestartOnTheSameFile() throws Exception {
        int port = WebhookApp.freePort();
        startJira(port);
        String store = "jdbc:h2:file:" + dir.resolve("jiraq");
        ChildJvm first = start("app", port, store, "block=all");

        sim.state().createIssue("DEMO", "Task", "Handled when the process died");
        String identifier = handling(first);
        Thread.sleep(1_500); // well into the route: everything the process wrote is on disk
        first.kill();
        ChildJvm restarted = start("app-restarted", port, store);

        restarted.awaitLine(line -> line.startsWith("DONE " + identifier), START);
        Thread.sleep(LEASE.toMillis());
        assertThat(completions(identifier, first, restarted)).isOne();
        assertThat(sim.webhooks().attempts()).extracting(WebhookAttempt::status).containsExactly(204);
    }

    @Test
    void answeredAfterTheRouteAnEventWhoseProcessWasKilledIsDeliveredOnceByJirasRetry() throws Exception {
        int port = WebhookApp.freePort();
        startJira(port);
        String store = "jdbc:h2:file:" + dir.resolve("jiraq");
        ChildJvm first = start("app", port, store, "block=all", "ack=afterRoute");

        sim.state().createIssue("DEMO", "Task", "Jira waits for this one");
        String identifier = handling(first);
        Thread.sleep(1_500);
        first.kill();
        ChildJvm restarted = start("app-restarted", port, store, "ack=afterRoute");

        restarted.awaitLine(line -> line.startsWith("DONE " + identifier), START);
        Thread.sleep(LEASE.toMillis());
        assertThat(completions(identifier, first, restarted)).isOne();
        // the killed attempt got no answer; a retry reached the restarted application and was answered 2xx
        List<Integer> statuses = sim.webhooks().attempts().stream().map(WebhookAttempt::status).toList();
        assertThat(statuses.get(0)).isEqualTo(-1);
        assertThat(statuses).last().isEqualTo(204);
        assertThat(statuses).filteredOn(s -> s >= 200 && s < 300).hasSize(1);
    }

    @Test
    void anotherReplicaTakesOverTheEventsOfAKilledOneAndNeverWhileItLives() throws Exception {
        int port = WebhookApp.freePort();
        startJira(port);
        String store = SharedDatabase.POSTGRESQL.createDatabase(dir);
        ChildJvm first = start("replica-1", port, store, "block=all");
        ChildJvm second = start("replica-2", WebhookApp.freePort(), store);

        sim.state().createIssue("DEMO", "Task", "Replica 1 dies over it");
        String identifier = handling(first);
        // three leases long the first replica lives, renewing its lease: the second never touches the event
        Thread.sleep(LEASE.multipliedBy(3).toMillis());
        assertThat(second.linesStartingWith("HANDLING ")).doesNotContain(identifier);
        first.kill();

        second.awaitLine(line -> line.startsWith("DONE " + identifier), START);
        Thread.sleep(LEASE.toMillis());
        assertThat(completions(identifier, first, second)).isOne();
        assertThat(second.linesStartingWith("HANDLING ")).containsOnlyOnce(identifier);
    }

    /** Issues the route created: those of project OPS, by the event (the DEMO issue) they follow. */
    private List<Issue> followUps() {
        return sim.state().issues().stream().filter(issue -> issue.key().startsWith("OPS-")).toList();
    }

    @Test
    void aCreateKilledBeforeItsAnswerMakesOneIssueAfterARestartOnTheSameFile() throws Exception {
        int port = WebhookApp.freePort();
        startJira(port);
        faults.enabled(false);
        String store = "jdbc:h2:file:" + dir.resolve("jiraq");
        ChildJvm first = start("app", port, store, "create=true");

        faults.enabled(true);
        sim.state().createIssue("DEMO", "Task", "Needs a follow-up");
        String identifier = handling(first);
        // Jira has made the follow-up issue; its answer is on its way when the process dies
        await().atMost(START).until(() -> followUps().size() == 1);
        first.kill();
        faults.enabled(false);
        ChildJvm restarted = start("app-restarted", port, store, "create=true");

        String done = restarted.awaitLine(line -> line.startsWith("DONE " + identifier), START);
        assertThat(followUps()).hasSize(1);
        assertThat(done).isEqualTo("DONE " + identifier + " " + followUps().get(0).key() + " true");
        assertThat(sim.requests("POST", "/rest/api/3/issue")).hasSize(1);
    }

    @Test
    void aCreateKilledBeforeItsAnswerMakesOneIssueWhenTheOtherReplicaTakesOver() throws Exception {
        int port = WebhookApp.freePort();
        startJira(port);
        faults.enabled(false);
        String store = SharedDatabase.POSTGRESQL.createDatabase(dir);
        ChildJvm first = start("replica-1", port, store, "create=true");
        ChildJvm second = start("replica-2", WebhookApp.freePort(), store, "create=true");

        faults.enabled(true);
        sim.state().createIssue("DEMO", "Task", "Needs a follow-up");
        String identifier = handling(first);
        await().atMost(START).until(() -> followUps().size() == 1);
        first.kill();
        faults.enabled(false);

        String done = second.awaitLine(line -> line.startsWith("DONE " + identifier), START);
        Thread.sleep(LEASE.toMillis());
        assertThat(followUps()).hasSize(1);
        assertThat(done).isEqualTo("DONE " + identifier + " " + followUps().get(0).key() + " true");
        assertThat(completions(identifier, first, second)).isOne();
    }
}
