package org.jiraq.camel.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.spi.HeaderFilterStrategy;
import org.apache.camel.support.AsyncProcessorSupport;
import org.jiraq.camel.metrics.JiraqMetrics;

/**
 * Answers Jira's webhook requests. In this order: a request from a source outside webhookAllowedSources is 403; a body
 * above the size limit is 413; a request that fails verification is 401; a body that is not a Jira event, or comes
 * with a malformed delivery identifier, is 400; with a maximum age, an event older than it (or without a timestamp)
 * is 400, so a verified body replayed under a new identifier is not delivered again; an event the route did not ask
 * for is 2xx without more; every other event goes to the {@link WebhookIntake} of the acknowledgement mode, whose
 * outcome is the answer: 2xx once it is stored (or, after the route, once the route processed it), 2xx for a delivery
 * the inbox has already, 5xx when Jira must send it again.
 */
public final class WebhookReceiver extends AsyncProcessorSupport {

    public static final String IDENTIFIER_HEADER = "X-Atlassian-Webhook-Identifier";
    public static final String RETRY_HEADER = "X-Atlassian-Webhook-Retry";
    /** Where Camel's Vert.x platform-http (Camel Main, Quarkus) puts the peer address of the connection. */
    static final String REMOTE_ADDRESS_HEADER = "CamelVertxPlatformHttpRemoteAddress";

    private static final String UNKNOWN_EVENT = "unknown";
    private static final String REJECTED = "rejected";
    /** How long Jira is asked to wait after a 503; it retries on its own schedule (minutes) anyway. */
    private static final String RETRY_AFTER_SECONDS = "30";

    /** What became of an event, and how Jira is answered for it. */
    public enum Outcome {
        /** Stored in the inbox; a worker hands it to the route. */
        STORED(204),
        /** The route processed it (acknowledgement after the route). */
        DELIVERED(204),
        /** Not one of the events asked for: acknowledged so that Jira does not retry it. */
        FILTERED(204),
        /** Its identifier is in the inbox already: stored, processed or dead-lettered before. */
        DUPLICATE(204),
        /** The route failed (acknowledgement after the route): Jira should send it again. */
        FAILED(500),
        /** The inbox is full, or an earlier attempt of the same delivery is still running: Jira should send it later. */
        BUSY(503),
        /** The store could not be written: Jira should send it again. */
        UNAVAILABLE(503);

        private final int status;

