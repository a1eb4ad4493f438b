package org.jiraq.camel.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;

import org.apache.camel.CamelContext;
import org.jiraq.camel.JiraqComponent;
import org.jiraq.camel.JiraqConfiguration;
import org.jiraq.camel.JiraqDeployment;
import org.jiraq.simulator.Issue;
import org.jiraq.simulator.JiraSimulator;
import org.jiraq.simulator.SimulatorState;
import org.jiraq.simulator.SimulatorUser;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs the Jira simulator for the tests of a class, so routes that use {@code jiraq:} are tested offline, over real
 * HTTP, against a Jira that checks every request against Atlassian's OpenAPI documents. Before each test the site is
 * fresh: its projects (with their components and versions) and users as declared here, no issues. After each test a
 * request that broke Jira's contract fails the test. Register it on a static field with JUnit's RegisterExtension:
 *
 * <pre>{@code
 * static JiraSimulatorExtension jira = JiraSimulatorExtension.cloud()
 *         .project("OPS", "Operations", "Database", "Web")
 *         .user("bob@acme.com");
 * }</pre>
 *
 * The routes get the site and credentials with {@link #configure(CamelContext)}, or as {@code camel.component.jiraq.*}
 * properties from {@link #properties()} (Camel Main, Spring Boot, Quarkus). The component's store is in memory and
 * dies with the test class, so nothing is written to {@code ./data}.
 */
public final class JiraSimulatorExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {

    private final JiraSimulator.Flavour flavour;
    private final Map<String, String> users = new LinkedHashMap<>();
    private final List<Consumer<SimulatorState>> seeds = new ArrayList<>();
    private final String storeUrl = "jdbc:h2:mem:jiraq-test-" + UUID.randomUUID();
    private JiraSimulator simulator;

    private JiraSimulatorExtension(JiraSimulator.Flavour flavour) {
        this.flavour = flavour;
    }

    /** A Jira Cloud site: REST API v3, rich text as ADF, users by account id, e-mail and API token to sign in. */
    public static JiraSimulatorExtension cloud() {
        return new JiraSimulatorExtension(JiraSimulator.Flavour.CLOUD);
    }

    /** A Jira Data Center site: REST API v2, wiki-markup text, users by name, a personal access token to sign in. */
    public static JiraSimulatorExtension dataCenter() {
        return new JiraSimulatorExtension(JiraSimulator.Flavour.DATA_CENTER);
    }

    /**
     * A project (beside the simulator's DEMO and OPS), with components its issues may name; on the second call for
     * a key, only the components are added.
     */
    public JiraSimulatorExtension project(String key, String name, String... components) {
        seeds.add(state -> {
            if (state.project(key) == null) {
                state.addProject(key, name);
            }
            for (String component : components) {
                state.addComponent(key, component);
            }
        });
        return this;
    }

    /** Versions of a project, which issues may name as fix versions. */
    public JiraSimulatorExtension versions(String projectKey, String... versions) {
        seeds.add(state -> {
            for (String version : versions) {
                state.addVersion(projectKey, version);
            }
        });
        return this;
    }

    /** A user who can be assigned and watch issues (and sign in with the given API token or password). */
    public JiraSimulatorExtension user(String email, String apiTokenOrPassword) {
        users.put(email, apiTokenOrPassword);
        return this;
    }

    /** A user who can be assigned and watch issues, with a password nobody uses. */
    public JiraSimulatorExtension user(String email) {
        return user(email, "unused-" + UUID.randomUUID());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        JiraSimulator.Builder builder = JiraSimulator.builder().flavour(flavour);
        users.forEach(builder::user);
        simulator = builder.start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        simulator.reset();
        seeds.forEach(seed -> seed.accept(simulator.state()));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        simulator.assertNoContractViolations();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (simulator != null) {
            simulator.close();
            simulator = null;
        }
    }

    /** The site URL to give as baseUrl. */
    public String baseUrl() {
        return running().baseUrl();
    }

    /** The options of the jiraq component for this site: URL, deployment, credentials, an in-memory store. */
    public Properties properties() {
        Properties properties = new Properties();
        String prefix = "camel.component.jiraq.";
        properties.setProperty(prefix + "baseUrl", baseUrl());
        properties.setProperty(prefix + "deployment", cloudSite() ? "cloud" : "datacenter");
        if (cloudSite()) {
            properties.setProperty(prefix + "username", JiraSimulator.DEFAULT_USER);
            properties.setProperty(prefix + "apiToken", JiraSimulator.DEFAULT_API_TOKEN);
        } else {
            properties.setProperty(prefix + "personalAccessToken", JiraSimulator.DEFAULT_PAT);
        }
        properties.setProperty(prefix + "storeUrl", storeUrl);
        return properties;
    }

    /** Points the context's jiraq component at this site, as {@link #properties()} would. */
    public void configure(CamelContext camel) {
        JiraqComponent jiraq = camel.getComponent("jiraq", JiraqComponent.class);
        JiraqConfiguration config = jiraq.getConfiguration();
        config.setBaseUrl(baseUrl());
        config.setDeployment(cloudSite() ? JiraqDeployment.cloud : JiraqDeployment.datacenter);
        if (cloudSite()) {
            config.setUsername(JiraSimulator.DEFAULT_USER);
            config.setApiToken(JiraSimulator.DEFAULT_API_TOKEN);
        } else {
            config.setPersonalAccessToken(JiraSimulator.DEFAULT_PAT);
        }
        jiraq.setStoreUrl(storeUrl);
    }

    /** The simulator, for what this class does not offer: its state, recorded requests, faults, webhooks. */
    public JiraSimulator simulator() {
        return running();
    }

    /** The issue with this key or id, or null. */
    public Issue issue(String keyOrId) {
        return running().state().issue(keyOrId);
    }

    /** Every issue, oldest first. */
    public List<Issue> issues() {
        return running().state().issues();
    }

    /**
     * A user declared here (or the default one, alice@example.com) as the site knows it: its {@code accountId} is what
     * a route sets as assignee on Cloud, its {@code username} on Data Center.
     */
    public SimulatorUser account(String email) {
        SimulatorUser user = running().state().user(email);
        if (user == null) {
            throw new IllegalArgumentException("No user " + email + "; declare it with .user(\"" + email + "\")");
        }
        return user;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == JiraSimulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return running();
    }

    private boolean cloudSite() {
        return flavour == JiraSimulator.Flavour.CLOUD;
    }

    private JiraSimulator running() {
        if (simulator == null) {
            throw new IllegalStateException("The Jira simulator runs while the tests of the class run: register the"
                                            + " extension on a static field with @RegisterExtension");
        }
        return simulator;
    }
}
