package org.jiraq.camel.routes;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RedeliveryPolicyDefinition;
import org.apache.camel.model.errorhandler.DeadLetterChannelDefinition;

/**
 * The route template {@value #WEBHOOK_INGEST}: Jira's webhooks, verified and de-duplicated by jiraq:webhook, into
 * any endpoint. A delivery that still fails after the redeliveries goes to the dead letter endpoint and Jira is
 * answered 2xx, since the event is kept there; only when the dead letter fails too is Jira answered 5xx, so that
 * Jira sends it again.
 * <p>
 * Parameters: {@code target} and {@code deadLetter} (endpoint URIs), {@code verification} (hmac, jwt or none),
 * optional {@code secret}, {@code path} (default /jiraq/webhook), optional {@code events},
 * {@code idempotentRepository} (a bean reference such as #jiraqWebhookIds), {@code maximumRedeliveries} (3) and
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
                .templateOptionalParameter("idempotentRepository")
                .templateParameter("maximumRedeliveries", "3")
                .templateParameter("redeliveryDelay", "1000")
                .from("jiraq:webhook?webhookPath={{path}}&webhookVerification={{verification}}"
                      + "&webhookSecret={{?secret}}&events={{?events}}&idempotentRepository={{?idempotentRepository}}")
                .errorHandler(deadLetter)
                .to("{{target}}");
    }
}
