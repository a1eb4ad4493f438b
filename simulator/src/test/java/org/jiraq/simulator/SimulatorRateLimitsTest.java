package org.jiraq.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class SimulatorRateLimitsTest {

    @Test
    void burstLimitAnswers429WithJirasHeadersOnceTheBucketIsEmpty() {
        SimulatorRateLimits limits = SimulatorRateLimits.create().perMethod("GET", 5);
        try (JiraSimulator sim = JiraSimulator.builder().feature(limits).start()) {
            JiraHttp http = JiraHttp.defaultUser(sim);
            JiraHttp.Reply first = http.get("/rest/api/3/project/DEMO");
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.header("X-RateLimit-Limit")).isEqualTo("5");
            assertThat(first.header("X-RateLimit-Remaining")).isEqualTo("4");

            JiraHttp.Reply refused = null;
            for (int i = 0; i < 10 && refused == null; i++) {
                JiraHttp.Reply reply = http.get("/rest/api/3/project/DEMO");
                refused = reply.status() == 429 ? reply : null;
            }

            assertThat(refused).isNotNull();
            assertThat(refused.header("RateLimit-Reason")).isEqualTo("jira-burst-based");
            assertThat(refused.header("Retry-After")).isEqualTo("1");
            assertThat(refused.header("X-RateLimit-Remaining")).isEqualTo("0");
            assertThat(refused.header("X-RateLimit-NearLimit")).isEqualTo("true");
            assertThat(Instant.parse(refused.header("X-RateLimit-Reset"))).isAfter(Instant.now().minusSeconds(1));
            assertThat(refused.json().path("errorMessages").get(0).asText()).isEqualTo("Rate limit exceeded.");
            assertThat(limits.rateLimited()).isEqualTo(limits.rateLimited(SimulatorRateLimits.BURST)).isPositive();
            assertThat(http.post("/rest/api/3/issue", JiraHttp.createBody("DEMO", "Task", "POSTs are not limited"))
                    .status()).isEqualTo(201);
            sim.assertNoContractViolations();
        }
    }

    @Test
    void endpointLimitCountsOnlyThatEndpoint() {
        SimulatorRateLimits limits = SimulatorRateLimits.create()
                .perEndpoint("GET", "/rest/api/3/issue/{issueIdOrKey}", 2);
        try (JiraSimulator sim = JiraSimulator.builder().feature(limits).start()) {
            JiraHttp http = JiraHttp.defaultUser(sim);
            String key = http.post("/rest/api/3/issue", JiraHttp.createBody("DEMO", "Task", "t")).json()
                    .path("key").asText();

            assertThat(http.get("/rest/api/3/issue/" + key).status()).isEqualTo(200);
            assertThat(http.get("/rest/api/3/issue/" + key).status()).isEqualTo(200);
            assertThat(http.get("/rest/api/3/issue/" + key).status()).isEqualTo(429);
            assertThat(http.get("/rest/api/3/project/DEMO").status()).isEqualTo(200);
        }
    }

    @Test
    void perIssueWriteLimitRefusesWritesToThatIssueOnly() {
        SimulatorRateLimits limits = SimulatorRateLimits.create().perIssueWrites(3, Duration.ofSeconds(30));
        try (JiraSimulator sim = JiraSimulator.builder().feature(limits).start()) {
            JiraHttp http = JiraHttp.defaultUser(sim);
            String busy = http.post("/rest/api/3/issue", JiraHttp.createBody("DEMO", "Task", "busy")).json()
                    .path("key").asText();
            String quiet = http.post("/rest/api/3/issue", JiraHttp.createBody("DEMO", "Task", "quiet")).json()
                    .path("key").asText();
            String edit = "{\"fields\":{\"summary\":\"edited\"}}";
            for (int i = 0; i < 3; i++) {
                assertThat(http.put("/rest/api/3/issue/" + busy, edit).status()).isEqualTo(204);
            }

            JiraHttp.Reply refused = http.put("/rest/api/3/issue/" + busy, edit);

            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.header("RateLimit-Reason")).isEqualTo("jira-per-issue-on-write");
            assertThat(http.put("/rest/api/3/issue/" + quiet, edit).status()).isEqualTo(204);
            assertThat(http.get("/rest/api/3/issue/" + busy).status()).isEqualTo(200);
        }
    }

    @Test
    void spentQuotaRefusesEveryCallUntilTheWindowResets() {
        SimulatorRateLimits limits = SimulatorRateLimits.create()
                .quota(3, Duration.ofSeconds(2), SimulatorRateLimits.TENANT_QUOTA);
        try (JiraSimulator sim = JiraSimulator.builder().feature(limits).start()) {
            JiraHttp http = JiraHttp.defaultUser(sim);
            int ok = 0;
            JiraHttp.Reply refused = null;
            for (int i = 0; i < 6; i++) {
                JiraHttp.Reply reply = http.get("/rest/api/3/project/DEMO");
                if (reply.status() == 200) {
                    ok++;
                } else {
                    refused = reply;
                }
            }

            assertThat(ok).isEqualTo(3);
            assertThat(refused).isNotNull();
            assertThat(refused.header("RateLimit-Reason")).isEqualTo("jira-quota-tenant-based");
            assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 2);
            assertThat(http.post("/rest/api/3/issue", JiraHttp.createBody("DEMO", "Task", "also refused")).status())
                    .isEqualTo(429);
            Awaitility.await().atMost(Duration.ofSeconds(3))
                    .until(() -> http.get("/rest/api/3/project/DEMO").status() == 200);
        }
    }
}
