package org.jiraq.camel.connection;

import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.impl.DefaultCamelContext;
import org.jiraq.camel.JiraqComponent;
import org.jiraq.camel.JiraqEndpoint;
import org.jiraq.camel.JiraqTestSupport;
import org.jiraq.simulator.JiraSimulator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One connection per component, site and credential, owned by the endpoints that use it: on Data Center with two
 * personal access tokens, so two credentials share one site.
 */
class JiraqConnectionsTest extends JiraqTestSupport {

    static final String SECOND_PAT = "sim-pat-second-0123456789";

    @Override
    protected JiraSimulator.Flavour flavour() {
        return JiraSimulator.Flavour.DATA_CENTER;
    }

    @Override
    protected JiraSimulator.Builder simulator() {
        return super.simulator().personalAccessToken(SECOND_PAT);
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        enableProducerHealthChecks(context);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:first").routeId("first").to("jiraq:getProjects");
                from("direct:second").routeId("second").to("jiraq:getProjects?personalAccessToken=" + SECOND_PAT);
                from("direct:firstAgain").routeId("firstAgain").to("jiraq:searchIssues");
            }
        };
    }

    @Test
    void twoPersonalAccessTokensOnOneSiteGetTwoConnectionsTwoGovernorsAndTwoHealthChecks() {
        JiraqConnection first = connectionOf("jiraq:getProjects");
        JiraqConnection second = connectionOf("jiraq:getProjects?personalAccessToken=" + SECOND_PAT);

        assertThat(second).isNotSameAs(first);
        assertThat(second.governor()).isNotSameAs(first.governor());
        assertThat(connectionOf("jiraq:searchIssues")).as("same site and credential: one connection").isSameAs(first);
        assertThat(List.of(first.name(), second.name())).containsExactly(
                "localhost:" + sim.port(), "localhost:" + sim.port() + "#2");
        for (JiraqConnection connection : List.of(first, second)) {
            HealthCheck.Result result = producerCheck(context, connection.name()).orElseThrow().call();
            assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
            assertThat(result.getDetails().toString()).doesNotContain(JiraSimulator.DEFAULT_PAT).doesNotContain(SECOND_PAT);
        }
    }

    @Test
    void removingARouteClosesItsPoolAndTheOtherRoutesHealthCheckKeepsWorking() throws Exception {
        JiraqConnection first = connectionOf("jiraq:getProjects");
        JiraqConnection second = connectionOf("jiraq:getProjects?personalAccessToken=" + SECOND_PAT);

        context.getRouteController().stopRoute("second");
        context.removeRoute("second");

        assertThat(second.isClosed()).as("the removed route's connection and pool are closed").isTrue();
        assertThat(producerCheck(context, second.name())).isEmpty();
        assertThat(first.isClosed()).isFalse();
        assertThat(producerCheck(context, first.name()).orElseThrow().call().getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(getProjects("direct:first").getException()).isNull();
    }

    @Test
    void anotherCamelContextSharesNothing() throws Exception {
        try (CamelContext other = new DefaultCamelContext()) {
            JiraqComponent jiraq = new JiraqComponent();
            configure(jiraq.getConfiguration());
            other.addComponent("jiraq", jiraq);
            other.start();

            JiraqConnection theirs = other.getEndpoint("jiraq:getProjects", JiraqEndpoint.class).getConnection();

            assertThat(theirs).isNotSameAs(connectionOf("jiraq:getProjects"));
            assertThat(theirs.governor()).isNotSameAs(connectionOf("jiraq:getProjects").governor());
        }
    }

    @Test
    void endpointsOfOneConnectionMustAgreeOnItsPool() {
        assertThatThrownBy(() -> context.getEndpoint("jiraq:getProjects?maxConnections=3"))
                .hasStackTraceContaining("Options maxConnections differ from those of another endpoint that calls "
                                         + sim.baseUrl())
                .hasStackTraceContaining("set them on the component");
    }

    private JiraqConnection connectionOf(String uri) {
        return context.getEndpoint(uri, JiraqEndpoint.class).getConnection();
    }

    private Exchange getProjects(String route) {
        return template.request(route, e -> {
        });
    }
}
