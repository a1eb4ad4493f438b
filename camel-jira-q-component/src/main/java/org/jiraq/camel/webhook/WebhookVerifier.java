package org.jiraq.camel.webhook;

import java.time.Clock;
import java.util.function.Function;

import org.jiraq.camel.JiraqWebhookVerification;

/** Decides whether a webhook request comes from Jira, from its raw body and headers, before anything else is read. */
@FunctionalInterface
public interface WebhookVerifier {

    /**
     * @param  body   the raw request body, exactly as received
     * @param  header the request's headers by name, case-insensitive
     * @return        whether the request passed, and if not, why
     */
    Verdict verify(byte[] body, Function<String, String> header);

    /** The verifier for a webhookVerification option; hmac and jwt need the secret. */
    static WebhookVerifier of(JiraqWebhookVerification verification, String secret) {
        return switch (verification) {
            case hmac -> new HubSignatureVerifier(secret);
            case jwt -> new JwtVerifier(secret, Clock.systemUTC());
            case none -> (body, header) -> Verdict.passed();
        };
    }
}
