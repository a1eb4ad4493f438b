package org.jiraq.camel.operation;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Message;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.JiraqDeployment;
import org.jiraq.camel.JiraqEndpoint;
import org.jiraq.camel.JiraqHttpException;
import org.jiraq.camel.JiraqIdempotencyLookup;
import org.jiraq.camel.JiraqOutcomeUnknownException;
import org.jiraq.camel.client.JiraqClient;
import org.jiraq.camel.client.JiraqRequest;
import org.jiraq.camel.client.Json;
import org.jiraq.camel.client.PageStyle;
import org.jiraq.camel.client.Paginator;

/**
 * The marker that makes creates retry-safe: the issue entity property {@code jiraq.idempotency}, {@code {"key": "..."}},
 * written with the create in the request's {@code properties} array, and the lookup that finds the issues carrying
 * given keys after a create whose answer was lost. The lookup reads the issues after a key known to precede the
 * create ({@link KeyWalk}), which does not depend on Jira's search index. When no such key is known, or the create
 * was long ago, it first asks the index ({@code idempotencyLookup}), which then is cheaper; whatever the index does
 * not show is still read by key. Each candidate's property is read back, so a lookup can never match a wrong issue,
 * and a lookup that cannot finish reports the outcome as unknown instead of letting the create be sent again.
 */
final class IdempotencyMarkers {

    static final String PROPERTY = "jiraq.idempotency";
    static final int MAX_KEY_LENGTH = 255;

    /** Jira stamps {@code created} on its own clock; look back a little further than our own first attempt. */
    private static final Duration CLOCK_SLACK = Duration.ofMinutes(2);
    private static final int PAGE_SIZE = 100;
    /**
     * After this long Jira's search index has most likely caught up with a create, so a replayed lookup asks it first,
     * which is cheaper than reading every issue created since; what it does not show is still read by key.
     */
    private static final Duration INDEX_CATCH_UP = Duration.ofMinutes(5);
    private static final Pattern PROJECT_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private final JiraqEndpoint endpoint;

