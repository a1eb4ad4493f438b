package org.jiraq.camel.health;

import java.util.Map;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.apache.camel.test.AvailablePortFinder;
import org.jiraq.camel.JiraqComponent;
import org.jiraq.camel.JiraqEndpoint;
import org.jiraq.camel.JiraqTestSupport;
import org.jiraq.camel.connection.JiraqConnection;
import org.jiraq.camel.spi.FakeIndicator;
import org.jiraq.camel.spi.IndicatorState;
import org.jiraq.simulator.JiraSimulator;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The readiness check of a Jira connection, in Camel's producers repository (turned on here), going DOWN for each cause
 * and UP again when the cause is gone.
 */
class JiraqConnectionHealthCheckTest extends JiraqTestSupport {

    private final int port = AvailablePortFinder.getNextAvailable();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        enableProducerHealthChecks(context);
        return context;
    }

    @Override
    protected JiraSimulator.Builder simulator() {
        return super.simulator().port(port); // a fixed port, so the simulator can be stopped and started again
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:get").routeId("get").to("jiraq:getIssue");
                from("direct:search").routeId("search").to("jiraq:searchIssues");
            }
        };
    }

    @Test
    void oneCheckPerConnectionDescribesItWithoutSecrets() {
        HealthCheck.Result result = check();

        assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(result.getCheck().getId()).isEqualTo("producer:jiraq-localhost:" + port);
        assertThat(result.getCheck()).isInstanceOf(AbstractHealthCheck.class);
        assertThat(result.getDetails())
                .containsEntry("site", sim.baseUrl())
                .containsEntry("deployment", "cloud")
                .containsEntry("api.version", 3)
                .containsEntry("auth.strategy", "apiToken")
                .containsEntry("auth.method", "apiToken");
        assertThat(result.getDetails().toString()).doesNotContain(JiraSimulator.DEFAULT_API_TOKEN)
                .doesNotContain(JiraSimulator.DEFAULT_USER);
        assertThat(HealthCheckRegistry.get(context).stream().filter(c -> c.getId().startsWith("producer:jiraq-")))
                .as("two endpoints with the same connection share one check").hasSize(1);
    }

    @Test
    void downWhenJiraRejectsTheCredentialsAndUpWhenItAcceptsThemAgain() {
        StubMapping reject = sim.wireMock().stubFor(get(urlPathEqualTo("/rest/api/3/myself")).atPriority(1)
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withHeader("X-AREQUESTID", "req-4711")
                        .withBody("{\"errorMessages\":[\"Client must be authenticated to access this resource.\"],"
                                  + "\"errors\":{}}")));

        HealthCheck.Result down = check();
        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(down.getDetails())
                .containsEntry(HealthCheck.HTTP_RESPONSE_CODE, 401)
                .containsEntry("jira.request.id", "req-4711");
        assertThat(down.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("401 Unauthorized"));
        assertThat(HealthCheckHelper.isResultsUp(HealthCheckHelper.invokeReadiness(context), true))
                .as("the application is not ready").isFalse();

        sim.wireMock().removeStub(reject);
        assertThat(check().getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(HealthCheckHelper.isResultsUp(HealthCheckHelper.invokeReadiness(context), true)).isTrue();
    }

    @Test
    void downWhileJiraIsUnavailableAndUpWhenItRecovers() {
        StubMapping unavailable = sim.wireMock().stubFor(get(urlPathEqualTo("/rest/api/3/myself")).atPriority(1)
                .willReturn(aResponse().withStatus(503)));

        long start = System.nanoTime();
        HealthCheck.Result down = check();
        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(down.getDetails()).containsEntry(HealthCheck.HTTP_RESPONSE_CODE, 503);
        assertThat(sim.requests("GET", "/rest/api/3/myself")).as("a health check never retries").hasSize(1);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);

        sim.wireMock().removeStub(unavailable);
        assertThat(check().getState()).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void downWhileJiraIsStoppedAndUpWhenItIsBack() {
        sim.wireMock().stop();
        HealthCheck.Result down = check();
        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(down.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("did not answer"));

        sim.wireMock().start();
        assertThat(check().getState()).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void downWhileAnIndicatorIsUnhealthyAndUpWhenItRecovers() {
        JiraqConnection connection = context.getEndpoint("jiraq:getIssue", JiraqEndpoint.class).getConnection();
        FakeIndicator token = new FakeIndicator("token");
        connection.addIndicator(token);

        token.set(IndicatorState.unhealthy("refresh failing", Map.of("state", "refresh-failing")));
        HealthCheck.Result down = check();
        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(down.getMessage()).contains("token: refresh failing");
        assertThat(down.getDetails()).containsEntry("token.state", "refresh-failing");

        token.set(IndicatorState.healthy(Map.of("state", "valid", "expiresAt", "2030-01-01T00:00:00Z")));
        HealthCheck.Result up = check();
        assertThat(up.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(up.getDetails()).containsEntry("token.expiresAt", "2030-01-01T00:00:00Z");
    }

    @Test
    void theCheckKeepsWorkingWhenOneRouteOfItsConnectionIsRemovedAndGoesAwayWithTheLast() throws Exception {
        JiraqConnection connection = context.getEndpoint("jiraq:getIssue", JiraqEndpoint.class).getConnection();

        removeRoute("get");
        assertThat(connection.isClosed()).as("the other route still uses the connection").isFalse();
        assertThat(check().getState()).isEqualTo(HealthCheck.State.UP);

        removeRoute("search");
        assertThat(producerCheck(context, "localhost:" + port)).isEmpty();
        assertThat(connection.isClosed()).as("the last route took the pool with it").isTrue();
    }

    @Test
    void theComponentOptionIsReadAtEveryCall() {
        JiraqComponent jiraq = context.getComponent("jiraq", JiraqComponent.class);
        int before = sim.requests("GET", "/rest/api/3/myself").size();

        jiraq.setHealthCheckProducerEnabled(false);
        HealthCheck.Result disabled = check();
        assertThat(disabled.getState()).isEqualTo(HealthCheck.State.UNKNOWN);
        assertThat(disabled.getDetails()).containsEntry(HealthCheck.CHECK_ENABLED, false);
        assertThat(sim.requests("GET", "/rest/api/3/myself")).as("a disabled check calls nobody").hasSize(before);

        jiraq.setHealthCheckProducerEnabled(true);
        assertThat(check().getState()).isEqualTo(HealthCheck.State.UP);
    }

    private void removeRoute(String routeId) throws Exception {
        context.getRouteController().stopRoute(routeId);
        context.removeRoute(routeId);
    }

    private HealthCheck.Result check() {
        return producerCheck(context, "localhost:" + port).orElseThrow().call();
    }
}
