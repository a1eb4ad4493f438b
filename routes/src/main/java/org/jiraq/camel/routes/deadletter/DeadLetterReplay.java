package org.jiraq.camel.routes.deadletter;

import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.support.DefaultExchange;
import org.jiraq.camel.deadletter.DeadLetter;
import org.jiraq.camel.deadletter.DeadLetterHeaders;
import org.jiraq.camel.deadletter.DeadLetterStore;
import org.jiraq.camel.deadletter.FailureReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one sink's dead letters again, oldest first: a delivered one is removed, one that fails again stays with the
 * new reason and one more attempt. A replayed create keeps its idempotency key, so it finds the issue an earlier
 * attempt may have made instead of making a second one. Writes that may have happened and are not safe to repeat
 * ({@link FailureReason#needsReview()}, such as a comment whose answer was lost) are left for a person unless
 * {@code withUncertain} is set.
 */
public final class DeadLetterReplay implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterReplay.class);

    private final DeadLetterStore store;
    private final String sink;
    private final String target;
    private final int batchSize;
    private final boolean withUncertain;

    /**
     * @param target        the endpoint to send to; null for the sink's own target (its {@code target} template
     *                      parameter)
     * @param withUncertain whether to resend writes that may already have happened and are not safe to repeat
     */
    public DeadLetterReplay(DeadLetterStore store, String sink, String target, int batchSize, boolean withUncertain) {
        this.store = store;
        this.sink = sink;
        this.target = target;
        this.batchSize = batchSize;
        this.withUncertain = withUncertain;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        CamelContext context = exchange.getContext();
        String uri = target != null && !target.isBlank() ? target : targetOfSink(context);
        List<DeadLetter> letters = store.oldest(sink, batchSize, withUncertain);
        int replayed = 0;
        try (ProducerTemplate producer = context.createProducerTemplate()) {
            for (DeadLetter letter : letters) {
                Exchange attempt = new DefaultExchange(context);
                letter.restoreInto(attempt.getMessage());
                producer.send(uri, attempt);
                if (attempt.getException() == null) {
                    store.remove(letter.id());
                    replayed++;
                } else {
                    store.update(letter.failedAgain(attempt));
                }
            }
        }
        int stillFailing = letters.size() - replayed;
        if (!letters.isEmpty()) {
            LOG.info("Replayed {} dead letter(s) of {} to {}: {} delivered, {} failed again", letters.size(), sink,
                    uri, replayed, stillFailing);
        }
        exchange.getMessage().setHeader(DeadLetterHeaders.REPLAYED, replayed);
        exchange.getMessage().setHeader(DeadLetterHeaders.STILL_FAILING, stillFailing);
    }

    private String targetOfSink(CamelContext context) {
        RouteDefinition route = context.getCamelContextExtension().getContextPlugin(Model.class).getRouteDefinition(sink);
        Object sinkTarget = route == null ? null : route.getTemplateParameters().get("target");
        if (sinkTarget == null) {
            throw new IllegalArgumentException("Template parameter 'target' is required: route '" + sink
                                               + "' was not made from the jiraq-resilient-sink template");
        }
        return sinkTarget.toString();
    }
}
