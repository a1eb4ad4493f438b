package org.jiraq.camel.webhook;

import org.apache.camel.LoggingLevel;
import org.apache.camel.spi.CamelLogger;
import org.slf4j.LoggerFactory;

/**
 * What became of each webhook delivery, in the log of {@link WebhookReceiver} whichever part of the consumer decided
 * it (the receiver on arrival, the inbox's worker on delivery): outcomes at the level of the webhookLogLevel option,
 * refusals at WARN unless that is OFF.
 */
public final class WebhookLog {

    private final CamelLogger outcomes;
    private final CamelLogger refusals;

    public WebhookLog(LoggingLevel level) {
        this.outcomes = new CamelLogger(LoggerFactory.getLogger(WebhookReceiver.class), level);
        this.refusals = new CamelLogger(LoggerFactory.getLogger(WebhookReceiver.class),
                level == LoggingLevel.OFF ? LoggingLevel.OFF : LoggingLevel.WARN);
    }

    /** {@code Webhook jira:issue_created on DEMO-1 (X-Atlassian-Webhook-Identifier 3f1c...)} and what became of it. */
    void outcome(WebhookEvent event, String what) {
        // per event: the message is built only when its level is on
        if (outcomes.shouldLog()) {
            outcomes.log(describe(event) + what);
        }
    }

    void refusal(String message) {
        refusals.log(message);
    }

    /** Nothing of the request but what Jira named. */
    static String describe(WebhookEvent event) {
        return "Webhook " + event.name() + (event.issueKey() != null ? " on " + event.issueKey() : "")
               + (event.identifier() != null ? " (" + WebhookReceiver.IDENTIFIER_HEADER + " " + event.identifier() + ")"
                       : "");
    }
}
