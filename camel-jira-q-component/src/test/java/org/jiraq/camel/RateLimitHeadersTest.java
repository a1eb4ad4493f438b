package org.jiraq.camel;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** The CamelJiraqRateLimit* headers tell what Jira answered this exchange, on a connection other routes share. */
class RateLimitHeadersTest extends JiraqTestSupport {

    @Test
    void eachExchangeCarriesTheRateLimitHeadersOfItsOwnAnswer() {
        sim.state().seedIssues("OPS", 2);
        sim.wireMock().stubFor(get(urlPathEqualTo("/rest/api/3/issue/OPS-1")).atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withHeader("X-RateLimit-Limit", "100").withHeader("X-RateLimit-Remaining", "5")
                        .withHeader("X-RateLimit-NearLimit", "true").withBody("{\"key\":\"OPS-1\",\"fields\":{}}")));
        sim.wireMock().stubFor(get(urlPathEqualTo("/rest/api/3/issue/OPS-2")).atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"key\":\"OPS-2\",\"fields\":{}}")));

        Exchange limited = getIssue("OPS-1");
        Exchange unlimited = getIssue("OPS-2");

        assertThat(limited.getMessage().getHeader(JiraqConstants.RATE_LIMIT_REMAINING)).isEqualTo(5);
        assertThat(limited.getMessage().getHeader(JiraqConstants.RATE_LIMIT_NEAR_LIMIT)).isEqualTo(true);
        assertThat(unlimited.getMessage().getHeaders())
                .as("its answer had no rate-limit headers: the other exchange's are not its own")
                .doesNotContainKeys(JiraqConstants.RATE_LIMIT_REMAINING, JiraqConstants.RATE_LIMIT_NEAR_LIMIT);
    }

    @Test
    void anExchangeWhoseCallWasNotSentCarriesNoRateLimitHeaders() {
        sim.state().seedIssues("OPS", 1);
        sim.wireMock().stubFor(get(urlPathEqualTo("/rest/api/3/issue/OPS-1")).atPriority(1)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "60")
                        .withHeader("RateLimit-Reason", "jira-quota-tenant-based")
                        .withHeader("X-RateLimit-Remaining", "0")));

        Exchange refused = getIssue("OPS-1");
        Exchange held = getIssue("OPS-1");

        assertThat(refused.getException()).isInstanceOf(JiraqHttpException.class);
        assertThat(refused.getMessage().getHeader(JiraqConstants.RATE_LIMIT_REMAINING)).isEqualTo(0);
        assertThat(refused.getMessage().getHeader(JiraqConstants.RATE_LIMIT_NEAR_LIMIT)).isEqualTo(true);
        assertThat(held.getException()).isInstanceOf(JiraqRateLimitException.class);
        assertThat(held.getMessage().getHeaders()).as("Jira was not asked, so it said nothing")
                .doesNotContainKeys(JiraqConstants.RATE_LIMIT_REMAINING, JiraqConstants.RATE_LIMIT_NEAR_LIMIT);
    }

    private Exchange getIssue(String key) {
        return template.request("jiraq:getIssue?maxRetries=0",
                e -> e.getMessage().setHeader(JiraqConstants.ISSUE_KEY, key));
    }
}
