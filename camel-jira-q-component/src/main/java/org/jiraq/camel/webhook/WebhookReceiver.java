package org.jiraq.camel.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.CamelLogger;
import org.apache.camel.spi.HeaderFilterStrategy;
import org.apache.camel.spi.IdempotentRepository;
import org.jiraq.camel.metrics.JiraqMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers Jira's webhook requests. In this order: a request from a source outside webhookAllowedSources is 403; a body
 * above the size limit is 413; a request that fails verification is 401; a body that is not a Jira event, or comes
 * with a malformed delivery identifier, is 400; with a maximum age, an event older than it (or without a timestamp)
 * is 400, so a verified body replayed under a new identifier is not delivered again; an event the route did not ask
 * for, or one whose identifier was delivered already, is 2xx without delivery; otherwise the event goes to the route,
 * and the answer is 2xx only once the route has processed it, 5xx when it failed. A failed event is not kept as
 * delivered, so Jira's retry (same identifier) gets through once.
 */
public final class WebhookReceiver implements Processor {

    public static final String IDENTIFIER_HEADER = "X-Atlassian-Webhook-Identifier";
    public static final String RETRY_HEADER = "X-Atlassian-Webhook-Retry";
    /** Where Camel's Vert.x platform-http (Camel Main, Quarkus) puts the peer address of the connection. */
    static final String REMOTE_ADDRESS_HEADER = "CamelVertxPlatformHttpRemoteAddress";

    private static final Logger LOG = LoggerFactory.getLogger(WebhookReceiver.class);
    private static final String UNKNOWN_EVENT = "unknown";
    private static final String REJECTED = "rejected";

    /** What became of an event, and how Jira is answered for it. */
    public enum Outcome {
        /** The route processed it. */
        DELIVERED(204),
        /** Not one of the events asked for: acknowledged so that Jira does not retry it. */
        FILTERED(204),
        /** Its identifier was delivered before. */
        DUPLICATE(204),
        /** The route failed: Jira should send it again. */
        FAILED(500);

        private final int status;

        Outcome(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** Hands an event to the route; true when the route processed it without failure. */
    @FunctionalInterface
    public interface Delivery {
        boolean deliver(WebhookEvent event, Map<String, Object> httpHeaders);
    }

    private final SourceAddresses sources;
    private final WebhookVerifier verifier;
    private final Set<String> events;
    private final IdempotentRepository delivered;
    private final Delivery delivery;
    private final int maxBodySize;
    private final Duration maxAge;
    private final HeaderFilterStrategy headerFilter = new InboundHeaderFilter();
    private final JiraqMetrics metrics;
    /** Each outcome, at the level the webhookLogLevel option names; refusals at WARN unless it is OFF. */
    private final CamelLogger outcomes;
    private final CamelLogger refusals;

    /**
     * @param sources  where requests may come from, or null for anywhere
     * @param maxAge   how old a received event may be (by its payload timestamp), or null to accept any age
     * @param logLevel how each outcome (delivered, duplicate, filtered) is logged; refusals are logged at WARN unless
     *                 this is OFF
     */
    public WebhookReceiver(SourceAddresses sources, WebhookVerifier verifier, Set<String> events,
                           IdempotentRepository delivered, Delivery delivery, int maxBodySize, Duration maxAge,
                           JiraqMetrics metrics, LoggingLevel logLevel) {
        this.sources = sources;
        this.verifier = verifier;
        this.events = Set.copyOf(events);
        this.delivered = delivered;
        this.delivery = delivery;
        this.maxBodySize = maxBodySize;
        this.maxAge = maxAge;
        this.metrics = metrics;
        this.outcomes = new CamelLogger(LOG, logLevel);
        this.refusals = new CamelLogger(LOG, logLevel == LoggingLevel.OFF ? LoggingLevel.OFF : LoggingLevel.WARN);
    }

    @Override
    public void process(Exchange http) throws IOException {
        Message in = http.getMessage();
        if (sources != null && !sources.allows(String.valueOf(in.getHeader(REMOTE_ADDRESS_HEADER)),
                in.getHeader("X-Forwarded-For", String.class))) {
            reject(in, 403, "Not an allowed source", "it comes from a source outside webhookAllowedSources");
            return;
        }
        byte[] body = readBody(in);
        if (body == null) {
            reject(in, 413, "The body is larger than " + maxBodySize + " bytes", "the body is larger than"
                                                                              + " webhookMaxBodySize");
            return;
        }
        Verdict verdict = verifier.verify(body, name -> in.getHeader(name, String.class));
        if (!verdict.ok()) {
            reject(in, 401, "Verification failed", verdict.refusal());
            return;
        }
        WebhookEvent event;
        try {
            event = WebhookEvent.parse(body, in.getHeader(IDENTIFIER_HEADER, String.class), retry(in));
        } catch (IllegalArgumentException notAnEvent) {
            reject(in, 400, notAnEvent.getMessage(), notAnEvent.getMessage());
            return;
        }
        String tooOld = tooOld(event);
        if (tooOld != null) {
            refusals.log("Refused " + describe(event) + " with 400: " + tooOld);
            metrics.webhookEvent(event.name(), REJECTED);
            answer(in, 400, tooOld);
            return;
        }
        Outcome outcome = accept(event, safeHeaders(http));
        metrics.webhookEvent(event.name(), outcome.name().toLowerCase(Locale.ROOT));
        answer(in, outcome.status(), null);
    }

    /**
     * Passes a verified event on, once per identifier. Also the way failed deliveries fetched from Jira are
     * replayed.
     */
    public Outcome accept(WebhookEvent event, Map<String, Object> httpHeaders) {
        if (!events.isEmpty() && !events.contains(event.name())) {
            outcomes.log(describe(event) + " is not among the events asked for " + events + "; answered 204 and"
                         + " dropped");
            return Outcome.FILTERED;
        }
        String id = event.identifier();
        if (id != null && !delivered.add(id)) {
            outcomes.log(describe(event) + " was delivered before (its identifier is in the store); answered 204"
                         + " without delivering it again");
            return Outcome.DUPLICATE;
        }
        boolean processed;
        try {
            processed = delivery.deliver(event, httpHeaders);
        } catch (RuntimeException e) {
            LOG.warn("Delivering webhook {} ({}) failed: {}", id, event.name(), e.getMessage());
            processed = false;
        }
        if (id != null) {
            if (processed) {
                delivered.confirm(id);
            } else {
                delivered.remove(id);
            }
        }
        if (processed) {
            outcomes.log(describe(event) + " delivered to the route");
        }
        return processed ? Outcome.DELIVERED : Outcome.FAILED;
    }

    /** {@code Webhook jira:issue_created on DEMO-1 (id 3f1c...)}: nothing of the request but what Jira named. */
    private static String describe(WebhookEvent event) {
        return "Webhook " + event.name() + (event.issueKey() != null ? " on " + event.issueKey() : "")
               + (event.identifier() != null ? " (" + IDENTIFIER_HEADER + " " + event.identifier() + ")" : "");
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
        refusals.log("Refused a webhook request to " + in.getHeader(Exchange.HTTP_PATH) + " with " + status + ": "
                     + why);
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
