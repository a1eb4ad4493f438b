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

    // progress
    @Metadata(label = "producer",
              description = "searchIssues in list and page modes: the pages fetched from Jira so far. In page mode it"
                            + " adds up over a loop that passes CamelJiraqNextPage back in.",
              javaType = "Integer")
    public static final String PAGES_FETCHED = "CamelJiraqPagesFetched";
    @Metadata(label = "producer",
              description = "searchIssues in list and page modes: the items returned so far. In page mode it adds up"
                            + " over a loop that passes CamelJiraqNextPage back in.",
              javaType = "Long")
    public static final String ITEMS_FETCHED = "CamelJiraqItemsFetched";

    private JiraqConstants() {
    }
}
