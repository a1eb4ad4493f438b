package org.jiraq.camel;

import org.apache.camel.spi.Metadata;

/**
 * Every message header the component reads or writes. All start with {@code CamelJiraq}, so HTTP headers arriving
 * at a webhook or REST route can never act as commands for a producer further down (Camel's header filters drop
 * {@code Camel*} headers at the edges).
 */
public final class JiraqConstants {

    @Metadata(label = "common", description = "The issue key or id the operation works on (getIssue, updateIssue,"
                                                 + " deleteIssue, addComment, getComments, getTransitions,"
                                                 + " transitionIssue, getCustomerRequest, addRequestComment,"
                                                 + " addAttachment). Set by createIssue and createCustomerRequest to"
                                                 + " the new issue's key, and by the consumers to the key of the event's"
                                                 + " issue.",
              javaType = "String")
    public static final String ISSUE_KEY = "CamelJiraqIssueKey";
    @Metadata(label = "common", description = "The id of the issue createIssue or createCustomerRequest made, or of"
                                                 + " the issue the consumers deliver.",
              javaType = "String")
    public static final String ISSUE_ID = "CamelJiraqIssueId";
    @Metadata(label = "common", description = "createIssue: the project key of the new issue. Set by the consumers"
                                                 + " to the project of the event or issue.",
              javaType = "String")
    public static final String PROJECT_KEY = "CamelJiraqProjectKey";
    @Metadata(label = "producer", description = "createIssue: the issue type name (Task, Bug, Story, ...).",
              javaType = "String")
    public static final String ISSUE_TYPE_NAME = "CamelJiraqIssueTypeName";
    @Metadata(label = "producer", description = "createIssue, updateIssue: the summary.", javaType = "String")
    public static final String SUMMARY = "CamelJiraqSummary";
    @Metadata(label = "producer",
              description = "createIssue, updateIssue: the description. Plain text or Markdown becomes ADF on API v3;"
                            + " an ADF document passes through.",
              javaType = "Object")
    public static final String DESCRIPTION = "CamelJiraqDescription";
    @Metadata(label = "producer",
              description = "createIssue, updateIssue: more fields to set, by field id (a Map, JSON node or JSON"
                            + " string). getIssue, searchIssues: the comma-separated fields to return (a String).",
              javaType = "Object")
    public static final String FIELDS = "CamelJiraqFields";
    @Metadata(label = "producer",
              description = "createIssue, updateIssue: the priority, by name (High) or id (2).", javaType = "String")
    public static final String PRIORITY = "CamelJiraqPriority";
    @Metadata(label = "producer",
              description = "createIssue, updateIssue: who the issue is assigned to: the account id on Jira Cloud, the"
                            + " user name on Data Center, or me for the user the endpoint signs in as.",
              javaType = "String")
    public static final String ASSIGNEE = "CamelJiraqAssignee";
    @Metadata(label = "producer",
              description = "createIssue, updateIssue: the labels (a List, or a comma-separated String); on update they"
                            + " replace the issue's labels.",
              javaType = "Object")
    public static final String LABELS = "CamelJiraqLabels";
    @Metadata(label = "producer",
              description = "createIssue, updateIssue: the components, by name (a List, or a comma-separated String).",
              javaType = "Object")
    public static final String COMPONENTS = "CamelJiraqComponents";
    @Metadata(label = "producer",
              description = "createIssue, updateIssue: the fix versions, by name (a List, or a comma-separated String).",
              javaType = "Object")
    public static final String FIX_VERSIONS = "CamelJiraqFixVersions";
    @Metadata(label = "producer",
              description = "createIssue, updateIssue: the due date: a LocalDate, Date, Instant or date-time, or a"
                            + " yyyy-MM-dd String.",
              javaType = "Object")
    public static final String DUE_DATE = "CamelJiraqDueDate";
    @Metadata(label = "producer",
              description = "createIssue, updateIssue: the parent's key or id: the issue of a sub-task, or (on Jira"
                            + " Cloud) the epic of a story, task or bug.",
              javaType = "String")
    public static final String PARENT = "CamelJiraqParent";
    @Metadata(label = "producer", description = "searchIssues: the JQL (else the String body, else the jql option).",
              javaType = "String")
    public static final String JQL = "CamelJiraqJql";
    @Metadata(label = "producer", description = "transitionIssue: the transition id or its name (case-insensitive).",
              javaType = "String")
    public static final String TRANSITION = "CamelJiraqTransition";
    @Metadata(label = "producer",
              description = "addComment, addRequestComment: the comment (else the body). For addComment, plain text or"
                            + " Markdown becomes ADF on API v3.",
              javaType = "Object")
    public static final String COMMENT = "CamelJiraqComment";
    @Metadata(label = "producer", description = "addComment, addRequestComment: the id of the comment created.",
              javaType = "String")
    public static final String COMMENT_ID = "CamelJiraqCommentId";
    @Metadata(label = "producer",
              description = "searchIssues in page mode: in, the position of the page to fetch; out, the position of"
                            + " the next page (a nextPageToken on Cloud, a startAt offset on Data Center), absent"
                            + " after the last page.",
              javaType = "String")
    public static final String NEXT_PAGE = "CamelJiraqNextPage";
    @Metadata(label = "producer", description = "searchIssues in page mode: whether this was the last page.",
              javaType = "Boolean")
    public static final String IS_LAST = "CamelJiraqIsLast";
    @Metadata(label = "producer",
              description = "The number of items returned (list and page modes, getProjects, getComments,"
                            + " getTransitions, request with paginate, getServiceDesks, getRequestTypes,"
                            + " bulkCreateIssues, addAttachment).",
              javaType = "Integer")
    public static final String RESULT_COUNT = "CamelJiraqResultCount";

