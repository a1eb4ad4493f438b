package org.jiraq.camel.client;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.jiraq.camel.JiraqConnectionException;
import org.jiraq.camel.JiraqHttpException;
import org.jiraq.camel.auth.ApiTokenAuth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client's own rules, against a bare WireMock server: retries, what is never retried, and redirects. */
class JiraqClientTest {

    private final WireMockServer jira = new WireMockServer(options().dynamicPort());
    private final WireMockServer elsewhere = new WireMockServer(options().dynamicPort());
    private JiraqClient client;

    @BeforeEach
    void start() {
        jira.start();
        elsewhere.start();
        client = new JiraqClient(URI.create(jira.baseUrl()), new ApiTokenAuth("bot@acme.com", "s3cret"),
                HttpClientFactory.createDefault(),
                new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(40)), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        jira.stop();
        elsewhere.stop();
    }

    @Test
    void getIsRetriedAfterRateLimitHonouringRetryAfter() throws IOException {
        jira.stubFor(get("/rest/api/3/myself").inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withHeader("RateLimit-Reason", "jira-burst-based"))
                .willSetStateTo("open"));
        jira.stubFor(get("/rest/api/3/myself").inScenario("limit").whenScenarioStateIs("open")
                .willReturn(okJson("{\"accountId\":\"a1\"}")));

        // a Retry-After beyond maxRetryDelay is left to Camel's redelivery, so allow this one to be waited out here
        JiraqClient patient = new JiraqClient(URI.create(jira.baseUrl()), new ApiTokenAuth("bot@acme.com", "s3cret"),
                HttpClientFactory.createDefault(), new RetryPolicy(3, Duration.ofMillis(10), Duration.ofSeconds(2)),
                Duration.ofSeconds(5));
        long start = System.nanoTime();
        JiraqResponse response = patient.execute(JiraqRequest.get("/rest/api/3/myself").build());

        assertThat(response.json().path("accountId").asText()).isEqualTo("a1");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        jira.verify(2, getRequestedFor(urlPathEqualTo("/rest/api/3/myself")));
    }

    @Test
    void postIsRetriedAfterRateLimitBecauseJiraDidNotProcessIt() throws IOException {
        jira.stubFor(post("/rest/api/3/issue").inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")).willSetStateTo("open"));
        jira.stubFor(post("/rest/api/3/issue").inScenario("limit").whenScenarioStateIs("open")
                .willReturn(aResponse().withStatus(201).withBody("{\"key\":\"DEMO-1\"}")));

        assertThat(client.execute(JiraqRequest.post("/rest/api/3/issue").json("{}").build()).json().path("key").asText())
                .isEqualTo("DEMO-1");
        jira.verify(2, postRequestedFor(urlPathEqualTo("/rest/api/3/issue")));
    }

    @Test
    void postIsNotResentAfterServerErrorThatMayHaveCreatedSomething() {
        jira.stubFor(post("/rest/api/3/issue").willReturn(aResponse().withStatus(502)));

        assertThatThrownBy(() -> client.execute(JiraqRequest.post("/rest/api/3/issue").json("{}").build()))
                .isInstanceOf(JiraqHttpException.class)
                .satisfies(e -> assertThat(((JiraqHttpException) e).isRetryable()).isFalse());
        jira.verify(1, postRequestedFor(urlPathEqualTo("/rest/api/3/issue")));
    }

    @Test
    void postIsNotResentAfterConnectionReset() {
        jira.stubFor(post("/rest/api/3/issue").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThatThrownBy(() -> client.execute(JiraqRequest.post("/rest/api/3/issue").json("{}").build()))
                .isInstanceOf(JiraqConnectionException.class);
        jira.verify(1, postRequestedFor(urlPathEqualTo("/rest/api/3/issue")));
    }

    @Test
    void getGivesUpAfterMaxRetriesOfServerErrors() {
        jira.stubFor(get("/rest/api/3/myself").willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> client.execute(JiraqRequest.get("/rest/api/3/myself").build()))
                .isInstanceOf(JiraqHttpException.class)
                .hasMessageStartingWith("Jira answered 503 Service Unavailable to GET /rest/api/3/myself");
        jira.verify(4, getRequestedFor(urlPathEqualTo("/rest/api/3/myself")));
    }

    @Test
    void redirectToAnotherHostIsFollowedWithoutCredentials() throws IOException {
        jira.stubFor(get("/rest/api/3/attachment/content/1")
                .willReturn(aResponse().withStatus(302).withHeader("Location", elsewhere.baseUrl() + "/blob/1")));
        elsewhere.stubFor(get("/blob/1").willReturn(okJson("{\"ok\":true}")));

        assertThat(client.execute(JiraqRequest.get("/rest/api/3/attachment/content/1").build()).json().path("ok")
                .asBoolean()).isTrue();
        jira.verify(getRequestedFor(anyUrl()).withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock
                .matching("Basic .+")));
        elsewhere.verify(1, anyRequestedFor(anyUrl()).withHeader("Authorization", absent()));
    }

    @Test
    void queryValuesAreEncodedWithPercentTwentyForSpaces() throws IOException {
        jira.stubFor(any(anyUrl()).willReturn(okJson("{}")));

        client.execute(JiraqRequest.get("/rest/api/2/search").query("jql", "project = \"A B\" & x").build());

        assertThat(jira.getAllServeEvents().get(0).getRequest().getUrl())
                .isEqualTo("/rest/api/2/search?jql=project%20%3D%20%22A%20B%22%20%26%20x");
    }

    @Test
    void retryDelayDoublesWithJitterAndNeverUndercutsRetryAfter() {
        RetryPolicy policy = new RetryPolicy(4, Duration.ofMillis(1000), Duration.ofMillis(30_000));
        for (int i = 0; i < 200; i++) {
            assertThat(policy.delay(0, null).toMillis()).isBetween(700L, 1300L);
            assertThat(policy.delay(2, null).toMillis()).isBetween(2800L, 5200L);
            assertThat(policy.delay(10, null).toMillis()).isBetween(21_000L, 39_000L);
            assertThat(policy.delay(0, Duration.ofSeconds(5)).toMillis()).isGreaterThanOrEqualTo(5000L);
        }
    }
}
