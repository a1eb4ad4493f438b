package org.jiraq.camel;

import org.apache.camel.spi.Metadata;

/**
 * Every message header the component reads or writes. All start with {@code CamelJiraq}, so HTTP headers arriving
 * at a webhook or REST route can never act as commands for a producer further down (Camel's header filters drop
 * {@code Camel*} headers at the edges).
 */
public final class JiraqConstants {

    @Metadata(label = "producer", description = "The issue key or id the operation works on (getIssue, updateIssue,"
                                                 + " deleteIssue, addComment, getComments, getTransitions,"
                                                 + " transitionIssue). Set by createIssue to the new issue's key.",
              javaType = "String")
    public static final String ISSUE_KEY = "CamelJiraqIssueKey";
    @Metadata(label = "producer", description = "The id of the issue createIssue made.", javaType = "String")
    public static final String ISSUE_ID = "CamelJiraqIssueId";
    @Metadata(label = "producer", description = "createIssue: the project key of the new issue.", javaType = "String")
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
    @Metadata(label = "producer", description = "searchIssues: the JQL (else the String body, else the jql option).",
              javaType = "String")
    public static final String JQL = "CamelJiraqJql";
    @Metadata(label = "producer", description = "transitionIssue: the transition id or its name (case-insensitive).",
              javaType = "String")
    public static final String TRANSITION = "CamelJiraqTransition";
    @Metadata(label = "producer",
              description = "addComment: the comment (else the body). Plain text or Markdown becomes ADF on API v3.",
              javaType = "Object")
    public static final String COMMENT = "CamelJiraqComment";
    @Metadata(label = "producer", description = "addComment: the id of the comment created.", javaType = "String")
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
                            + " getTransitions).",
              javaType = "Integer")
    public static final String RESULT_COUNT = "CamelJiraqResultCount";

    // faults: retry-safe creates and rate-limit state
    @Metadata(label = "producer",
              description = "createIssue: the idempotency key written with the issue (entity property"
                            + " jiraq.idempotency) and looked up after a fault, so a retried create never makes a"
                            + " second issue. Set it to a key of your own (an external id); else the exchange id is"
                            + " used and set here, so a redelivery or a replayed dead letter keeps it.",
              javaType = "String")
    public static final String IDEMPOTENCY_KEY = "CamelJiraqIdempotencyKey";
    @Metadata(label = "producer",
              description = "createIssue: when an attempt failed in a way that may still have created the issue"
                            + " (epoch milliseconds). Set by the failed attempt; while present, createIssue looks for"
                            + " the issue carrying its idempotency key before it creates one. Also kept as an exchange"
                            + " property of the same name, which Camel's redelivery does not reset; keep the header"
                            + " when a dead letter is replayed.",
              javaType = "Long")
    public static final String OUTCOME_UNKNOWN_SINCE = "CamelJiraqOutcomeUnknownSince";
    @Metadata(label = "producer",
              description = "createIssue: true when the issue was not created by this call but found by its"
                            + " idempotency key, made by an earlier attempt whose answer was lost.",
              javaType = "Boolean")
    public static final String EXISTING_ISSUE = "CamelJiraqExistingIssue";
    @Metadata(label = "producer",
              description = "After every operation: Jira's last X-RateLimit-Remaining for this site and credential,"
                            + " when Jira sent one.",
              javaType = "Integer")
    public static final String RATE_LIMIT_REMAINING = "CamelJiraqRateLimitRemaining";
    @Metadata(label = "producer",
              description = "After every operation: true while Jira reports less than 20% of its rate limit left"
                            + " (X-RateLimit-NearLimit) or holds every call until a quota resets.",
              javaType = "Boolean")
    public static final String RATE_LIMIT_NEAR_LIMIT = "CamelJiraqRateLimitNearLimit";

    private JiraqConstants() {
    }
}
