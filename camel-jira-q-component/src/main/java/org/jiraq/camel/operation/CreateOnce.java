package org.jiraq.camel.operation;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
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
 * fails, the message keeps what the next lookup needs ({@link UnknownOutcome}), so a Camel redelivery or a replayed
 * dead letter looks first too.
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
        String key = IdempotencyMarkers.idempotencyKey(in, 0);
        IdempotencyMarkers.mark(request, key);
        Guard guard = new Guard(client, key, IdempotencyMarkers.projectOf(request), UnknownOutcome.of(in));
        try {
            JiraqResponse response = client.execute(JiraqRequest.post(path).json(request).build(), guard);
            UnknownOutcome.clear(in);
            in.setHeader(JiraqConstants.EXISTING_ISSUE, guard.found);
            IdempotencyMarkers.saw(client, guard.project, response.json().path("key").asText(null));
            return response;
        } finally {
            UnknownOutcome uncertain = guard.uncertain();
            if (guard.found || guard.settled()) {
                UnknownOutcome.clear(in);
            } else if (uncertain != null) {
                uncertain.writeTo(in);
            }
        }
    }

    /** Looks for the issue carrying this create's key; answers as Jira's create would have. */
    private final class Guard extends DuplicateGuard {

        private final String key;
        private final String project;
        private final UnknownOutcome earlier;
        /** The highest key known in the project before this call sent anything: it precedes what this call creates. */
        private final IssueKey before;
        private boolean found;

        Guard(JiraqClient client, String key, String project, UnknownOutcome earlier) {
            super(earlier == null ? null : earlier.since());
            this.key = key;
            this.project = project;
            this.earlier = earlier;
            this.before = IdempotencyMarkers.lastKnown(client, project);
        }

        /** What a later lookup needs: the earlier attempts' uncertainty, else this call's; null while none. */
        UnknownOutcome uncertain() {
            if (earlier != null) {
                return earlier;
            }
            Instant since = outcomeUnknownSince();
            return since == null ? null : new UnknownOutcome(since, before == null ? List.of() : List.of(before));
        }

        @Override
        protected JiraqResponse findExisting(JiraqClient client, Instant since) throws IOException {
            JsonNode issue = markers.find(client, Set.of(key), project, uncertain()).get(key);
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
