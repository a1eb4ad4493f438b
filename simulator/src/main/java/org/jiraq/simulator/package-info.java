/**
 * A Jira Cloud / Data Center simulator for tests and benchmarks: the entry points. {@link org.jiraq.simulator.JiraSimulator}
 * builds and runs a site (its builder takes users, tokens, webhooks, a {@link org.jiraq.simulator.SimulatorClock} and
 * extra {@link org.jiraq.simulator.SimulatorFeature}s), {@link org.jiraq.simulator.JiraSimulatorMain} runs one from the
 * command line, {@link org.jiraq.simulator.SimulatorContext} is what a feature registers itself with, and
 * {@link org.jiraq.simulator.RecordedRequest} and {@link org.jiraq.simulator.GeneratedContent} serve tests.
 * <p>
 * The sub-packages, each a concern: {@code model} (the site's state), {@code http} (routing, requests and answers,
 * contract checks), {@code jql}, {@code auth}, {@code platform} (the platform REST API), {@code servicedesk},
 * {@code webhooks}, {@code limits} (rate limits, quotas, injected faults) and {@code privacy} (personal data
 * reporting). They form a DAG: {@code model} uses none of them; {@code http} and {@code jql} use {@code model};
 * {@code auth}, {@code limits} and {@code privacy} use {@code http}; {@code platform} uses {@code http}, {@code jql} and
 * {@code model}; {@code servicedesk} adds {@code auth}; {@code webhooks} adds {@code platform}. Any of them may use this
 * package, which wires them together.
 */
package org.jiraq.simulator;
