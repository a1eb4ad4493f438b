package org.jiraq.camel.operation;

import java.io.IOException;
import java.time.Duration;
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
import org.jiraq.camel.store.JdbcIdempotencyKeys;

/**
 * Sends a create so that no fault ever makes a second issue. The issue is written with an {@link IdempotencyMarkers}
 * marker holding the message's idempotency key; after a fault that may have let the create through, the client looks
 * for the issue carrying that key before it sends the create again, and returns it if it exists. When the call still
 * fails, the message keeps the key and the time of the first uncertain attempt in headers, so a Camel redelivery or a
 * replayed dead letter looks first too.
 * <p>
 * A key the message was given is also claimed in the component's store first ({@link DurableKeys}): a key that made
 * its issue before answers with it without sending anything, and a key left uncertain (its process died, or gave up
 * on a create that may have gone through) makes this create look first.
 */
final class CreateOnce {

    /** How long a create waits for another process creating the issue of the same key before it fails retryably. */
    private static final Duration KEY_WAIT = Duration.ofSeconds(10);

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
        boolean keyGiven = in.getHeader(JiraqConstants.IDEMPOTENCY_KEY) != null;
        String key = idempotencyKey(in);
        DurableKeys.Claim claim = keyGiven && endpoint.getConfiguration().isDurableIdempotencyKeys()
                ? durableKeys().claim(client.siteUrl().toString(), key, KEY_WAIT) : null;
        if (claim != null && claim.made()) {
            return existing(in, claim.issue());
        }
        IdempotencyMarkers.mark(request, key);
        Guard guard = new Guard(key, projectOf(request), earliest(outcomeUnknownSince(in),
                claim == null ? null : claim.uncertainSince()));
        JiraqResponse response;
        try {
            response = client.execute(JiraqRequest.post(path).json(request).build(), guard);
        } catch (IOException | RuntimeException failed) {
            if (claim != null) {
                try {
                    durableKeys().failed(claim, guard.found ? null : guard.outcomeUnknownSince());
                } catch (IOException | RuntimeException notReleased) {
                    failed.addSuppressed(notReleased); // the key's lease runs out; then it is taken over
                }
            }
            throw failed;
        } finally {
            if (guard.outcomeUnknownSince() != null && !guard.found) {
                long since = guard.outcomeUnknownSince().toEpochMilli();
                in.setHeader(JiraqConstants.OUTCOME_UNKNOWN_SINCE, since);
                // Camel's redelivery restores the message as it was before this attempt, but not the properties
                in.getExchange().setProperty(JiraqConstants.OUTCOME_UNKNOWN_SINCE, since);
            }
        }
        in.removeHeader(JiraqConstants.OUTCOME_UNKNOWN_SINCE);
        in.getExchange().removeProperty(JiraqConstants.OUTCOME_UNKNOWN_SINCE);
        in.setHeader(JiraqConstants.EXISTING_ISSUE, guard.found);
        if (claim != null) {
            JsonNode made = response.json();
            durableKeys().made(claim, new JdbcIdempotencyKeys.Issue(made.path("id").asText(), made.path("key").asText(),
                    made.path("self").asText(null)));
        }
        return response;
    }

    private DurableKeys durableKeys() {
        return endpoint.getComponent().getDurableKeys();
    }

    /** The answer for a key that made its issue before: that issue, as Jira's create answered it, sending nothing. */
    private static JiraqResponse existing(Message in, JdbcIdempotencyKeys.Issue issue) {
        in.removeHeader(JiraqConstants.OUTCOME_UNKNOWN_SINCE);
        in.getExchange().removeProperty(JiraqConstants.OUTCOME_UNKNOWN_SINCE);
        in.setHeader(JiraqConstants.EXISTING_ISSUE, true);
        return created(issue.id(), issue.key(), issue.self());
    }

    private static JiraqResponse created(String id, String key, String self) {
        ObjectNode created = Json.object().put("id", id).put("key", key);
        if (self != null) {
            created.put("self", self);
        }
        return new JiraqResponse(201, ResponseHeaders.NONE, Json.write(created));
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
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
            return created(issue.path("id").asText(), issue.path("key").asText(), issue.path("self").asText(null));
        }
    }
}
