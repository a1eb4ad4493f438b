package org.jiraq.camel.operation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.jiraq.camel.JiraqComponent;
import org.jiraq.camel.JiraqConfiguration;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.JiraqException;
import org.jiraq.camel.JiraqIdempotencyKeyBusyException;
import org.jiraq.camel.JiraqTestSupport;
import org.jiraq.camel.store.JdbcIdempotencyKeys;
import org.jiraq.simulator.model.Issue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A CamelJiraqIdempotencyKey makes at most one issue across exchanges, processes and replicas: kept in the
 * component's store, a key that made its issue answers with it without calling Jira, a key another process is
 * creating is waited for, and a key whose process died is taken over and looked up before anything is sent.
 */
class DurableIdempotencyKeysTest extends JiraqTestSupport {

    private final ScheduledExecutorService otherProcessThread = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopOtherProcess() {
        otherProcessThread.shutdownNow();
    }

    @Override
    protected void configure(JiraqConfiguration config) {
        super.configure(config);
        config.setLeaseDuration(1_000);
    }

    private Exchange create(String key, String summary) {
        return create("jiraq:createIssue", key, summary);
    }

    private Exchange create(String uri, String key, String summary) {
        return template.request(uri, e -> e.getMessage().setHeaders(new HashMap<>(Map.of(
                JiraqConstants.PROJECT_KEY, "DEMO", JiraqConstants.ISSUE_TYPE_NAME, "Task",
                JiraqConstants.SUMMARY, summary, JiraqConstants.IDEMPOTENCY_KEY, key))));
    }

    private JdbcIdempotencyKeys keys() {
        return new JdbcIdempotencyKeys(context.getComponent("jiraq", JiraqComponent.class).getStore());
    }

    private String site() {
        return sim.baseUrl();
    }

    private int creates() {
        return sim.requests("POST", "/rest/api/3/issue").size();
    }

    @Test
    void aKeyThatMadeItsIssueAnswersWithItInAnotherExchangeWithoutCallingJira() {
        Exchange first = create("order-4711", "First delivery");
        Exchange second = create("order-4711", "Second delivery of the same order");

        assertThat(first.getException()).isNull();
        assertThat(second.getException()).isNull();
        assertThat(sim.state().issues()).hasSize(1);
        assertThat(creates()).isOne();
        assertThat(first.getMessage().getHeader(JiraqConstants.EXISTING_ISSUE, Boolean.class)).isFalse();
        assertThat(second.getMessage().getHeader(JiraqConstants.EXISTING_ISSUE, Boolean.class)).isTrue();
        assertThat(second.getMessage().getHeader(JiraqConstants.ISSUE_KEY))
                .isEqualTo(first.getMessage().getHeader(JiraqConstants.ISSUE_KEY));
        assertThat(second.getMessage().getBody(Map.class)).containsEntry("key", sim.state().issues().get(0).key());
    }

    @Test
    void aKeyAnotherProcessIsCreatingIsWaitedForAndItsIssueAnswered() throws Exception {
        DurableKeys otherProcess = new DurableKeys(keys(), "other-process", Duration.ofSeconds(1), Duration.ofDays(7),
                Clock.systemUTC());
        otherProcess.start(otherProcessThread);
        DurableKeys.Claim claim = otherProcess.claim(site(), "order-42", null, Duration.ZERO);

        Exchange whileHeld = create("order-42", "Meanwhile");
        assertThat(whileHeld.getException()).isInstanceOf(JiraqIdempotencyKeyBusyException.class)
                .hasMessageContaining("order-42");
        assertThat(((JiraqException) whileHeld.getException()).isRetryable()).isTrue();
        assertThat(creates()).as("nothing sent while the other process holds the key").isZero();

        Issue made = sim.state().createIssue("DEMO", "Task", "Made by the other process");
        otherProcessThread.schedule(() -> {
            otherProcess.made(claim, new JdbcIdempotencyKeys.Issue(Long.toString(made.id()), made.key(), null));
            return null;
        }, 500, TimeUnit.MILLISECONDS);
        Exchange afterwards = create("order-42", "Redelivered");

        assertThat(afterwards.getException()).isNull();
        assertThat(afterwards.getMessage().getHeader(JiraqConstants.ISSUE_KEY)).isEqualTo(made.key());
        assertThat(afterwards.getMessage().getHeader(JiraqConstants.EXISTING_ISSUE, Boolean.class)).isTrue();
        assertThat(creates()).isZero();
    }

