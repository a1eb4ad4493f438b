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
        // GET /project/DEMO costs 2 points (1 base + 1 project): 6 points make three calls
        SimulatorRateLimits limits = SimulatorRateLimits.create()
                .quota(6, Duration.ofSeconds(2), SimulatorRateLimits.TENANT_QUOTA);
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
            assertThat(refused.header("RateLimit")).isEqualTo("\"tenant-app-quota\";r=0;t=" + refused.header("Retry-After"));
            assertThat(limits.quotaWindows().get(0)).isEqualTo(new SimulatorRateLimits.QuotaWindow(0, 6, 6, 4));
            Awaitility.await().atMost(Duration.ofSeconds(3))
                    .until(() -> http.get("/rest/api/3/project/DEMO").status() == 200);
            assertThat(limits.quotaWindows()).hasSizeGreaterThan(1);
            assertThat(limits.quotaWindows().get(limits.quotaWindows().size() - 1).refused()).isZero();
        }
    }

    @Test
    void callsCostJirasPointsAndEveryAnswerTellsThePolicyAndWhatIsLeft() {
        SimulatorRateLimits limits = SimulatorRateLimits.create()
                .quota(1000, Duration.ofSeconds(60), SimulatorRateLimits.TENANT_QUOTA);
        try (JiraSimulator sim = JiraSimulator.builder().feature(limits).start()) {
            sim.state().seedIssues("OPS", 7);
            JiraHttp http = JiraHttp.defaultUser(sim);

            JiraHttp.Reply issue = http.get("/rest/api/3/issue/OPS-1");
            assertThat(issue.header("RateLimit-Policy")).isEqualTo("\"tenant-app-quota\";q=1000;w=60");
            assertThat(issue.header("RateLimit")).matches("\"tenant-app-quota\";r=998;t=(59|60)");
            assertThat(issue.header("Beta-RateLimit")).isNull();

            // a search is a read: 1 point plus one per issue it returns
            JiraHttp.Reply search = http.post("/rest/api/3/search/jql",
                    "{\"jql\":\"project = OPS\",\"maxResults\":5,\"fields\":[\"summary\"]}");
            assertThat(search.status()).isEqualTo(200);
            assertThat(search.header("RateLimit")).startsWith("\"tenant-app-quota\";r=992;");

            // a write costs 1 point flat
            JiraHttp.Reply created = http.post("/rest/api/3/issue", JiraHttp.createBody("OPS", "Task", "one point"));
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.header("RateLimit")).startsWith("\"tenant-app-quota\";r=991;");

            // a user is an identity object: 2 points each
            JiraHttp.Reply myself = http.get("/rest/api/3/myself");
            assertThat(myself.status()).isEqualTo(200);
            assertThat(myself.header("RateLimit")).startsWith("\"tenant-app-quota\";r=988;");
            sim.assertNoContractViolations();
        }
    }

    @Test
    void betaHeadersBeforeEnforcementAndTheBurstPolicyBesideTheGlobalQuota() {
        SimulatorRateLimits limits = SimulatorRateLimits.create().perMethod("GET", 50).betaHeaders()
                .quota(65_000, Duration.ofHours(1), SimulatorRateLimits.GLOBAL_QUOTA);
        try (JiraSimulator sim = JiraSimulator.builder().feature(limits).start()) {
            JiraHttp http = JiraHttp.defaultUser(sim);

            JiraHttp.Reply reply = http.get("/rest/api/3/project/DEMO");

            assertThat(reply.header("RateLimit-Policy")).isNull();
            assertThat(reply.header("Beta-RateLimit-Policy"))
                    .isEqualTo("\"jira-burst-based\";q=50;w=1, \"global-app-quota\";q=65000;w=3600");
            assertThat(reply.header("Beta-RateLimit"))
                    .matches("\"jira-burst-based\";r=49;t=1, \"global-app-quota\";r=64998;t=\\d+");
        }
    }

    @Test
    void aQuotaNeedsAQuotaReason() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SimulatorRateLimits.create()
                .quota(10, Duration.ofSeconds(1), SimulatorRateLimits.BURST))
                .hasMessageContaining("jira-quota-tenant-based");
    }
}
