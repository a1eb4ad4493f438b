package org.jiraq.camel.routes;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RedeliveryPolicyDefinition;
import org.apache.camel.model.errorhandler.DeadLetterChannelDefinition;

/**
 * The route template {@value #WEBHOOK_INGEST}: Jira's webhooks, verified, de-duplicated and kept in the inbox by
 * jiraq:webhook, into any endpoint. A delivery that still fails after the redeliveries goes to the dead letter
 * endpoint; only when the dead letter fails too does the inbox deliver the event again later.
 * <p>
 * Parameters: {@code target} and {@code deadLetter} (endpoint URIs), {@code verification} (hmac, jwt or none),
 * optional {@code secret}, {@code path} (default /jiraq/webhook), optional {@code events}, {@code maximumRedeliveries} (3) and
 * {@code redeliveryDelay} (1000 ms). The Jira connection options come from the component
 * (camel.component.jiraq.*) when the webhook registers itself.
 */
public class WebhookIngestRoutes extends RouteBuilder {

    public static final String WEBHOOK_INGEST = "jiraq-webhook-ingest";

    @Override
    public void configure() {
        DeadLetterChannelDefinition deadLetter = new DeadLetterChannelDefinition("{{deadLetter}}");
        deadLetter.setRedeliveryPolicy(new RedeliveryPolicyDefinition()
                .maximumRedeliveries("{{maximumRedeliveries}}")
                .redeliveryDelay("{{redeliveryDelay}}"));
        deadLetter.setUseOriginalMessage("true");

        routeTemplate(WEBHOOK_INGEST)
                .templateParameter("target")
                .templateParameter("deadLetter")
                .templateParameter("verification")
                .templateOptionalParameter("secret")
                .templateParameter("path", "/jiraq/webhook")
                .templateOptionalParameter("events")
                .templateParameter("maximumRedeliveries", "3")
                .templateParameter("redeliveryDelay", "1000")
                .from("jiraq:webhook?webhookPath={{path}}&webhookVerification={{verification}}"
                      + "&webhookSecret={{?secret}}&events={{?events}}")
                .errorHandler(deadLetter)
                .to("{{target}}");
    }
}
