package org.jiraq.camel.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.apache.camel.RuntimeCamelException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.jiraq.camel.JiraqConnectionException;
import org.jiraq.camel.JiraqException;
import org.jiraq.camel.JiraqHttpException;
import org.jiraq.camel.auth.ApiTokenAuth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What the client retries and what its failures say about retrying, against a bare WireMock server. */
class RetryRulesTest {

    private final WireMockServer jira = new WireMockServer(options().dynamicPort());

    @BeforeEach
    void start() {
        jira.start();
    }

    @AfterEach
    void stop() {
        jira.stop();
    }

    private JiraqClient client(RetryPolicy policy) {
        return new JiraqClient(URI.create(jira.baseUrl()), new ApiTokenAuth("bot@acme.com", "s3cret"),
                HttpClientFactory.createDefault(), policy, Duration.ofSeconds(5));
    }

    @Test
    void postAnswered503WithRetryAfterIsSentAgainBecauseJiraShedTheLoad() throws IOException {
        jira.stubFor(post("/rest/api/3/issue/DEMO-1/comment").inScenario("shed").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0")).willSetStateTo("open"));
        jira.stubFor(post("/rest/api/3/issue/DEMO-1/comment").inScenario("shed").whenScenarioStateIs("open")
                .willReturn(aResponse().withStatus(201).withBody("{\"id\":\"1\"}")));

        JiraqResponse response = client(new RetryPolicy(2, Duration.ofMillis(5), Duration.ofMillis(20)))
                .execute(JiraqRequest.post("/rest/api/3/issue/DEMO-1/comment").json("{}").build());

        assertThat(response.status()).isEqualTo(201);
        jira.verify(2, postRequestedFor(urlPathEqualTo("/rest/api/3/issue/DEMO-1/comment")));
    }

    @Test
    void postAnswered503WithRetryAfterIsNotResentWhenRetryPostOn503IsOff() {
        jira.stubFor(post("/rest/api/3/issue/DEMO-1/comment")
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0")));

        JiraqHttpException error = catchThrowableOfType(JiraqHttpException.class,
                () -> client(new RetryPolicy(2, Duration.ofMillis(5), Duration.ofMillis(20), false))
                        .execute(JiraqRequest.post("/rest/api/3/issue/DEMO-1/comment").json("{}").build()));

        assertThat(error.isRetryable()).isFalse();
        assertThat(error.isOutcomeUnknown()).isTrue();
        jira.verify(1, postRequestedFor(urlPathEqualTo("/rest/api/3/issue/DEMO-1/comment")));
    }

    @Test
    void postAnswered500SaysItsOutcomeIsUnknownAndNotRetryable() {
        jira.stubFor(post("/rest/api/3/issue/DEMO-1/comment").willReturn(aResponse().withStatus(500)));

        JiraqHttpException error = catchThrowableOfType(JiraqHttpException.class,
                () -> client(new RetryPolicy(2, Duration.ofMillis(5), Duration.ofMillis(20)))
                        .execute(JiraqRequest.post("/rest/api/3/issue/DEMO-1/comment").json("{}").build()));

        assertThat(error.isRetryable()).isFalse();
        assertThat(error.isOutcomeUnknown()).isTrue();
    }

    @Test
    void getAnswered500IsRetryableAndItsOutcomeIsKnown() {
        jira.stubFor(get("/rest/api/3/myself").willReturn(aResponse().withStatus(500)));

        JiraqHttpException error = catchThrowableOfType(JiraqHttpException.class,
                () -> client(new RetryPolicy(1, Duration.ofMillis(5), Duration.ofMillis(20)))
                        .execute(JiraqRequest.get("/rest/api/3/myself").build()));

        assertThat(error.isRetryable()).isTrue();
        assertThat(error.isOutcomeUnknown()).isFalse();
        jira.verify(2, getRequestedFor(urlPathEqualTo("/rest/api/3/myself")));
    }

    @Test
    void retryAfterLongerThanMaxRetryDelayFailsAtOnceWithTheWaitForCamelsRedelivery() {
        jira.stubFor(get("/rest/api/3/myself").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")
                .withHeader("RateLimit-Reason", "jira-burst-based")));
        long start = System.nanoTime();

        JiraqHttpException error = catchThrowableOfType(JiraqHttpException.class,
                () -> client(new RetryPolicy(4, Duration.ofMillis(5), Duration.ofSeconds(1)))
                        .execute(JiraqRequest.get("/rest/api/3/myself").build()));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        assertThat(error.isRetryable()).isTrue();
        assertThat(error.getRetryAfter()).isEqualTo(Duration.ofSeconds(120));
        assertThat(error.getRateLimitReason()).isEqualTo("jira-burst-based");
        jira.verify(1, getRequestedFor(urlPathEqualTo("/rest/api/3/myself")));
    }

    @Test
    void onlyFaultsBeforeTheRequestLeftAreKnownNotToHaveReachedJira() {
        assertThat(RetryPolicy.mayHaveReachedJira(new ConnectException("Connection refused"))).isFalse();
        assertThat(RetryPolicy.mayHaveReachedJira(new HttpHostConnectException("Connection refused"))).isFalse();
        assertThat(RetryPolicy.mayHaveReachedJira(new ConnectTimeoutException("connect timed out"))).isFalse();
        assertThat(RetryPolicy.mayHaveReachedJira(new UnknownHostException("jira.acme.internal"))).isFalse();
        assertThat(RetryPolicy.mayHaveReachedJira(new ConnectionRequestTimeoutException("no free connection"))).isFalse();
        assertThat(RetryPolicy.mayHaveReachedJira(new SocketTimeoutException("Read timed out"))).isTrue();
        assertThat(RetryPolicy.mayHaveReachedJira(new NoHttpResponseException("no answer"))).isTrue();
        assertThat(RetryPolicy.mayHaveReachedJira(new IOException("Connection reset"))).isTrue();
    }

    @Test
    void failureIsFoundThroughWrappingExceptions() {
        JiraqConnectionException cause = new JiraqConnectionException(JiraqRequest.post("/rest/api/3/issue").build(),
                URI.create("https://acme.atlassian.net"), new IOException("Connection reset"), false, true);

        JiraqException failure = JiraqException.of(new RuntimeCamelException(cause));

        assertThat(failure).isSameAs(cause);
        assertThat(cause.getMessage())
                .isEqualTo("No answer from Jira to POST /rest/api/3/issue (IOException: Connection reset); Jira may have"
                           + " processed it");
    }
}