    // progress
    @Metadata(label = "producer",
              description = "searchIssues in list and page modes, request with paginate in list mode: the pages"
                            + " fetched from Jira so far. In page mode it adds up over a loop that passes"
                            + " CamelJiraqNextPage back in.",
              javaType = "Integer")
    public static final String PAGES_FETCHED = "CamelJiraqPagesFetched";
    @Metadata(label = "producer",
              description = "searchIssues in list and page modes, request with paginate in list mode: the items"
                            + " returned so far. In page mode it adds up over a loop that passes CamelJiraqNextPage"
                            + " back in.",
              javaType = "Long")
    public static final String ITEMS_FETCHED = "CamelJiraqItemsFetched";
    // webhooks and polling
    @Metadata(label = "consumer", description = "jiraq:webhook: the event's webhookEvent, for example"
                                                 + " jira:issue_created or comment_created.",
              javaType = "String")
    public static final String WEBHOOK_EVENT = "CamelJiraqWebhookEvent";
    @Metadata(label = "consumer",
              description = "jiraq:webhook: Jira's X-Atlassian-Webhook-Identifier, the same on every retry of one"
                            + " delivery; the key of de-duplication.",
              javaType = "String")
    public static final String WEBHOOK_IDENTIFIER = "CamelJiraqWebhookIdentifier";
    @Metadata(label = "consumer",
              description = "jiraq:webhook: Jira's X-Atlassian-Webhook-Retry, how often Jira has retried this"
                            + " delivery; absent on the first attempt.",
              javaType = "Integer")
    public static final String WEBHOOK_RETRY = "CamelJiraqWebhookRetry";
    @Metadata(label = "consumer",
              description = "jiraq:webhook: which delivery of the event to the route this is, from 1; above 1 the"
                            + " route failed on it before (inbox redeliveries, which outlive restarts).",
              javaType = "Integer")
    public static final String WEBHOOK_ATTEMPT = "CamelJiraqWebhookAttempt";
    @Metadata(label = "consumer",
              description = "jiraq:webhook: the issue_event_type_name of an issue event (issue_created, issue_updated,"
                            + " issue_commented, issue_generic...), which tells an edit, a comment and a transition"
                            + " apart within jira:issue_updated; absent on other events.",
              javaType = "String")
    public static final String ISSUE_EVENT_TYPE = "CamelJiraqIssueEventType";
    @Metadata(label = "consumer", description = "jiraq:issues: when the delivered change was made (the issue's"
                                                 + " updated field).",
              javaType = "java.time.Instant")
    public static final String ISSUE_UPDATED = "CamelJiraqIssueUpdated";
    // oauth2
    @Metadata(label = "producer",
              description = "The stored OAuth 2.0 grant to call Jira with (authStrategy=oauth2), overriding the"
                            + " credentialId option for this exchange: one route can act for many connected users."
                            + " Also read by the authorize processor of the connect flow.",
              javaType = "String")
    public static final String CREDENTIAL_ID = "CamelJiraqCredentialId";

