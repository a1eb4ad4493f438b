package org.jiraq.camel;

import java.nio.file.Files;
import java.util.Optional;

import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.jiraq.simulator.JiraSimulator;
import org.junit.jupiter.api.AfterEach;

/**
 * Runs a route against a fresh simulator of one flavour, with the component pointed at it through the component
 * options ({@code camel.component.jiraq.*}), as users configure it. Every test ends by checking that no request broke
 * Jira's OpenAPI contract.
 */
public abstract class JiraqTestSupport extends CamelTestSupport {

    protected JiraSimulator sim;

    /** The flavour of this test class; parameterised subclasses override it. */
    protected JiraSimulator.Flavour flavour() {
        return JiraSimulator.Flavour.CLOUD;
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        sim = simulator().start();
        CamelContext context = super.createCamelContext();
        JiraqComponent jiraq = new JiraqComponent();
        // the store (opened only if a test uses it) in a directory of its own rather than ./data
        jiraq.setStoreUrl("jdbc:h2:file:" + Files.createTempDirectory("jiraq-store").resolve("jiraq"));
        configure(jiraq.getConfiguration());
        context.addComponent("jiraq", jiraq);
        return context;
    }

    /** The simulator of this test class, before it starts; subclasses add features (OAuth 2.0, ...). */
    protected JiraSimulator.Builder simulator() {
        return JiraSimulator.builder().flavour(flavour());
    }

    /** Connection options for the simulator; subclasses change them to test other set-ups. */
    protected void configure(JiraqConfiguration config) {
        config.setBaseUrl(sim.baseUrl());
        config.setDeployment(sim.flavour() == JiraSimulator.Flavour.CLOUD ? JiraqDeployment.cloud : JiraqDeployment.datacenter);
        if (sim.flavour() == JiraSimulator.Flavour.CLOUD) {
            config.setUsername(JiraSimulator.DEFAULT_USER);
            config.setApiToken(JiraSimulator.DEFAULT_API_TOKEN);
        } else {
            config.setPersonalAccessToken(JiraSimulator.DEFAULT_PAT);
        }
        config.setRetryDelay(10);
        config.setMaxRetryDelay(50);
    }

    /** Turns Camel's producer health checks on, as camel.health.producersEnabled=true does (they are off by default). */
    protected static void enableProducerHealthChecks(CamelContext context) {
        HealthCheckRepository producers = HealthCheckHelper.getHealthCheckRepository(context, "producers",
                HealthCheckRepository.class);
        producers.setEnabled(true);
    }

    /** The readiness check of the named connection in Camel's producers repository, while a producer of it runs. */
    protected static Optional<HealthCheck> producerCheck(CamelContext context, String connectionName) {
        return HealthCheckHelper.getHealthCheckRepository(context, "producers", HealthCheckRepository.class)
                .stream().filter(c -> c.getId().equals("producer:jiraq-" + connectionName)).findFirst();
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
