/**
 * Jira's platform REST API ({@code /rest/api/2|3}): server info, issues and their comments, transitions, attachments,
 * properties and watchers, projects, search with both flavours' paging, bulk create, and Cloud's v2 twin of v3.
 * {@link org.jiraq.simulator.platform.PlatformApi} registers them all; the endpoint classes are internal. Public beside
 * it: the JSON shapes ({@link org.jiraq.simulator.platform.JiraJson}, {@link org.jiraq.simulator.platform.FieldSelection})
 * that webhook payloads and feature contexts reuse. Uses {@code http}, {@code jql} and {@code model}.
 */
package org.jiraq.simulator.platform;