    // gdpr
    @Metadata(label = "consumer",
              description = "gdpr: the Atlassian account id whose personal data to erase or refresh. Also read by"
                            + " JiraqAccountRecorder: the accounts to record (one id or a collection).",
              javaType = "String")
    public static final String ACCOUNT_ID = "CamelJiraqAccountId";
    @Metadata(label = "consumer",
              description = "gdpr: what to do with the account's personal data: closed (erase it) or updated (fetch"
                            + " it again or drop it).",
              javaType = "String")
    public static final String ACCOUNT_STATUS = "CamelJiraqAccountStatus";
    @Metadata(label = "producer", description = "reportAccounts: the Cycle-Period Atlassian sent, when it sent one.",
              javaType = "java.time.Duration")
    public static final String CYCLE_PERIOD = "CamelJiraqCyclePeriod";

    // request, serviceDeskRequest
    @Metadata(label = "producer", description = "request, serviceDeskRequest: the HTTP method (GET, POST, PUT, PATCH,"
                                                 + " DELETE, HEAD); overrides option httpMethod.",
              javaType = "String")
    public static final String HTTP_METHOD = "CamelJiraqHttpMethod";
    @Metadata(label = "producer",
              description = "request: the path below /rest (/api/3/myself); serviceDeskRequest: the path below"
                            + " /rest/servicedeskapi (/servicedesk). May end in a query string; overrides option path.",
              javaType = "String")
    public static final String PATH = "CamelJiraqPath";
    @Metadata(label = "producer",
              description = "request, serviceDeskRequest: query parameters (a Map; a Collection value repeats the"
                            + " parameter), added to the query.* options. Jira Data Center's login parameters"
                            + " (os_username, os_password, os_authType, os_cookie) are refused.",
              javaType = "java.util.Map<String, Object>")
    public static final String QUERY = "CamelJiraqQuery";
    @Metadata(label = "producer",
              description = "request, serviceDeskRequest: HTTP headers to send (a Map), added to the httpHeader.*"
                            + " options. Only these are sent; Authorization, Cookie and Host are refused.",
              javaType = "java.util.Map<String, Object>")
    public static final String HTTP_HEADERS = "CamelJiraqHttpHeaders";
    @Metadata(label = "producer",
              description = "request, serviceDeskRequest: cookies to send (a Map of names to values), added to the"
                            + " cookie.* options. Login cookies (Jira's session cookies, Crowd's crowd.token_key)"
                            + " are refused.",
              javaType = "java.util.Map<String, Object>")
    public static final String COOKIES = "CamelJiraqCookies";
    @Metadata(label = "producer", description = "request, serviceDeskRequest: whether to follow Jira's paging and"
                                                 + " return the items of every page; overrides option paginate.",
              javaType = "Boolean")
    public static final String PAGINATE = "CamelJiraqPaginate";
    @Metadata(label = "producer", description = "request, serviceDeskRequest without paginate: the HTTP status Jira"
                                                 + " answered with.",
              javaType = "Integer")
    public static final String HTTP_STATUS = "CamelJiraqHttpStatus";

    // Service Management
    @Metadata(label = "producer", description = "getRequestTypes, createCustomerRequest: the service desk id;"
                                                 + " overrides option serviceDeskId.",
              javaType = "String")
    public static final String SERVICE_DESK_ID = "CamelJiraqServiceDeskId";
    @Metadata(label = "producer", description = "createCustomerRequest: the request type id; overrides option"
                                                 + " requestTypeId.",
              javaType = "String")
    public static final String REQUEST_TYPE_ID = "CamelJiraqRequestTypeId";
    @Metadata(label = "producer",
              description = "createCustomerRequest: the request's field values by field id (a Map, JSON node or JSON"
                            + " string), added to those of the body.",
              javaType = "Object")
    public static final String REQUEST_FIELD_VALUES = "CamelJiraqRequestFieldValues";
    @Metadata(label = "producer", description = "createCustomerRequest: the account id (Data Center: user name) of"
                                                 + " the customer the request is raised for.",
              javaType = "String")
    public static final String RAISE_ON_BEHALF_OF = "CamelJiraqRaiseOnBehalfOf";
    @Metadata(label = "producer", description = "createCustomerRequest: the customers to add as participants (a List"
                                                 + " or a comma-separated String of account ids).",
              javaType = "Object")
    public static final String REQUEST_PARTICIPANTS = "CamelJiraqRequestParticipants";
    @Metadata(label = "producer", description = "createCustomerRequest, getCustomerRequest: the request's current"
                                                 + " status name.",
              javaType = "String")
    public static final String REQUEST_STATUS = "CamelJiraqRequestStatus";
    @Metadata(label = "producer", description = "addRequestComment: true for a comment the customer sees, false for"
                                                 + " an internal note; overrides option publicComment.",
              javaType = "Boolean")
    public static final String PUBLIC_COMMENT = "CamelJiraqPublicComment";

