package org.jiraq.camel.webhook;

import java.io.IOException;
import java.util.Map;

/** Keeps the consumer's webhook registered with Jira. */
interface WebhookRegistrar {

    /** Reuses a registration that matches (URL, events, JQL) or makes one; removes outdated ones for the same URL. */
    void register() throws IOException;

    /** Keeps the registration alive; a no-op where registrations do not expire. */
    void refresh() throws IOException;

    /** What the health check and the dev console show of the registration (kind, id, expiry); never a secret. */
    Map<String, Object> details();
}
