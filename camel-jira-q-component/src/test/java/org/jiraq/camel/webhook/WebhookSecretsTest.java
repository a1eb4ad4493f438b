package org.jiraq.camel.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.apache.camel.LoggingLevel;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.util.URISupport;
import org.jiraq.camel.LogCapture;
import org.jiraq.camel.metrics.JiraqMetrics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The webhook secret never shows: not in logs, not in answers, not in the endpoint URI Camel prints. */
class WebhookSecretsTest {

    private static final String SECRET = "webhook-secret-7x7x7";

    @Test
    void refusedRequestsLogAndAnswerWithoutTheSecret() throws Exception {
        CamelContext context = new DefaultCamelContext();
        WebhookReceiver receiver = new WebhookReceiver(null, new HubSignatureVerifier(SECRET),
                Set.of(), event -> CompletableFuture.completedFuture(WebhookReceiver.Outcome.STORED), 1024, null,
                JiraqMetrics.NOOP, new WebhookLog(LoggingLevel.INFO));
        StringBuilder answers = new StringBuilder();
        try (LogCapture logs = LogCapture.start()) {
            for (String signature : new String[] { "sha256=00", "sha1=" + SECRET, null }) {
                Exchange http = new DefaultExchange(context);
                http.getMessage().setBody("{\"webhookEvent\":\"jira:issue_created\"}".getBytes(StandardCharsets.UTF_8));
                http.getMessage().setHeader("X-Hub-Signature", signature);
                receiver.process(http);
                answers.append(http.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE))
                        .append(http.getMessage().getBody(String.class));
            }
            assertThat(answers.toString()).startsWith("401").doesNotContain(SECRET);
            assertThat(logs.text()).contains("Refused a webhook request").doesNotContain(SECRET);
        }
        String uri = "jiraq:webhook?webhookVerification=hmac&webhookSecret=" + SECRET;
        assertThat(URISupport.sanitizeUri(uri)).doesNotContain(SECRET);
        assertThat(context.getEndpoint(uri).toString()).doesNotContain(SECRET);
    }
}