    @Test
    void aKeyWhoseProcessDiedAfterCreatingIsTakenOverAndItsIssueFoundWithoutASecondCreate() throws Exception {
        Instant claimed = Instant.now();
        keys().claim(site(), "order-7", null, "dead-process", claimed, claimed.plusSeconds(1));
        // the dead process's create reached Jira, with its marker, before the process died
        String made = create("jiraq:createIssue?durableIdempotencyKeys=false", "order-7", "Created, then the process died")
                .getMessage().getHeader(JiraqConstants.ISSUE_KEY, String.class);
        int createsBefore = creates();
        Thread.sleep(1_100); // the dead process's lease runs out

        Exchange retried = create("order-7", "Jira's retry, on the restarted process");

        assertThat(retried.getException()).isNull();
        assertThat(retried.getMessage().getHeader(JiraqConstants.ISSUE_KEY)).isEqualTo(made);
        assertThat(retried.getMessage().getHeader(JiraqConstants.EXISTING_ISSUE, Boolean.class)).isTrue();
        assertThat(sim.state().issues()).hasSize(1);
        assertThat(creates()).isEqualTo(createsBefore);
        assertThat(keys().find(site(), "order-7")).get().extracting(JdbcIdempotencyKeys.Key::issue)
                .extracting(JdbcIdempotencyKeys.Issue::key).isEqualTo(made);
    }

    @Test
    void aKeyWhoseProcessDiedBeforeCreatingIsTakenOverAndCreatesOnce() throws Exception {
        Instant claimed = Instant.now();
        keys().claim(site(), "order-8", null, "dead-process", claimed, claimed.plusSeconds(1));
        Thread.sleep(1_100);

        Exchange retried = create("order-8", "Never created by the dead process");

        assertThat(retried.getException()).isNull();
        assertThat(retried.getMessage().getHeader(JiraqConstants.EXISTING_ISSUE, Boolean.class)).isFalse();
        assertThat(sim.state().issues()).hasSize(1);
        assertThat(create("order-8", "Once more").getMessage().getHeader(JiraqConstants.ISSUE_KEY))
                .isEqualTo(retried.getMessage().getHeader(JiraqConstants.ISSUE_KEY));
        assertThat(creates()).isOne();
    }

    @Test
    void aCreateJiraRefusedFreesItsKeyForTheCorrectedMessage() {
        Exchange refused = template.request("jiraq:createIssue", e -> e.getMessage().setHeaders(new HashMap<>(
                Map.of(JiraqConstants.PROJECT_KEY, "NOPE", JiraqConstants.ISSUE_TYPE_NAME, "Task",
                        JiraqConstants.SUMMARY, "No such project", JiraqConstants.IDEMPOTENCY_KEY, "order-9"))));
        Exchange corrected = create("order-9", "Right project");

        assertThat(refused.getException()).isNotNull();
        assertThat(corrected.getException()).isNull();
        assertThat(corrected.getMessage().getHeader(JiraqConstants.EXISTING_ISSUE, Boolean.class)).isFalse();
        assertThat(sim.state().issues()).hasSize(1);
    }

    @Test
    void keysTakenFromTheExchangeIdAreNotKept() throws Exception {
        Exchange created = template.request("jiraq:createIssue", e -> e.getMessage().setHeaders(new HashMap<>(
                Map.of(JiraqConstants.PROJECT_KEY, "DEMO", JiraqConstants.ISSUE_TYPE_NAME, "Task",
                        JiraqConstants.SUMMARY, "No key given"))));

        assertThat(created.getException()).isNull();
        assertThat(keys().find(site(), created.getExchangeId())).isEmpty();
    }
}
