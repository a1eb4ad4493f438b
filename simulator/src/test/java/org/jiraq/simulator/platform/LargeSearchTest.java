package org.jiraq.simulator.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jiraq.simulator.JiraHttp;
import org.jiraq.simulator.JiraSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Walks 20,000 seeded issues page by page. The timeouts are generous guards against quadratic paging, not
 * measurements; speed is measured by the benchmarks module.
 */
class LargeSearchTest {

    private static final int ISSUES = 20_000;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void cloudWalksTwentyThousandIssuesByNextPageToken() {
        try (JiraSimulator sim = JiraSimulator.builder().flavour(JiraSimulator.Flavour.CLOUD).start()) {
            sim.state().seedIssues("DEMO", ISSUES);
            JiraHttp http = JiraHttp.defaultUser(sim);

            assertThat(walkCloud(http, "&maxResults=5000")).as("ids only, 5,000 a page").isEqualTo(ISSUES);
            assertThat(walkCloud(http, "&fields=summary,updated&maxResults=100")).as("fields, 100 a page")
                    .isEqualTo(ISSUES);
            sim.assertNoContractViolations();
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void dataCenterWalksTwentyThousandIssuesByStartAt() {
        try (JiraSimulator sim = JiraSimulator.builder().flavour(JiraSimulator.Flavour.DATA_CENTER).start()) {
            sim.state().seedIssues("DEMO", ISSUES);
            JiraHttp http = JiraHttp.defaultUser(sim);
            Set<String> seen = new HashSet<>();
            int total;
            int startAt = 0;
            do {
                JsonNode page = http.get("/rest/api/2/search?jql=project%20%3D%20DEMO%20ORDER%20BY%20key"
                        + "&fields=summary&maxResults=1000&startAt=" + startAt).json();
                total = page.path("total").asInt();
                page.path("issues").forEach(issue -> seen.add(issue.path("key").asText()));
                startAt += page.path("issues").size();
            } while (startAt < total);

            assertThat(seen).hasSize(ISSUES);
            sim.assertNoContractViolations();
        }
    }

    private static int walkCloud(JiraHttp http, String options) {
        Set<String> seen = new HashSet<>();
        String token = null;
        do {
            JsonNode page = http.get("/rest/api/3/search/jql?jql=project%20%3D%20DEMO%20ORDER%20BY%20updated%20DESC"
                    + options + (token == null ? "" : "&nextPageToken=" + token)).json();
            page.path("issues").forEach(issue -> assertThat(seen.add(issue.path("id").asText())).isTrue());
            token = page.path("isLast").asBoolean() ? null : page.path("nextPageToken").asText();
        } while (token != null);
        return seen.size();
    }
}
