package org.jiraq.camel.routes;

import org.apache.camel.CamelContext;
import org.jiraq.camel.JiraqConfiguration;
import org.jiraq.camel.JiraqTestSupport;
import org.jiraq.camel.deadletter.InMemoryDeadLetterStore;

/**
 * The component's simulator fixture (Cloud, contract checked after each test) with the route templates loaded and an
 * in-memory dead-letter store bound under the templates' default name.
 */
abstract class SinkTestSupport extends JiraqTestSupport {

    protected final InMemoryDeadLetterStore deadLetters = new InMemoryDeadLetterStore();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind(JiraqRouteTemplates.DEFAULT_STORE, deadLetters);
        context.addRoutes(new JiraqRouteTemplates());
        return context;
    }

    /** Redeliveries in the templates honour Retry-After, so the client may wait up to 2 s itself. */
    @Override
    protected void configure(JiraqConfiguration config) {
        super.configure(config);
        config.setMaxRetryDelay(2000);
    }
}
