package org.jiraq.camel;

/**
 * How {@code createIssue} finds out, after a fault that may have let a create through, whether the issue carrying its
 * idempotency key exists.
 */
public enum JiraqIdempotencyLookup {
    /**
     * Searches the issues the same user created in the project since the first uncertain attempt and reads their
     * {@code jiraq.idempotency} property. Works on every site: it needs no index on the property.
     */
    recentCreates,
    /**
     * Searches with JQL on the property itself ({@code issue.property[jiraq.idempotency].key}): one hit, but Jira only
     * indexes issue properties that an installed app (Forge or Connect) declares.
     */
    propertyQuery
}
