package org.jiraq.camel;

/**
 * Which API the request operation calls: the site's own REST API, or one that Atlassian serves on its gateway for the
 * Jira Cloud site (https://api.atlassian.com), reached with the endpoint's credentials.
 */
public enum JiraqApi {
    /** The site's REST API: paths below {@code /rest}. */
    jira,
    /** Customer Service Management: paths below {@code /jsm/csm/cloudid/{cloudId}/api/v1}. */
    customerServiceManagement,
    /** Assets: paths below {@code /jsm/assets/workspace/{workspaceId}/v1}. */
    assets,
    /** Jira Service Management Operations: paths below {@code /jsm/ops/api/{cloudId}/v1}. */
    operations
}
