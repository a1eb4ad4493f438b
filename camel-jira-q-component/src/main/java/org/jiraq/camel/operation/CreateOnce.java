package org.jiraq.camel.operation;

import java.io.IOException;
import java.time.Instant;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Message;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.JiraqEndpoint;
import org.jiraq.camel.client.DuplicateGuard;
import org.jiraq.camel.client.JiraqClient;
import org.jiraq.camel.client.JiraqRequest;
import org.jiraq.camel.client.JiraqResponse;
import org.jiraq.camel.client.Json;
import org.jiraq.camel.client.ResponseHeaders;

/**
 * Sends a create so that no fault ever makes a second issue. The issue is written with an {@link IdempotencyMarkers}
 * marker holding the message's idempotency key; after a fault that may have let the create through, the client looks
 * for the issue carrying that key before it sends the create again, and returns it if it exists. When the call still
 * fails, the message keeps the key and the time of the first uncertain attempt in headers, so a Camel redelivery or a
 * replayed dead letter looks first too.
 */
final class CreateOnce {

    private final JiraqEndpoint endpoint;
    private final IdempotencyMarkers markers;

    CreateOnce(JiraqEndpoint endpoint) {
        this.endpoint = endpoint;
        this.markers = new IdempotencyMarkers(endpoint);
    }

    /** Creates with {@code POST path}; the answer is Jira's, or the one it gave the earlier attempt that got through. */
    JiraqResponse send(Message in, String path, ObjectNode request) throws IOException {
        JiraqClient client = endpoint.getClient(in.getExchange());
        if (!endpoint.getConfiguration().isIdempotentCreate()) {
            return client.execute(JiraqRequest.post(path).json(request).build());
        }
        String key = idempotencyKey(in);
        IdempotencyMarkers.mark(request, key);
        Guard guard = new Guard(key, projectOf(request), outcomeUnknownSince(in));
        try {
            JiraqResponse response = client.execute(JiraqRequest.post(path).json(request).build(), guard);
            in.removeHeader(JiraqConstants.OUTCOME_UNKNOWN_SINCE);
            in.getExchange().removeProperty(JiraqConstants.OUTCOME_UNKNOWN_SINCE);
            in.setHeader(JiraqConstants.EXISTING_ISSUE, guard.found);
            return response;
        } finally {
            if (guard.outcomeUnknownSince() != null && !guard.found) {
                long since = guard.outcomeUnknownSince().toEpochMilli();
                in.setHeader(JiraqConstants.OUTCOME_UNKNOWN_SINCE, since);
                // Camel's redelivery restores the message as it was before this attempt, but not the properties
                in.getExchange().setProperty(JiraqConstants.OUTCOME_UNKNOWN_SINCE, since);
            }
        }
    }

    /** Header CamelJiraqIdempotencyKey, else the exchange id, which is then set as that header. */
    private static String idempotencyKey(Message in) {
        String key = in.getHeader(JiraqConstants.IDEMPOTENCY_KEY, String.class);
        if (key == null) {
            key = in.getExchange().getExchangeId();
            in.setHeader(JiraqConstants.IDEMPOTENCY_KEY, key);
        }
        if (key.isBlank() || key.length() > IdempotencyMarkers.MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("Header " + JiraqConstants.IDEMPOTENCY_KEY + " must hold 1 to "
                                               + IdempotencyMarkers.MAX_KEY_LENGTH + " characters");
        }
        return key;
    }

    private static Instant outcomeUnknownSince(Message in) {
        Long since = in.getHeader(JiraqConstants.OUTCOME_UNKNOWN_SINCE, Long.class);
        if (since == null) {
            since = in.getExchange().getProperty(JiraqConstants.OUTCOME_UNKNOWN_SINCE, Long.class);
        }
        return since == null ? null : Instant.ofEpochMilli(since);
    }

    private static String projectOf(ObjectNode request) {
        JsonNode project = request.path("fields").path("project");
        String keyOrId = project.isObject() ? project.path("key").asText(project.path("id").asText(null)) : null;
        return keyOrId == null || keyOrId.isBlank() ? null : keyOrId;
    }

    /** Looks for the issue carrying this create's key; answers as Jira's create would have. */
    private final class Guard extends DuplicateGuard {

        private final String key;
        private final String project;
        private boolean found;

        Guard(String key, String project, Instant outcomeUnknownSince) {
            super(outcomeUnknownSince);
            this.key = key;
            this.project = project;
        }

        @Override
        protected JiraqResponse findExisting(JiraqClient client, Instant since) throws IOException {
            JsonNode issue = markers.find(client, Set.of(key), project, since).get(key);
            if (issue == null) {
                return null;
            }
            found = true;
            ObjectNode created = Json.object().put("id", issue.path("id").asText()).put("key", issue.path("key").asText());
            if (issue.has("self")) {
                created.set("self", issue.get("self"));
            }
            return new JiraqResponse(201, ResponseHeaders.NONE, Json.write(created));
        }
    }
}
