package org.jiraq.camel.auth.oauth2;

import java.time.Duration;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.BindToRegistry;
import org.apache.camel.health.HealthCheck;
import org.jiraq.camel.JiraqEndpoint;
import org.jiraq.camel.metrics.JiraqMeters;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token state of an OAuth 2.0 connection in its health check (valid, refresh failing, revoked, and back) and in
 * the token-refresh meter.
 */
class OAuth2TokenHealthTest extends OAuth2TestSupport {

    @BindToRegistry("metricsRegistry")
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void theHealthCheckShowsAValidTokenWithItsExpiryAndNeverTheToken() throws Exception {
        connect("default");
        assertThat(createIssue(null).getException()).isNull();

        HealthCheck.Result up = health();

        assertThat(up.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(up.getDetails()).containsEntry("token.state", "valid").containsEntry("token.credentialId", "default")
                .containsKey("token.expiresAt");
        String access = tokenStore().load("default").orElseThrow().accessToken();
        assertThat(up.getDetails().values()).noneMatch(v -> String.valueOf(v).contains(access));
    }

    @Test
    void downWhileRefreshesFailAndUpWhenTheAuthorizationServerAnswersAgain() throws Exception {
        connect("default");
        assertThat(createIssue(null).getException()).isNull();
        StubMapping broken = sim.wireMock().stubFor(post(urlPathEqualTo("/oauth/token")).atPriority(1)
                .willReturn(aResponse().withStatus(503)));
        sim.clock().advance(Duration.ofMinutes(61)); // Jira refuses the token now, so the client must refresh it

        assertThat(createIssue(null).getException()).isNotNull();
        HealthCheck.Result down = health();
        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(down.getDetails()).containsEntry("token.state", "refresh-failing")
                .containsEntry("token.lastRefreshError", "the token endpoint answered 503");
        assertThat(down.getMessage()).hasValueSatisfying(m -> assertThat(m)
                .contains("token: refreshing the OAuth 2.0 token of credentialId 'default' fails"));

        sim.wireMock().removeStub(broken);
        assertThat(createIssue(null).getException()).isNull();
        assertThat(health().getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(health().getDetails()).containsEntry("token.state", "valid");
        assertThat(refreshes("failure")).isPositive();
        assertThat(refreshes("success")).isEqualTo(1);
    }

    @Test
    void downWhenTheGrantIsRevokedAndUpWhenTheUserReconnects() throws Exception {
        connect("default");
        assertThat(createIssue(null).getException()).isNull();
        oauth.revokeGrants();
        sim.clock().advance(Duration.ofMinutes(61));

        assertThat(createIssue(null).getException()).isNotNull();
        HealthCheck.Result down = health();
        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(down.getDetails()).containsEntry("token.state", "revoked");
        assertThat(down.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("must reconnect"));

        assertThat(refreshes("revoked")).isEqualTo(1);

        connect("default");
        HealthCheck.Result up = health();
        assertThat(up.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(up.getDetails()).containsEntry("token.state", "valid");
    }

    private double refreshes(String outcome) {
        Counter counter = meters.find(JiraqMeters.TOKEN_REFRESHES).tag(JiraqMeters.TAG_OUTCOME, outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private HealthCheck.Result health() {
        enableProducerHealthChecks(context);
        return producerCheck(context, context.getEndpoint("jiraq:createIssue", JiraqEndpoint.class).getConnection().name())
                .orElseThrow().call();
    }
}
