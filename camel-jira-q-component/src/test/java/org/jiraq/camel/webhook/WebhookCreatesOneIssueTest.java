package org.jiraq.camel.webhook;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.JiraqWebhookAckMode;
import org.jiraq.camel.WebhookApp;
import org.jiraq.simulator.AdminWebhook;
import org.jiraq.simulator.Issue;
import org.jiraq.simulator.JiraSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A webhook route that creates an issue and then fails: the event comes again (the inbox's redelivery, or Jira's retry
 * when answered after the route), and the issue is still made once, since the event gives the route its delivery
 * identifier as the idempotency key and the key is kept in the store.
 */
class WebhookCreatesOneIssueTest {

    private static final String SECRET = "one issue per event";
    private static final String PATH = "/jira/follow-up";

    @TempDir
    Path store;
    private final int port = WebhookApp.freePort();
    private final AtomicInteger failuresAfterTheCreate = new AtomicInteger(1);
    private JiraSimulator sim;
    private WebhookApp app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    @ParameterizedTest
    @EnumSource(JiraqWebhookAckMode.class)
    void aRouteThatFailsAfterItsCreateMakesOneIssueWhenTheEventComesAgain(JiraqWebhookAckMode ackMode) throws Exception {
        sim = JiraSimulator.builder().adminWebhook(AdminWebhook.to(WebhookApp.url(port, PATH)).signedWith(SECRET)
                .forEvents("jira:issue_created").filteredBy("project = DEMO")).start();
        sim.webhooks().retries(3, Duration.ofMillis(100));
        app = WebhookApp.start(sim, port, store, new RouteBuilder() {
            @Override
            public void configure() {
                from("jiraq:webhook?webhookPath=" + PATH + "&webhookVerification=hmac&webhookSecret=RAW(" + SECRET
                     + ")&inboxRedeliveryDelay=50&webhookAckMode=" + ackMode)
                        .setHeader("trigger", header(JiraqConstants.ISSUE_KEY))
                        .setHeader(JiraqConstants.PROJECT_KEY, constant("OPS"))
                        .setHeader(JiraqConstants.ISSUE_TYPE_NAME, constant("Task"))
                        .setHeader(JiraqConstants.SUMMARY, simple("Follow up ${header.trigger}"))
                        .setBody(constant(null)) // the fields come from the headers, not from the event
                        .to("jiraq:createIssue")
                        .process(exchange -> {
                            if (failuresAfterTheCreate.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                                throw new IllegalStateException("the notification after the create failed");
                            }
                        })
                        .to("mock:done");
            }
        });

        sim.state().createIssue("DEMO", "Bug", "Needs a follow-up");
        MockEndpoint done = app.context().getEndpoint("mock:done", MockEndpoint.class);
        await().atMost(Duration.ofSeconds(15)).until(() -> done.getReceivedCounter() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> sim.webhooks().idle());

        List<Issue> followUps = sim.state().issues().stream().filter(i -> i.key().startsWith("OPS-")).toList();
        assertThat(followUps).hasSize(1);
        assertThat(done.getReceivedExchanges().get(0).getMessage().getHeader(JiraqConstants.ISSUE_KEY))
                .isEqualTo(followUps.get(0).key());
        assertThat(done.getReceivedExchanges().get(0).getMessage().getHeader(JiraqConstants.EXISTING_ISSUE))
                .as("the second delivery found the issue of the first").isEqualTo(true);
        assertThat(sim.requests("POST", "/rest/api/3/issue")).hasSize(1);
    }

    /** The component doc's example of a route that creates two issues per event, each with a key of its own. */
    @ParameterizedTest
    @EnumSource(JiraqWebhookAckMode.class)
    void aRouteCreatingTwoIssuesPerEventDerivesTheirKeysAndMakesTwoWhateverTheRedeliveries(JiraqWebhookAckMode ackMode)
            throws Exception {
        sim = JiraSimulator.builder().adminWebhook(AdminWebhook.to(WebhookApp.url(port, PATH)).signedWith(SECRET)
                .forEvents("jira:issue_created").filteredBy("project = DEMO")).start();
        sim.webhooks().retries(3, Duration.ofMillis(100));
        app = WebhookApp.start(sim, port, store, new RouteBuilder() {
            @Override
            public void configure() {
                from("jiraq:webhook?webhookPath=" + PATH + "&webhookVerification=hmac&webhookSecret=RAW(" + SECRET
                     + ")&inboxRedeliveryDelay=50&webhookAckMode=" + ackMode)
                        .setHeader("eventKey", header("CamelJiraqIdempotencyKey"))
                        .setHeader("trigger", header("CamelJiraqIssueKey"))
                        .setHeader("CamelJiraqProjectKey", constant("OPS"))
                        .setHeader("CamelJiraqIssueTypeName", constant("Task"))
                        .setHeader("CamelJiraqSummary", simple("Review ${header.trigger}"))
                        .setHeader("CamelJiraqIdempotencyKey", simple("${header.eventKey}#review"))
                        .setBody(constant(null)) // the fields come from the headers, not from the event
                        .to("jiraq:createIssue")
                        .setHeader("CamelJiraqSummary", simple("Document ${header.trigger}"))
                        .setHeader("CamelJiraqIdempotencyKey", simple("${header.eventKey}#docs"))
                        .setBody(constant(null))
                        .to("jiraq:createIssue")
                        .process(exchange -> {
                            if (failuresAfterTheCreate.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                                throw new IllegalStateException("the notification after the creates failed");
                            }
                        })
                        .to("mock:done");
            }
        });

        sim.state().createIssue("DEMO", "Bug", "Needs a review and docs");
        MockEndpoint done = app.context().getEndpoint("mock:done", MockEndpoint.class);
        await().atMost(Duration.ofSeconds(15)).until(() -> done.getReceivedCounter() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> sim.webhooks().idle());

        List<Issue> followUps = sim.state().issues().stream().filter(i -> i.key().startsWith("OPS-")).toList();
        assertThat(followUps).extracting(Issue::summary).containsExactlyInAnyOrder("Review DEMO-1", "Document DEMO-1");
        assertThat(followUps).extracting(i -> i.property("jiraq.idempotency").path("key").asText())
                .allSatisfy(key -> assertThat(key).startsWith("jira-webhook:")).doesNotHaveDuplicates();
        assertThat(sim.requests("POST", "/rest/api/3/issue")).hasSize(2);
    }
}
