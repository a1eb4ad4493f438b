package org.jiraq.camel.operation;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jiraq.camel.JiraqDeployment;
import org.jiraq.camel.JiraqEndpoint;
import org.jiraq.camel.JiraqHttpException;
import org.jiraq.camel.JiraqIdempotencyLookup;
import org.jiraq.camel.client.JiraqClient;
import org.jiraq.camel.client.JiraqRequest;
import org.jiraq.camel.client.Json;
import org.jiraq.camel.client.PageStyle;
import org.jiraq.camel.client.Paginator;

/**
 * The marker that makes creates retry-safe: the issue entity property {@code jiraq.idempotency}, {@code {"key": "..."}},
 * written with the create in the request's {@code properties} array, and the lookup that finds the issues carrying
 * given keys. The lookup always reads the property back, so an index that returns too much can never match a wrong
 * issue; how candidates are searched is the {@code idempotencyLookup} option.
 */
final class IdempotencyMarkers {

    static final String PROPERTY = "jiraq.idempotency";
    static final int MAX_KEY_LENGTH = 255;

    /** Jira stamps {@code created} on its own clock; look back a little further than our own first attempt. */
    private static final Duration CLOCK_SLACK = Duration.ofMinutes(2);
    private static final int PAGE_SIZE = 100;

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
     * The issues carrying the given keys, by key; keys with no issue are absent.
     *
     * @param client  the client of the exchange, so the lookup uses the same credentials as the create
     * @param project the project key or id the issues were created in, or null
     * @param since   when the first create whose outcome is unknown was sent
     */
    Map<String, JsonNode> find(JiraqClient client, Collection<String> keys, String project, Instant since)
            throws IOException {
        String jql = endpoint.getConfiguration().getIdempotencyLookup() == JiraqIdempotencyLookup.propertyQuery
                ? propertyQuery(keys) : recentCreatesQuery(project, since);
        Map<String, JsonNode> found = new LinkedHashMap<>();
        Paginator candidates = client.paginate(searchRequest(jql), pageStyle(), Long.MAX_VALUE);
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
        String inProject = project == null ? "" : "project = " + quote(project) + " AND ";
        return inProject + "creator = currentUser() AND created >= -" + minutes + "m ORDER BY created DESC";
    }

    private static String propertyQuery(Collection<String> keys) {
        return "issue.property[" + PROPERTY + "].key IN ("
               + keys.stream().map(IdempotencyMarkers::quote).collect(Collectors.joining(", ")) + ")";
    }

    private JiraqRequest searchRequest(String jql) {
        if (endpoint.getDeployment() == JiraqDeployment.cloud) {
            ObjectNode body = Json.object().put("jql", jql).put("maxResults", PAGE_SIZE);
            body.putArray("fields").add("key");
            body.putArray("properties").add(PROPERTY);
            return JiraqRequest.post(endpoint.apiPath() + "/search/jql").json(body).retrySafe(true).build();
        }
        return JiraqRequest.get(endpoint.apiPath() + "/search").query("jql", jql).query("fields", "key")
                .query("maxResults", PAGE_SIZE).build();
    }

    private PageStyle pageStyle() {
        return endpoint.getDeployment() == JiraqDeployment.cloud
                ? PageStyle.nextPageToken("issues") : PageStyle.offset("issues");
    }

    /** The key in a found issue's marker: from the search result when Jira sent properties along, else fetched. */
    private String markerOf(JiraqClient client, JsonNode issue) throws IOException {
        if (issue.has("properties")) {
            return issue.path("properties").path(PROPERTY).path("key").asText(null);
        }
        try {
            return client.execute(JiraqRequest.get(endpoint.apiPath() + "/issue/" + Inputs.segment(issue.path("id").asText())
                                                   + "/properties/" + PROPERTY).build())
                    .json().path("value").path("key").asText(null);
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