    // Customer Service Management
    @Metadata(label = "producer", description = "csmGet, csmUpdate: the id of the Customer Service Management"
                                                 + " organization, customer, product or entitlement.",
              javaType = "String")
    public static final String CSM_ID = "CamelJiraqCsmId";
    @Metadata(label = "producer", description = "csmList and csmCreate of entitlements: whose entitlements, customer or"
                                                 + " organization.",
              javaType = "String")
    public static final String CSM_ENTITY_TYPE = "CamelJiraqCsmEntityType";
    @Metadata(label = "producer", description = "csmList and csmCreate of entitlements: the id of that customer or"
                                                 + " organization.",
              javaType = "String")
    public static final String CSM_ENTITY_ID = "CamelJiraqCsmEntityId";

    // bulkCreateIssues
    @Metadata(label = "producer", description = "bulkCreateIssues: how many of the inputs were not created.",
              javaType = "Integer")
    public static final String FAILED_COUNT = "CamelJiraqFailedCount";

    // addAttachment
    @Metadata(label = "producer",
              description = "addAttachment: the file name for content given as byte[] or InputStream (a String, or a"
                            + " List of names in the order of a List body); File and Path bodies keep their own name.",
              javaType = "Object")
    public static final String FILE_NAME = "CamelJiraqFileName";

    // faults: retry-safe creates and rate-limit state
    @Metadata(label = "producer",
              description = "createIssue, bulkCreateIssues: the idempotency key written with the issue (entity"
                            + " property jiraq.idempotency) and looked up after a fault, so a retried create never"
                            + " makes a second issue; bulkCreateIssues writes it followed by #<position> per item. Set"
                            + " it to a key of your own (an external id); else the exchange id is used and set here,"
                            + " so a redelivery or a replayed dead letter keeps it. jiraq:webhook sets it to a key"
                            + " derived from the delivery identifier, so a webhook route that creates one issue per"
                            + " event creates it once. createIssue keeps a key it was given in the store"
                            + " (durableIdempotencyKeys).",
              javaType = "String")
    public static final String IDEMPOTENCY_KEY = "CamelJiraqIdempotencyKey";
    @Metadata(label = "producer",
              description = "createIssue, bulkCreateIssues: when an attempt failed in a way that may still have"
                            + " created issues (epoch milliseconds). Set by the failed attempt; while present, the"
                            + " operation looks for the issues carrying its idempotency keys before it creates any."
                            + " Also kept as an exchange property of the same name, which Camel's redelivery does not"
                            + " reset; keep the header when a dead letter is replayed.",
              javaType = "Long")
    public static final String OUTCOME_UNKNOWN_SINCE = "CamelJiraqOutcomeUnknownSince";
    @Metadata(label = "producer",
              description = "createIssue, bulkCreateIssues: set with CamelJiraqOutcomeUnknownSince, the highest issue"
                            + " key of each project the component knew before that attempt, comma-separated (DEMO-41,"
                            + "OPS-7). The lookup reads the issues after it by key, which does not depend on Jira's"
                            + " search index. Kept like CamelJiraqOutcomeUnknownSince.",
              javaType = "String")
    public static final String OUTCOME_UNKNOWN_AFTER = "CamelJiraqOutcomeUnknownAfter";
    @Metadata(label = "producer",
              description = "createIssue: true when the issue was not created by this call but found by its"
                            + " idempotency key, made by an earlier attempt whose answer was lost.",
              javaType = "Boolean")
    public static final String EXISTING_ISSUE = "CamelJiraqExistingIssue";
    @Metadata(label = "producer",
              description = "After an operation that Jira answered: the X-RateLimit-Remaining of its last answer that"
                            + " had rate-limit headers. Not set when no answer had any, or nothing was sent.",
              javaType = "Integer")
    public static final String RATE_LIMIT_REMAINING = "CamelJiraqRateLimitRemaining";
    @Metadata(label = "producer",
              description = "After an operation that Jira answered: true when its last answer with rate-limit headers"
                            + " said less than 20% of the limit is left (X-RateLimit-NearLimit) or was a 429. Not set"
                            + " when no answer had any, or nothing was sent.",
              javaType = "Boolean")
    public static final String RATE_LIMIT_NEAR_LIMIT = "CamelJiraqRateLimitNearLimit";

    private JiraqConstants() {
    }
}
