package org.jiraq.camel.webhook;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.LoggingLevel;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.jiraq.camel.metrics.JiraqMeters;
import org.jiraq.camel.metrics.MicrometerJiraqMetrics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every webhook request Jira sends is counted by event and outcome: stored, duplicate, busy, rejected. */
class WebhookMetersTest {

    private static final String SECRET = "webhook-meters-secret";

    private final CamelContext context = new DefaultCamelContext();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AtomicBoolean full = new AtomicBoolean();
    private final Set<String> stored = ConcurrentHashMap.newKeySet();
    /** Stands in for the inbox: stores each key once, busy while full. */
    private final WebhookIntake inbox = event -> CompletableFuture.completedFuture(full.get()
            ? WebhookReceiver.Outcome.BUSY
            : stored.add(event.key()) ? WebhookReceiver.Outcome.STORED : WebhookReceiver.Outcome.DUPLICATE);
    private final WebhookReceiver receiver = new WebhookReceiver(null, new HubSignatureVerifier(SECRET),
            Set.of("jira:issue_created"), inbox, 4096, null,
            new MicrometerJiraqMetrics(meters), new WebhookLog(LoggingLevel.INFO));

    @Test
    void storedDuplicateBusyAndRefusedRequestsAreCountedByEventAndOutcome() throws Exception {
        assertThat(send("d-1", true)).isEqualTo(204);
        assertThat(send("d-1", true)).isEqualTo(204);
        full.set(true);
        assertThat(send("d-2", true)).isEqualTo(503);
        assertThat(send("d-3", false)).isEqualTo(401);

        assertThat(count("jira:issue_created", "stored")).isEqualTo(1);
        assertThat(count("jira:issue_created", "duplicate")).isEqualTo(1);
        assertThat(count("jira:issue_created", "busy")).isEqualTo(1);
        assertThat(count("unknown", "rejected")).isEqualTo(1);
    }

    private int send(String identifier, boolean signed) throws Exception {
        byte[] body = "{\"webhookEvent\":\"jira:issue_created\",\"issue\":{\"key\":\"DEMO-1\"}}"
                .getBytes(StandardCharsets.UTF_8);
        Exchange http = new DefaultExchange(context);
        http.getMessage().setBody(body);
        http.getMessage().setHeader("X-Atlassian-Webhook-Identifier", identifier);
        http.getMessage().setHeader("X-Hub-Signature", signed ? "sha256=" + HexFormat.of().formatHex(
                HubSignatureVerifier.sign("HmacSHA256", SECRET.getBytes(StandardCharsets.UTF_8), body)) : "sha256=00");
        receiver.process(http);
        return http.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
    }

    private double count(String event, String outcome) {
        return meters.get(JiraqMeters.WEBHOOK_EVENTS).tag(JiraqMeters.TAG_EVENT, event)
                .tag(JiraqMeters.TAG_OUTCOME, outcome).counter().count();
    }
}
