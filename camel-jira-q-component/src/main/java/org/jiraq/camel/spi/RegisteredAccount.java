package org.jiraq.camel.spi;

import java.time.Instant;

/** An account of the registry, as reported to Atlassian: its id and when its personal data was fetched or stored. */
public record RegisteredAccount(String accountId, Instant updatedAt) {
}
