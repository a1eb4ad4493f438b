package org.jiraq.camel.spi;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;


/**
 * The Atlassian accounts whose personal data the application holds, and when it fetched or stored that data. The
 * {@code jiraq:gdpr} consumer reports every account here to Atlassian's personal data reporting API once a cycle, and
 * removes an account only after the route has erased its data.
 * <p>
 * Record an account whenever the application keeps personal data of it (a name, an e-mail address, an avatar):
 * from a route with {@code org.jiraq.camel.gdpr.JiraqAccountRecorder}, or in Java with
 * {@code context.getComponent("jiraq", JiraqComponent.class).getAccountRegistry().record(accountId, Instant.now())}.
 */
public interface AccountRegistry {

    /** The account Jira shows for anonymous or deleted users; it carries no personal data and is never recorded. */
    String UNKNOWN_ACCOUNT = "unknown";

    /**
     * Records that the application fetched or stored personal data of {@code accountId} at {@code updatedAt}; a later
     * record replaces an earlier one. Blank ids and {@value #UNKNOWN_ACCOUNT} are ignored.
     */
    void record(String accountId, Instant updatedAt) throws IOException;

    /** When the application last fetched or stored the account's personal data; empty when it holds none. */
    Optional<Instant> updatedAt(String accountId) throws IOException;

    /** Forgets an account, for an application that erased its data on its own (for example when uninstalled). */
    void remove(String accountId) throws IOException;

    /** How many accounts are recorded. */
    long size() throws IOException;

    /** Whether an account id is one the registry keeps: not blank and not {@value #UNKNOWN_ACCOUNT}. */
    static boolean isRecordable(String accountId) {
        return accountId != null && !accountId.isBlank() && !UNKNOWN_ACCOUNT.equals(accountId);
    }
}
