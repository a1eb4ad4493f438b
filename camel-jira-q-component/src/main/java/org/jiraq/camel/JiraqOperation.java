package org.jiraq.camel;

/** What a {@code jiraq:} endpoint does. The URI path names one of these: {@code jiraq:createIssue}. */
public enum JiraqOperation {
    createIssue,
    getIssue,
    updateIssue,
    deleteIssue,
    searchIssues,
    getProjects,
    addComment,
    getComments,
    getTransitions,
    transitionIssue,
    // request, serviceDeskRequest
    request,
    serviceDeskRequest,
    // Service Management
    getServiceDesks,
    getRequestTypes,
    createCustomerRequest,
    getCustomerRequest,
    addRequestComment,
    // Customer Service Management (Jira Cloud, on Atlassian's gateway); option csmResource says on what
    /** Lists organizations (by id or name), products, or a customer's or organization's entitlements, every page. */
    csmList,
    /** Reads one organization, customer, product or entitlement. */
    csmGet,
    /** Creates an organization, customer, product, or an entitlement of a customer or organization. */
    csmCreate,
    /** Renames an organization, customer or product, or sets an entitlement's details. */
    csmUpdate,
    // bulkCreateIssues
    bulkCreateIssues,
    // addAttachment
    addAttachment,
    // webhooks and polling: consumers
    /** Consumer: Jira events pushed to an HTTP path served by Camel's platform-http. */
    webhook,
    /** Consumer: polls JQL for changed issues. */
    issues,
    // gdpr
    /** Producer: one call to Atlassian's personal data reporting API. */
    reportAccounts,
    /** Consumer: the personal data reporting cycle, one exchange per account to erase or refresh. */
    gdpr
}
