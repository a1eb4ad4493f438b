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
    // gdpr
    reportAccounts,
    gdpr
}