    IdempotencyMarkers(JiraqEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** Adds (or replaces) the marker in an issue create request ({@code {"fields":...}}). */
    static void mark(ObjectNode issueRequest, String key) {
        ArrayNode properties = issueRequest.has("properties") && issueRequest.get("properties").isArray()
                ? (ArrayNode) issueRequest.get("properties") : issueRequest.putArray("properties");
        for (int i = properties.size() - 1; i >= 0; i--) {
            if (PROPERTY.equals(properties.get(i).path("key").asText())) {
                properties.remove(i);
            }
        }
        ObjectNode marker = properties.addObject().put("key", PROPERTY);
        marker.putObject("value").put("key", key);
    }

    /**
     * Header CamelJiraqIdempotencyKey, else the exchange id, which is then set as that header.
     *
     * @param room how many characters the caller appends to the key (bulkCreateIssues: the item's position)
     */
    static String idempotencyKey(Message in, int room) {
        String key = in.getHeader(JiraqConstants.IDEMPOTENCY_KEY, String.class);
        if (key == null) {
            key = in.getExchange().getExchangeId();
            in.setHeader(JiraqConstants.IDEMPOTENCY_KEY, key);
        }
        if (key.isBlank() || key.length() + room > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("Header " + JiraqConstants.IDEMPOTENCY_KEY + " must hold 1 to "
                                               + (MAX_KEY_LENGTH - room) + " characters");
        }
        return key;
    }

    /** The project a create request names ({@code fields.project.key} or {@code .id}), or null. */
    static String projectOf(ObjectNode request) {
        JsonNode project = request.path("fields").path("project");
        String keyOrId = project.isObject() ? project.path("key").asText(project.path("id").asText(null)) : null;
        return keyOrId == null || keyOrId.isBlank() ? null : keyOrId;
    }

    /** Notes an issue created (or found) in {@code project}, so later creates there know a key that precedes them. */
    static void saw(JiraqClient client, String project, String issueKey) {
        IssueKeyHorizon.of(client).saw(project, issueKey);
    }

    /** The highest key known in {@code project} now: taken before a create, it certainly precedes it. */
    static IssueKey lastKnown(JiraqClient client, String project) {
        return IssueKeyHorizon.of(client).last(project);
    }

    /**
     * The issues carrying the given keys, by key; a key with no issue is absent.
     *
     * @param  client                       the client of the exchange, so the lookup uses the create's credentials
     * @param  project                      the project key or id the issues were created in
     * @param  uncertain                    when the first uncertain attempt was sent, and what key preceded it
     * @throws JiraqOutcomeUnknownException when the lookup cannot finish: whether the issues exist stays unknown
     */
    Map<String, JsonNode> find(JiraqClient client, Collection<String> keys, String project, UnknownOutcome uncertain)
            throws JiraqOutcomeUnknownException {
        try {
            if (project == null) {
                throw new JiraqOutcomeUnknownException("The create names no project, so the issues of idempotency"
                                                       + " keys " + keys + " cannot be looked up", null);
            }
            String prefix = prefixOf(client, project);
            IssueKey after = uncertain.after(prefix);
            boolean indexCaughtUp = Duration.between(uncertain.since(), Instant.now()).compareTo(INDEX_CATCH_UP) > 0;
            Map<String, JsonNode> found = after == null || indexCaughtUp
                    ? searchIndex(client, keys, project, uncertain.since()) : new LinkedHashMap<>();
            Set<String> missing = new LinkedHashSet<>(keys);
            missing.removeAll(found.keySet());
            if (!missing.isEmpty()) {
                found.putAll(new KeyWalk(client, this, prefix, missing).find(after, uncertain.since()));
            }
            found.values().forEach(issue -> saw(client, project, issue.path("key").asText(null)));
            return found;
        } catch (JiraqOutcomeUnknownException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new JiraqOutcomeUnknownException("Looking for the issues of idempotency keys " + keys + " failed ("
                                                   + e.getMessage() + "); the create is not sent again until a lookup"
                                                   + " finishes", e);
        }
    }

    /**
     * Reads one issue by key with when it was created and last updated and, on Cloud, its marker (Cloud documents the properties of an
     * issue read; for Data Center {@link #markerOf} reads the property itself).
     */
    JiraqRequest issueRequest(String issueKey) {
        JiraqRequest.Builder get = JiraqRequest.get(issuePath(issueKey)).query("fields", "created,updated");
        if (endpoint.getDeployment() == JiraqDeployment.cloud) {
            get.query("properties", PROPERTY);
        }
        return get.build();
    }

    private String issuePath(String issueKeyOrId) {
        return endpoint.apiPath() + "/issue/" + Inputs.segment(issueKeyOrId);
    }

    /** The number of the highest key of the project that Jira's search index shows (it may lag), or 0. */
    long highestIndexedNumber(JiraqClient client, String prefix) throws IOException {
        JsonNode issues = client.execute(searchRequest("project = " + quote(prefix) + " ORDER BY key DESC", 1)).json()
                .path("issues");
        IssueKey top = issues.isEmpty() ? null : IssueKey.parse(issues.get(0).path("key").asText(null));
        return top != null && top.prefix().equals(prefix) ? top.number() : 0;
    }

    /** The prefix of the project's issue keys: from a key seen before, the project key itself, or Jira. */
    private String prefixOf(JiraqClient client, String project) throws IOException {
        String prefix = IssueKeyHorizon.of(client).prefixOf(project);
        if (prefix != null) {
            return prefix;
        }
        if (PROJECT_KEY.matcher(project).matches()) {
            return project.toUpperCase(Locale.ROOT);
        }
        return client.execute(JiraqRequest.get(endpoint.apiPath() + "/project/" + Inputs.segment(project)).build())
                .json().path("key").asText();
    }

    /** The issues the index shows carrying the keys; whatever it does not show yet is left to the walk. */
    private Map<String, JsonNode> searchIndex(JiraqClient client, Collection<String> keys, String project, Instant since)
            throws IOException {
        String jql = endpoint.getConfiguration().getIdempotencyLookup() == JiraqIdempotencyLookup.propertyQuery
                ? propertyQuery(keys) : recentCreatesQuery(project, since);
        Map<String, JsonNode> found = new LinkedHashMap<>();
        Paginator candidates = client.paginate(searchRequest(jql, PAGE_SIZE), pageStyle(), Long.MAX_VALUE);
        while (candidates.hasNext() && found.size() < keys.size()) {
            JsonNode issue = candidates.next();
            String key = markerOf(client, issue);
            if (key != null && keys.contains(key)) {
                found.putIfAbsent(key, issue);
            }
        }
        return found;
    }

    private String recentCreatesQuery(String project, Instant since) {
        long minutes = Duration.between(since, Instant.now()).plus(CLOCK_SLACK).toMinutes() + 1;
        return "project = " + quote(project) + " AND creator = currentUser() AND created >= -" + minutes
               + "m ORDER BY created DESC";
    }

    private static String propertyQuery(Collection<String> keys) {
        return "issue.property[" + PROPERTY + "].key IN ("
               + keys.stream().map(IdempotencyMarkers::quote).collect(Collectors.joining(", ")) + ")";
    }

    private JiraqRequest searchRequest(String jql, int maxResults) {
        if (endpoint.getDeployment() == JiraqDeployment.cloud) {
            ObjectNode body = Json.object().put("jql", jql).put("maxResults", maxResults);
            body.putArray("fields").add("key");
            body.putArray("properties").add(PROPERTY);
            return JiraqRequest.post(endpoint.apiPath() + "/search/jql").json(body).retrySafe(true).build();
        }
        return JiraqRequest.get(endpoint.apiPath() + "/search").query("jql", jql).query("fields", "key")
                .query("maxResults", maxResults).build();
    }

    private PageStyle pageStyle() {
        return endpoint.getDeployment() == JiraqDeployment.cloud
                ? PageStyle.nextPageToken("issues") : PageStyle.offset("issues");
    }

    /** The key in an issue's marker: from the issue when Jira sent its properties along, else fetched. */
    String markerOf(JiraqClient client, JsonNode issue) throws IOException {
        if (issue.has("properties")) {
            return issue.path("properties").path(PROPERTY).path("key").asText(null);
        }
        try {
            return client.execute(JiraqRequest.get(issuePath(issue.path("id").asText()) + "/properties/" + PROPERTY)
                    .build()).json().path("value").path("key").asText(null);
        } catch (JiraqHttpException e) {
            if (e.getStatusCode() == 404) {
                return null;
            }
            throw e;
        }
    }

    /** A JQL string literal. */
    private static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
