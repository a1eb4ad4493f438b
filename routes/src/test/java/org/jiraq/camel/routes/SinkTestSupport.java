package org.jiraq.camel.routes;

import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.jiraq.camel.JiraqComponent;
import org.jiraq.camel.JiraqConfiguration;
import org.jiraq.camel.JiraqDeployment;
import org.jiraq.camel.routes.deadletter.InMemoryDeadLetterStore;
import org.jiraq.simulator.JiraSimulator;
import org.junit.jupiter.api.AfterEach;

/**
 * A Camel context with the jiraq component pointed at a fresh simulator, the route templates loaded and an in-memory
 * dead-letter store bound under the templates' default name.
 */
abstract class SinkTestSupport extends CamelTestSupport {

    protected JiraSimulator sim;
    protected final InMemoryDeadLetterStore deadLetters = new InMemoryDeadLetterStore();

    /** The simulator of this test, not yet started; subclasses add features to it. */
    protected JiraSimulator.Builder simulator() {
        return JiraSimulator.builder();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        sim = simulator().start();
        CamelContext context = super.createCamelContext();
        JiraqComponent jiraq = new JiraqComponent();
        configure(jiraq.getConfiguration());
        context.addComponent("jiraq", jiraq);
        context.getRegistry().bind(JiraqRouteTemplates.DEFAULT_STORE, deadLetters);
        context.addRoutes(new JiraqRouteTemplates());
        return context;
    }

    protected void configure(JiraqConfiguration config) {
        config.setBaseUrl(sim.baseUrl());
        config.setDeployment(JiraqDeployment.cloud);
        config.setUsername(JiraSimulator.DEFAULT_USER);
        config.setApiToken(JiraSimulator.DEFAULT_API_TOKEN);
        config.setRetryDelay(10);
        config.setMaxRetryDelay(2000);
    }

    @AfterEach
    void contractHeld() {
        if (sim != null) {
            try {
                sim.assertNoContractViolations();
            } finally {
                sim.close();
            }
        }
    }
}
