package org.jiraq.camel.connection;

import java.time.Instant;

/**
 * A call that failed, as the dev console lists it: no query string (it may carry JQL or other data), no body, no
 * header but Jira's request id.
 *
 * @param status    the HTTP status, or null when Jira gave no answer
 * @param requestId Jira's X-AREQUESTID, to quote to Atlassian support, or null
 * @param error     when Jira gave no answer, the class of the I/O error (ConnectException, HttpTimeoutException)
 */
public record RecentError(
        Instant at, String operation, String method, String path, Integer status, String requestId, String error) {

    /** The path without any query string. */
    static String pathOnly(String path) {
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }
}
