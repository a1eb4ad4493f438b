package org.jiraq.simulator;

/**
 * A slice of Jira the simulator serves: it registers its routes, interceptors and authentication schemes on start.
 * Adding a capability (OAuth, webhooks, rate limits, Service Management...) means adding one of these.
 */
@FunctionalInterface
public interface SimulatorFeature {

    void register(SimulatorContext context);
}
