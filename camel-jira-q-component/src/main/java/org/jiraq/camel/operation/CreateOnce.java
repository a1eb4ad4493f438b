package org.jiraq.camel.operation;

import java.io.IOException;
import java.time.Duration;
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
import org.jiraq.camel.store.JdbcIdempotencyKeys;

/**
 * Sends a create so that no fault ever makes a second issue. The issue is written with an {@link IdempotencyMarkers}
 * marker holding the message's idempotency key; after a fault that may have let the create through, the client looks
 * for the issue carrying that key before it sends the create again, and returns it if it exists. When the call still
 * fails, the message keeps what the next lookup needs ({@link UnknownOutcome}), so a Camel redelivery or a replayed
 * dead letter looks first too.
 * <p>
 * A key the message was given is also claimed in the component's store first ({@link DurableKeys}): a key that made
 * its issue before answers with it without sending anything, and a key left uncertain (its process died, or gave up
 * on a create that may have gone through) makes this create look first, from the key its first holder knew.
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
        String key = IdempotencyMarkers.idempotencyKey(in, 0);
        String project = IdempotencyMarkers.projectOf(request);
        DurableKeys.Claim claim = null;
        if (keyGiven && endpoint.getConfiguration().isDurableIdempotencyKeys()) {
            IssueKey before = IdempotencyMarkers.lastKnown(client, project);
            claim = durableKeys().claim(client.siteUrl().toString(), key, before == null ? null : before.toString(),
                    KEY_WAIT);
            if (claim.made()) {
                return existing(in, claim.issue());
            }
        }
        IdempotencyMarkers.mark(request, key);
        Guard guard = new Guard(client, key, project, earlier(in, claim));
        JiraqResponse response;
        try {
            response = client.execute(JiraqRequest.post(path).json(request).build(), guard);
        } catch (IOException | RuntimeException failed) {
            if (claim != null) {
                UnknownOutcome uncertain = guard.found || guard.settled() ? null : guard.uncertain();
                try {
                    durableKeys().failed(claim, uncertain == null ? null : uncertain.since());
                } catch (IOException | RuntimeException notReleased) {
                    failed.addSuppressed(notReleased); // the key's lease runs out; then it is taken over
                }
            }
            throw failed;
        } finally {
            UnknownOutcome uncertain = guard.uncertain();
            if (guard.found || guard.settled()) {
                UnknownOutcome.clear(in);
            } else if (uncertain != null) {
                uncertain.writeTo(in);
            }
        }
        UnknownOutcome.clear(in);
        in.setHeader(JiraqConstants.EXISTING_ISSUE, guard.found);
        JsonNode made = response.json();
        IdempotencyMarkers.saw(client, guard.project, made.path("key").asText(null));
        if (claim != null) {
            durableKeys().made(claim, new JdbcIdempotencyKeys.Issue(made.path("id").asText(), made.path("key").asText(),
                    made.path("self").asText(null)));
        }
        return response;
    }

    /**
     * What the earlier attempts left uncertain: the message's own, else its durable key's (a process that died, or
     * gave up, after sending a create that may have gone through), with the key its holder knew before it.
     */
    private static UnknownOutcome earlier(Message in, DurableKeys.Claim claim) {
        UnknownOutcome carried = UnknownOutcome.of(in);
        if (carried != null || claim == null || claim.uncertainSince() == null) {
            return carried;
        }
        IssueKey before = IssueKey.parse(claim.precedingKey());
        return new UnknownOutcome(claim.uncertainSince(), before == null ? List.of() : List.of(before));
    }

    private DurableKeys durableKeys() {
        return endpoint.getComponent().getDurableKeys();
    }

    /** The answer for a key that made its issue before: that issue, as Jira's create answered it, sending nothing. */
    private static JiraqResponse existing(Message in, JdbcIdempotencyKeys.Issue issue) {
        UnknownOutcome.clear(in);
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
            return created(issue.path("id").asText(), issue.path("key").asText(), issue.path("self").asText(null));
        }
    }
}
