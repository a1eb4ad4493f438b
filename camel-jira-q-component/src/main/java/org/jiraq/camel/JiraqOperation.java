package org.jiraq.camel;

/**
 * What a {@code jiraq:} endpoint does. The URI path names one of these: {@code jiraq:createIssue}. Each constant links
 * the code that does it; ARCHITECTURE.md at the repository root shows where the shared concerns live.
 */
public enum JiraqOperation {
    /** {@link org.jiraq.camel.operation.IssueOperations#create}. */
    createIssue,
    /** {@link org.jiraq.camel.operation.IssueOperations#get}. */
    getIssue,
    /** {@link org.jiraq.camel.operation.IssueOperations#update}. */
    updateIssue,
    /** {@link org.jiraq.camel.operation.IssueOperations#delete}. */
    deleteIssue,
    /** {@link org.jiraq.camel.operation.SearchOperation#search}. */
    searchIssues,
    /** {@link org.jiraq.camel.operation.ProjectOperations#list}. */
    getProjects,
    /** {@link org.jiraq.camel.operation.CommentOperations#add}. */
    addComment,
    /** {@link org.jiraq.camel.operation.CommentOperations#list}. */
    getComments,
    /** {@link org.jiraq.camel.operation.TransitionOperations#list}. */
    getTransitions,
    /** {@link org.jiraq.camel.operation.TransitionOperations#transition}. */
    transitionIssue,
    /** Any REST call below {@code /rest}: {@link org.jiraq.camel.operation.RequestOperation#send}. */
    request,
    /** Any REST call below {@code /rest/servicedeskapi}: {@link org.jiraq.camel.operation.RequestOperation#send}. */
    serviceDeskRequest,
    /** {@link org.jiraq.camel.operation.ServiceDeskOperations#listServiceDesks}. */
    getServiceDesks,
    /** {@link org.jiraq.camel.operation.ServiceDeskOperations#listRequestTypes}. */
    getRequestTypes,
    /** {@link org.jiraq.camel.operation.ServiceDeskOperations#createRequest}. */
    createCustomerRequest,
    /** {@link org.jiraq.camel.operation.ServiceDeskOperations#getRequest}. */
    getCustomerRequest,
    /** {@link org.jiraq.camel.operation.ServiceDeskOperations#addComment}. */
    addRequestComment,
    // Customer Service Management (Jira Cloud, on Atlassian's gateway); option csmResource says on what
    /**
     * Lists organizations (by id or name), products, or a customer's or organization's entitlements, every page:
     * {@link org.jiraq.camel.operation.CsmOperations#list}.
     */
    csmList,
    /**
     * Reads one organization, customer, product or entitlement: {@link org.jiraq.camel.operation.CsmOperations#get}.
     */
    csmGet,
    /**
     * Creates an organization, customer, product, or an entitlement of a customer or organization:
     * {@link org.jiraq.camel.operation.CsmOperations#create}.
     */
    csmCreate,
    /**
     * Renames an organization, customer or product, or sets an entitlement's details:
     * {@link org.jiraq.camel.operation.CsmOperations#update}.
     */
    csmUpdate,
    /** {@link org.jiraq.camel.operation.BulkCreateOperation#create}. */
    bulkCreateIssues,
    /** {@link org.jiraq.camel.operation.AttachmentOperation#add}. */
    addAttachment,
    /**
     * Consumer: Jira events pushed to an HTTP path served by Camel's platform-http: {@link JiraqWebhookConsumer}, with
     * {@link org.jiraq.camel.webhook.WebhookReceiver} and {@link org.jiraq.camel.webhook.WebhookLifecycle}.
     */
    webhook,
    /**
     * Consumer: polls JQL for changed issues: {@link JiraqIssuesConsumer}, with
     * {@link org.jiraq.camel.polling.ChangeQuery}.
     */
    issues,
    /**
     * Producer: one call to Atlassian's personal data reporting API:
     * {@link org.jiraq.camel.operation.ReportAccountsOperation#report}.
     */
    reportAccounts,
    /**
     * Consumer: the personal data reporting cycle, one exchange per account to erase or refresh:
     * {@link JiraqGdprConsumer}, with {@link org.jiraq.camel.gdpr.ReportingCycle}.
     */
    gdpr
}
