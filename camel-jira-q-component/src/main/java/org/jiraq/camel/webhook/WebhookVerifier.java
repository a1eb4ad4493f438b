package org.jiraq.camel.webhook;

import java.time.Clock;
import java.util.function.Function;

import org.jiraq.camel.JiraqConfiguration;

/** Decides whether a webhook request comes from Jira, from its raw body and headers, before anything else is read. */
@FunctionalInterface
public interface WebhookVerifier {

    /**
     * @param  body   the raw request body, exactly as received
     * @param  header the request's headers by name, case-insensitive
     * @return        whether the request passed, and if not, why
     */
    Verdict verify(byte[] body, Function<String, String> header);

    /** The verifier the options of jiraq:webhook ask for; hmac and jwt need the secret. */
    static WebhookVerifier of(JiraqConfiguration config) {
        String secret = WebhookOptions.secret(config);
        return switch (config.getWebhookVerification()) {
            case hmac -> new HubSignatureVerifier(secret);
            case jwt -> new JwtVerifier(secret, Clock.systemUTC(), blankToNull(config.getWebhookJwtIssuer()),
                    blankToNull(config.getWebhookJwtAudience()) != null ? config.getWebhookJwtAudience().trim()
                            : blankToNull(config.getClientId()),
                    blankToNull(config.getWebhookJwtAudience()) != null);
            case none -> (body, header) -> Verdict.passed();
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
