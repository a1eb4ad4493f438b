package org.jiraq.camel.webhook;

import java.net.URI;
import java.util.regex.Pattern;

import org.jiraq.camel.JiraqConfiguration;
import org.jiraq.camel.JiraqWebhookRegistration;
import org.jiraq.camel.JiraqWebhookVerification;

/** Checks the options of jiraq:webhook when the endpoint is created, so a mistake names the option at start. */
public final class WebhookOptions {

    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._~/-]*");

    private WebhookOptions() {
    }

    /** The secret requests are checked with: webhookSecret, or for jwt the app's clientSecret. */
    public static String secret(JiraqConfiguration config) {
        if (config.getWebhookSecret() == null && config.getWebhookVerification() == JiraqWebhookVerification.jwt) {
            return config.getClientSecret();
        }
        return config.getWebhookSecret();
    }

    /** The options of the inbox at webhookPath, which a consumer and a producer (a replay) of it share. */
    public static void validateInbox(JiraqConfiguration config) {
        if (config.getWebhookPath() == null || !PATH.matcher(config.getWebhookPath()).matches()) {
            throw new IllegalArgumentException("Option 'webhookPath' must be an HTTP path such as /jiraq/webhook");
        }
        if (config.getInboxCapacity() < 1) {
            throw new IllegalArgumentException("Option 'inboxCapacity' must be at least 1 event");
        }
        if (config.getInboxConcurrency() < 1) {
            throw new IllegalArgumentException("Option 'inboxConcurrency' must be at least 1");
        }
        if (config.getInboxMaximumRedeliveries() < -1) {
            throw new IllegalArgumentException("Option 'inboxMaximumRedeliveries' must be -1 (for ever), 0 or more");
        }
        if (config.getInboxRedeliveryDelay() < 0 || config.getInboxMaximumRedeliveryDelay() < 0) {
            throw new IllegalArgumentException(
                    "Options 'inboxRedeliveryDelay' and 'inboxMaximumRedeliveryDelay' must not be negative");
        }
        if (config.getLeaseDuration() < 1_000) {
            throw new IllegalArgumentException("Option 'leaseDuration' must be at least 1 second (1000 ms); a"
                                               + " process renews its leases every third of it");
        }
    }

    /** The options of a webhook consumer, checked when its route starts. */
    public static void validate(JiraqConfiguration config) {
        JiraqWebhookVerification verification = config.getWebhookVerification();
        if (verification == null) {
            throw new IllegalArgumentException("Option 'webhookVerification' is required for jiraq:webhook: hmac (admin"
                                               + " webhooks with a secret), jwt (OAuth 2.0 app webhooks) or none (only"
                                               + " behind a gateway that verifies requests itself)");
        }
        String secret = secret(config);
        if (verification != JiraqWebhookVerification.none && (secret == null || secret.isEmpty())) {
            throw new IllegalArgumentException("Option 'webhookSecret' is required with webhookVerification=" + verification
                                               + (verification == JiraqWebhookVerification.jwt
                                                       ? " (or clientSecret, the OAuth 2.0 app's)" : ""));
        }
        validateInbox(config);
        if (config.getWebhookMaxBodySize() < 1) {
            throw new IllegalArgumentException("Option 'webhookMaxBodySize' must be at least 1 byte");
        }
        if (config.getWebhookMaxAge() < 0) {
            throw new IllegalArgumentException("Option 'webhookMaxAge' must be a duration such as 1h, or 0 to accept"
                                               + " events of any age");
        }
        var events = WebhookEvents.parse(config.getEvents());
        SourceAddresses.of(config.getWebhookAllowedSources(), config.getWebhookTrustedProxies());
        if (config.getWebhookAllowedSources() == null && config.getWebhookTrustedProxies() != null) {
            throw new IllegalArgumentException("Option 'webhookTrustedProxies' is only read with webhookAllowedSources:"
                                               + " set the ranges requests may come from");
        }
        JiraqWebhookRegistration registration = config.getWebhookRegistration();
        if (registration == JiraqWebhookRegistration.none) {
            return;
        }
        String url = config.getWebhookUrl();
        URI uri = url == null ? null : URI.create(url);
        if (uri == null || uri.getHost() == null
                || !"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("Option 'webhookUrl' is required with webhookRegistration=" + registration
                                               + ": the public http(s) URL at which Jira reaches webhookPath");
        }
        if (registration == JiraqWebhookRegistration.dynamic) {
            if (config.getJql() == null || config.getJql().isBlank()) {
                throw new IllegalArgumentException("Option 'jql' is required with webhookRegistration=dynamic: Jira"
                                                   + " filters dynamic webhooks by JQL, for example project = DEMO");
            }
            WebhookEvents.forDynamicRegistration(events);
        }
    }
}
