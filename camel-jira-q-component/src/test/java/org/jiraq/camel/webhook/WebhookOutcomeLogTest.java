package org.jiraq.camel.webhook;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.logging.log4j.Level;
import org.jiraq.camel.JiraqWebhookVerification;
import org.jiraq.camel.LogCapture;
import org.jiraq.camel.metrics.JiraqMetrics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every webhook outcome is in the log by default, with why a request was refused; webhookLogLevel=OFF quiets it. */
class WebhookOutcomeLogTest {

    private static final String SECRET = "outcome-log-secret";
    private static final byte[] EVENT = ("{\"webhookEvent\":\"jira:issue_created\",\"issue\":{\"key\":\"DEMO-1\"}}")
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] OTHER_EVENT = ("{\"webhookEvent\":\"comment_created\",\"issue\":{\"key\":\"DEMO-1\"}}")
            .getBytes(StandardCharsets.UTF_8);

    private final CamelContext context = new DefaultCamelContext();

    private final Set<String> stored = ConcurrentHashMap.newKeySet();

    /** The receiver in front of an inbox that stores each key once. */
    private WebhookReceiver receiver(LoggingLevel level) {
        WebhookIntake inbox = event -> CompletableFuture.completedFuture(stored.add(event.key())
                ? WebhookReceiver.Outcome.STORED : WebhookReceiver.Outcome.DUPLICATE);
        return new WebhookReceiver(null, new HubSignatureVerifier(SECRET), Set.of("jira:issue_created"), inbox, 4096,
                null, JiraqMetrics.NOOP, new WebhookLog(level));
    }

    private static String sign(byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(
                HubSignatureVerifier.sign("HmacSHA256", SECRET.getBytes(StandardCharsets.UTF_8), body));
    }

    private void send(WebhookReceiver receiver, byte[] body, Map<String, String> headers) throws Exception {
        Exchange http = new DefaultExchange(context);
        http.getMessage().setBody(body);
        http.getMessage().setHeader(Exchange.HTTP_PATH, "/jiraq/webhook");
        headers.forEach(http.getMessage()::setHeader);
        receiver.process(http);
    }

    /** Stored, duplicate, filtered, and refused: no header, malformed, another algorithm, not matching. */
    private void sendEveryOutcome(WebhookReceiver receiver) throws Exception {
        send(receiver, EVENT, Map.of("X-Hub-Signature", sign(EVENT), "X-Atlassian-Webhook-Identifier", "w-1"));
        send(receiver, EVENT, Map.of("X-Hub-Signature", sign(EVENT), "X-Atlassian-Webhook-Identifier", "w-1"));
        send(receiver, OTHER_EVENT, Map.of("X-Hub-Signature", sign(OTHER_EVENT), "X-Atlassian-Webhook-Identifier", "w-2"));
        send(receiver, EVENT, Map.of());
        send(receiver, EVENT, Map.of("X-Hub-Signature", "0123abcd"));
        send(receiver, EVENT, Map.of("X-Hub-Signature", "sha1=0123abcd"));
        send(receiver, EVENT, Map.of("X-Hub-Signature", "sha256=0123abcd"));
    }

    @Test
    void eachOutcomeIsLoggedAtInfoAndEachRefusalAtWarnWithItsReason() throws Exception {
        try (LogCapture log = LogCapture.start()) {
            sendEveryOutcome(receiver(LoggingLevel.INFO));

            assertThat(ours(log.linesAt(Level.INFO))).containsExactly(
                    "Webhook jira:issue_created on DEMO-1 (X-Atlassian-Webhook-Identifier w-1) stored in the inbox;"
                    + " answered 204, the route gets it from there",
                    "Webhook jira:issue_created on DEMO-1 (X-Atlassian-Webhook-Identifier w-1) was received before (its"
                    + " identifier is in the inbox); answered 204 without storing it again",
                    "Webhook comment_created on DEMO-1 (X-Atlassian-Webhook-Identifier w-2) is not among the events asked"
                    + " for [jira:issue_created]; answered 204 and dropped");
            assertThat(ours(log.linesAt(Level.WARN))).containsExactly(
                    "Refused a webhook request to /jiraq/webhook with 401: the request has no X-Hub-Signature header: the"
                    + " webhook in Jira has no secret, or something in front of the application removed the header",
                    "Refused a webhook request to /jiraq/webhook with 401: the X-Hub-Signature header is malformed:"
                    + " expected sha256=<hex HMAC-SHA256 of the raw body>",
                    "Refused a webhook request to /jiraq/webhook with 401: the X-Hub-Signature header uses sha1, which is"
                    + " not accepted (only sha256, sha384 and sha512)",
                    "Refused a webhook request to /jiraq/webhook with 401: the X-Hub-Signature signature does not match"
                    + " the body: the webhook's secret in Jira is not webhookSecret, or something changed the body on the"
                    + " way");
            assertThat(log.text()).doesNotContain(SECRET);
        }
    }

    @Test
    void levelOffQuietsEveryOutcome() throws Exception {
        try (LogCapture log = LogCapture.start()) {
            sendEveryOutcome(receiver(LoggingLevel.OFF));

            assertThat(ours(log.linesAt(Level.INFO))).isEmpty();
            assertThat(ours(log.linesAt(Level.WARN))).isEmpty();
        }
    }

    private static List<String> ours(List<String> lines) {
        String logger = WebhookReceiver.class.getName() + " ";
        // the capture hears a line once per logger configuration it is attached to
        return lines.stream().filter(line -> line.startsWith(logger)).map(line -> line.substring(logger.length()))
                .distinct().toList();
    }
}
