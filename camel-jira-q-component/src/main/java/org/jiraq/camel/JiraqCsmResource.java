package org.jiraq.camel;

/** What the Customer Service Management operations (csmList, csmGet, csmCreate, csmUpdate) work on. */
public enum JiraqCsmResource {
    /** Organizations: listed by id or name (at most 50 per call, batched), read, created, renamed. */
    organization,
    /** Customer accounts: read, created, renamed (the API lists no customers). */
    customer,
    /** Products: listed page by page (nextPageCursor), read, created, renamed. */
    product,
    /** Entitlements of a customer or organization: listed page by page, read, created, their details set. */
    entitlement
}
