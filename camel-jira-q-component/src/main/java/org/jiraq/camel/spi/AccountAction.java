package org.jiraq.camel.spi;

/** One account Atlassian answered about, and what to do with its data. */
public record AccountAction(String accountId, AccountStatus status) {
}