        Outcome(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final SourceAddresses sources;
    private final WebhookVerifier verifier;
    private final Set<String> events;
    private final WebhookIntake intake;
    private final int maxBodySize;
    private final Duration maxAge;
    private final HeaderFilterStrategy headerFilter = new InboundHeaderFilter();
    private final JiraqMetrics metrics;
    private final WebhookLog log;

    /**
     * @param sources  where requests may come from, or null for anywhere
     * @param maxAge   how old a received event may be (by its payload timestamp), or null to accept any age
     * @param log      where each outcome and refusal is logged
     */
    public WebhookReceiver(SourceAddresses sources, WebhookVerifier verifier, Set<String> events, WebhookIntake intake,
                           int maxBodySize, Duration maxAge, JiraqMetrics metrics, WebhookLog log) {
        this.sources = sources;
        this.verifier = verifier;
        this.events = Set.copyOf(events);
        this.intake = intake;
        this.maxBodySize = maxBodySize;
        this.maxAge = maxAge;
        this.metrics = metrics;
        this.log = log;
    }

    @Override
    public boolean process(Exchange http, AsyncCallback callback) {
        Message in = http.getMessage();
        InboxEvent event;
        try {
            event = read(http);
        } catch (IOException e) {
            http.setException(e);
            callback.done(true);
            return true;
        }
        if (event == null) {
            callback.done(true); // refused, answered already
            return true;
        }
        CompletableFuture<Outcome> outcome = accept(event);
        if (outcome.isDone()) {
            answer(in, event, outcome.join());
            callback.done(true);
            return true;
        }
        outcome.thenAccept(o -> {
            answer(in, event, o);
            callback.done(false);
        });
        return false;
    }

    /** The verified event of a request, or null when the request was refused (and answered). */
    private InboxEvent read(Exchange http) throws IOException {
        Message in = http.getMessage();
        if (sources != null && !sources.allows(String.valueOf(in.getHeader(REMOTE_ADDRESS_HEADER)),
                in.getHeader("X-Forwarded-For", String.class))) {
            reject(in, 403, "Not an allowed source", "it comes from a source outside webhookAllowedSources");
            return null;
        }
        byte[] body = readBody(in);
        if (body == null) {
            reject(in, 413, "The body is larger than " + maxBodySize + " bytes", "the body is larger than"
                                                                              + " webhookMaxBodySize");
            return null;
        }
        Verdict verdict = verifier.verify(body, name -> in.getHeader(name, String.class));
        if (!verdict.ok()) {
            reject(in, 401, "Verification failed", verdict.refusal());
            return null;
        }
        WebhookEvent event;
        try {
            event = WebhookEvent.parse(body, in.getHeader(IDENTIFIER_HEADER, String.class), retry(in));
        } catch (IllegalArgumentException notAnEvent) {
            reject(in, 400, notAnEvent.getMessage(), notAnEvent.getMessage());
            return null;
        }
        String tooOld = tooOld(event);
        if (tooOld != null) {
            log.refusal("Refused " + WebhookLog.describe(event) + " with 400: " + tooOld);
            metrics.webhookEvent(event.name(), REJECTED);
            answer(in, 400, tooOld);
            return null;
        }
        // the identifier as the event keeps it (a long one hashed), so its retries find the same row
        String key = event.identifier() != null ? event.identifier() : "jiraq-" + UUID.randomUUID();
        return InboxEvent.received(key, event, body, safeHeaders(http), Instant.now());
    }

    /**
     * Passes a verified event on, once per identifier: what requests do after verification, and how failed
     * deliveries fetched from Jira are replayed.
     */
    public CompletableFuture<Outcome> accept(InboxEvent event) {
        if (!events.isEmpty() && !events.contains(event.event().name())) {
            return CompletableFuture.completedFuture(Outcome.FILTERED);
        }
        return intake.accept(event);
    }

    private void answer(Message in, InboxEvent event, Outcome outcome) {
        metrics.webhookEvent(event.event().name(), outcome.name().toLowerCase(Locale.ROOT));
        log.outcome(event.event(), switch (outcome) {
            case STORED -> " stored in the inbox; answered 204, the route gets it from there";
            case DELIVERED -> " delivered to the route";
            case FILTERED -> " is not among the events asked for " + events + "; answered 204 and dropped";
            case DUPLICATE -> " was received before (its identifier is in the inbox); answered 204 without storing it"
                              + " again";
            case FAILED -> " failed in the route; answered 500, so Jira sends it again";
            case BUSY -> " answered 503 (the inbox is full, or an earlier attempt still runs); Jira sends it again";
            case UNAVAILABLE -> " could not be stored; answered 503, so Jira sends it again";
        });
        answer(in, outcome.status(), null);
        if (outcome.status() == 503) {
            in.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        }
    }

    /** Why the event is too old to deliver, or null when it is not (or no maximum age is set). */
    private String tooOld(WebhookEvent event) {
        if (maxAge == null) {
            return null;
        }
        Instant timestamp = event.timestamp();
        if (timestamp == null) {
            return "The event has no timestamp, so its age cannot be checked (option webhookMaxAge)";
        }
        if (timestamp.isBefore(Instant.now().minus(maxAge))) {
            return "The event's timestamp " + timestamp + " is older than webhookMaxAge (" + maxAge + "): refused as a"
                   + " possible replay; raise webhookMaxAge if Jira's own retries arrive this late";
        }
        return null;
    }

    private Map<String, Object> safeHeaders(Exchange http) {
        Map<String, Object> headers = new LinkedHashMap<>();
        http.getMessage().getHeaders().forEach((name, value) -> {
            if (!headerFilter.applyFilterToExternalHeaders(name, value, http)) {
                headers.put(name, value);
            }
        });
        return headers;
    }

    /** The raw body, or null when it is larger than allowed; a stream is read no further than the limit. */
    private byte[] readBody(Message in) throws IOException {
        Object body = in.getBody();
        byte[] bytes;
        if (body instanceof InputStream stream) {
            bytes = stream.readNBytes(maxBodySize + 1);
        } else {
            bytes = body == null ? null : in.getBody(byte[].class);
        }
        if (bytes == null) {
            return new byte[0];
        }
        return bytes.length > maxBodySize ? null : bytes;
    }

    private static Integer retry(Message in) {
        String value = in.getHeader(RETRY_HEADER, String.class);
        try {
            return value == null ? null : Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Refuses a request before its event is known or trusted: counted under the event name unknown. The caller gets
     * only the status and a short reason; the log says why in full.
     */
    private void reject(Message in, int status, String answer, String why) {
        log.refusal("Refused a webhook request to " + in.getHeader(Exchange.HTTP_PATH) + " with " + status + ": " + why);
        metrics.webhookEvent(UNKNOWN_EVENT, REJECTED);
        answer(in, status, answer);
    }

    /** Only the status and a short reason go back: none of the request's headers are echoed. */
    private static void answer(Message in, int status, String reason) {
        in.getHeaders().clear();
        in.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        if (reason != null) {
            in.setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=utf-8");
        }
        in.setBody(reason);
    }
}
