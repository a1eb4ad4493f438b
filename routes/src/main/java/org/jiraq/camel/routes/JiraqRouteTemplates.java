package org.jiraq.camel.routes;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.jiraq.camel.JiraqComponent;
import org.jiraq.camel.JiraqRetryAfterProcessor;
import org.jiraq.camel.deadletter.DeadLetterStore;
import org.jiraq.camel.deadletter.FailureReason;
import org.jiraq.camel.deadletter.JdbcDeadLetterStore;
import org.jiraq.camel.routes.deadletter.DeadLetterReplay;

/**
 * Route templates for delivering to Jira without losing or doubling anything. Add this builder to a Camel context
 * (Camel Main: {@code camel.main.routes-builder-classes=org.jiraq.camel.routes.JiraqRouteTemplates}), then make routes
 * from the templates in Java ({@code templatedRoute(...)}) or YAML ({@code - templatedRoute:}).
 * <ul>
 * <li>{@value #RESILIENT_SINK}: consumes {@code source} and sends each exchange to the {@code jiraq:} endpoint
 * {@code target}. A failure worth retrying (a 429, a 503 with Retry-After, a 5xx or fault on a safe request, any fault
 * on a create, which is made retry-safe) is redelivered with exponential backoff and never sooner than Jira's
 * Retry-After; anything else, or what is still failing after {@code maximumRedeliveries}, goes to {@code deadLetter}
 * with the reason in the {@code CamelJiraqFailure*} headers. By default the dead letter is kept in the
 * {@link DeadLetterStore} bound as {@value #DEFAULT_STORE}: the application's own, else a {@link JdbcDeadLetterStore}
 * in the jiraq component's database (table jiraq_dead_letter), which survives restarts.</li>
 * <li>{@value #DEAD_LETTER_REPLAY}: on each {@code trigger}, sends a sink's stored dead letters to its target again,
 * removing those delivered; writes that may already have happened and are not safe to repeat are left for review.</li>
 * </ul>
 */
public class JiraqRouteTemplates extends RouteBuilder {

    public static final String RESILIENT_SINK = "jiraq-resilient-sink";
    public static final String DEAD_LETTER_REPLAY = "jiraq-dead-letter-replay";
    /** The registry name of the {@link DeadLetterStore} the templates use by default. */
    public static final String DEFAULT_STORE = DeadLetterStore.REGISTRY_NAME;

    @Override
    public void configure() {
        bindDefaultStore();
        routeTemplate(RESILIENT_SINK)
                .templateParameter("source", null, "The endpoint to consume from")
                .templateParameter("target", null, "The jiraq endpoint to deliver to, for example jiraq:createIssue")
                .templateParameter("deadLetter", "bean:" + DEFAULT_STORE + "?method=record",
                        "Where exchanges that cannot be delivered go, with the reason in CamelJiraqFailure* headers")
                .templateParameter("maximumRedeliveries", "5", "How often a retryable failure is redelivered")
                .templateParameter("redeliveryDelay", "1000", "The first redelivery delay in milliseconds; it doubles")
                .templateParameter("maximumRedeliveryDelay", "60000",
                        "The longest redelivery delay in milliseconds, unless Jira's Retry-After asks for longer")
                .from("{{source}}")
                    .onException(Exception.class).onWhen(JiraqRetryAfterProcessor::isRetryable)
                        .maximumRedeliveries("{{maximumRedeliveries}}")
                        .redeliveryDelay("{{redeliveryDelay}}")
                        .maximumRedeliveryDelay("{{maximumRedeliveryDelay}}")
                        .useExponentialBackOff().useCollisionAvoidance()
                        .onExceptionOccurred(new JiraqRetryAfterProcessor())
                        .handled(true)
                        .process(exchange -> FailureReason.of(exchange).writeTo(exchange.getMessage()))
                        .to("{{deadLetter}}")
                    .end()
                    // not worth retrying (a bad request, a write whose outcome is unknown): to the dead letter at once
                    .onException(Exception.class)
                        .handled(true)
                        .process(exchange -> FailureReason.of(exchange).writeTo(exchange.getMessage()))
                        .to("{{deadLetter}}")
                    .end()
                    .to("{{target}}");

        routeTemplate(DEAD_LETTER_REPLAY)
                .templateParameter("sink", null, "The id of the resilient-sink route whose dead letters to send again")
                .templateParameter("trigger", "timer:jiraq-dead-letter-replay?period=300000",
                        "When to replay: a timer, a cron, or direct:... to replay on demand")
                .templateParameter("batchSize", "100", "At most this many dead letters per replay")
                .templateParameter("store", DEFAULT_STORE, "The registry name of the DeadLetterStore")
                .templateParameter("withUncertain", "false",
                        "Whether to resend writes that may already have happened and are not safe to repeat"
                        + " (a comment whose answer was lost); they are left for review by default")
                .templateOptionalParameter("target", "Where to send them; by default the sink's own target")
                .templateBean("replay", DeadLetterReplay.class, rtc -> new DeadLetterReplay(
                        store(rtc.getCamelContext(), rtc.getProperty("store", String.class)),
                        rtc.getProperty("sink", String.class), rtc.getProperty("target", String.class),
                        rtc.getProperty("batchSize", Integer.class), rtc.getProperty("withUncertain", Boolean.class)))
                .from("{{trigger}}")
                    .process("{{replay}}");
    }

    /**
     * Unless the application bound a store of its own under {@value #DEFAULT_STORE}, dead letters go to the jiraq
     * component's database, opened when the first one is written.
     */
    private void bindDefaultStore() {
        CamelContext context = getCamelContext();
        if (context.getRegistry().lookupByName(DEFAULT_STORE) == null) {
            context.getRegistry().bind(DEFAULT_STORE, DeadLetterStore.class,
                    new JdbcDeadLetterStore(() -> context.getComponent("jiraq", JiraqComponent.class).getStore()));
        }
    }

    private static DeadLetterStore store(CamelContext context, String name) {
        DeadLetterStore store = context.getRegistry().lookupByNameAndType(name, DeadLetterStore.class);
        if (store == null) {
            throw new IllegalArgumentException("No DeadLetterStore is bound as '" + name + "' (template parameter"
                                               + " 'store'): bind a JdbcDeadLetterStore or an InMemoryDeadLetterStore");
        }
        return store;
    }
}
