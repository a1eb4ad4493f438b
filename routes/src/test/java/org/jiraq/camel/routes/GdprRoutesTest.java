package org.jiraq.camel.routes;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.jiraq.camel.JiraqComponent;
import org.jiraq.camel.JiraqConfiguration;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.spi.AccountRegistry;
import org.jiraq.simulator.JiraSimulator;
import org.jiraq.simulator.privacy.PersonalDataReporting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class GdprRoutesTest extends CamelTestSupport {

    private static final Instant FETCHED = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MILLIS);

    private final PersonalDataReporting reporting = new PersonalDataReporting();
    private JiraSimulator sim;
    private AccountRegistry registry;
    @TempDir
    Path storeDir;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        sim = JiraSimulator.builder().feature(reporting).start();
        CamelContext context = super.createCamelContext();
        JiraqComponent jiraq = new JiraqComponent();
        JiraqConfiguration config = jiraq.getConfiguration();
        config.setBaseUrl(sim.baseUrl());
        config.setApiGatewayUrl(sim.baseUrl());
        config.setUsername(JiraSimulator.DEFAULT_USER);
        config.setApiToken(JiraSimulator.DEFAULT_API_TOKEN);
        jiraq.setStoreUrl("jdbc:h2:file:" + storeDir.resolve("jiraq"));
        context.addComponent("jiraq", jiraq);
        registry = jiraq.getAccountRegistry();
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new GdprRoutes();
    }

    @AfterEach
    void stopSimulator() {
        sim.close();
    }

    @Test
    void closedAccountsGoToEraseAndUpdatedOnesToRefresh() throws Exception {
        for (String id : new String[] { "active", "closed-1", "closed-2", "changed" }) {
            registry.record(id, FETCHED);
        }
        reporting.closed("closed-1", "closed-2").updated(FETCHED.plusSeconds(60), "changed");
        MockEndpoint erase = getMockEndpoint("mock:erase");
        MockEndpoint refresh = getMockEndpoint("mock:refresh");
        erase.expectedBodiesReceivedInAnyOrder("closed-1", "closed-2");
        erase.expectedHeaderValuesReceivedInAnyOrder(JiraqConstants.ACCOUNT_ID, "closed-1", "closed-2");
        refresh.expectedBodiesReceived("changed");

        TemplatedRouteBuilder.builder(context, GdprRoutes.GDPR)
                .parameter("erase", "mock:erase")
                .parameter("refresh", "mock:refresh")
                .parameter("cron", "*+*+*+*+*+?")
                .add();

        MockEndpoint.assertIsSatisfied(context, 30, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> registry.size() == 2);
        assertThat(registry.updatedAt("closed-1")).isEmpty();
        assertThat(registry.updatedAt("changed")).hasValueSatisfying(t -> assertThat(t).isAfter(FETCHED));
        assertThat(registry.updatedAt("active")).contains(FETCHED);
    }
}
