package org.jiraq.simulator.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jiraq.simulator.JiraSimulator;
import org.jiraq.simulator.Site;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DataCenterSearchTest {

    private static Site site;

    @BeforeAll
    static void start() {
        site = Site.start(JiraSimulator.Flavour.DATA_CENTER);
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @AfterEach
    void checkContractAndReset() {
        site.checkAndReset();
    }

    private static JsonNode search(String jql, String more) {
        return site.http.get("/rest/api/2/search?jql=" + URLEncoder.encode(jql, StandardCharsets.UTF_8) + more).json();
    }

    @Test
    void searchPagesWithStartAtAndReportsTotal() {
        site.sim.state().seedIssues("DEMO", 25);
        List<String> keys = new ArrayList<>();
        for (int startAt = 0; startAt < 25; startAt += 10) {
            JsonNode page = search("project = DEMO ORDER BY key", "&maxResults=10&startAt=" + startAt);
            assertThat(page.path("total").asInt()).isEqualTo(25);
            assertThat(page.path("startAt").asInt()).isEqualTo(startAt);
            assertThat(page.path("maxResults").asInt()).isEqualTo(10);
            keys.addAll(Site.keys(page));
        }

        assertThat(keys).hasSize(25).doesNotHaveDuplicates().startsWith("DEMO-1").endsWith("DEMO-25");
    }

    @Test
    void searchReturnsNavigableFieldsByDefault() {
        site.createIssue("DEMO", "Bug", "A bug");

        JsonNode issue = search("project = DEMO", "").path("issues").get(0);

        assertThat(issue.path("key").asText()).isEqualTo("DEMO-1");
        assertThat(issue.path("fields").path("summary").asText()).isEqualTo("A bug");
        assertThat(issue.path("fields").path("status").path("name").asText()).isEqualTo("To Do");
        assertThat(issue.path("fields").has("comment")).isFalse();
    }

    @Test
    void searchCapsMaxResultsAt1000AndDefaultsTo50() {
        site.sim.state().seedIssues("DEMO", 1100);

        JsonNode big = search("project = DEMO", "&maxResults=5000&fields=key");
        JsonNode byDefault = search("project = DEMO", "&fields=key");

        assertThat(big.path("maxResults").asInt()).isEqualTo(1000);
        assertThat(big.path("issues")).hasSize(1000);
        assertThat(byDefault.path("maxResults").asInt()).isEqualTo(50);
        assertThat(byDefault.path("issues")).hasSize(50);
    }

    @Test
    void searchByPostTakesTheSameParametersInTheBody() {
        site.sim.state().seedIssues("DEMO", 5);

        JsonNode page = site.http.post("/rest/api/2/search", "{\"jql\":\"project = DEMO ORDER BY key DESC\","
                + "\"startAt\":1,\"maxResults\":2,\"fields\":[\"summary\"]}").json();

        assertThat(Site.keys(page)).containsExactly("DEMO-4", "DEMO-3");
        assertThat(page.path("issues").get(0).path("fields").fieldNames()).toIterable().containsExactly("summary");
    }

    @Test
    void emptyJqlFindsEverything() {
        site.sim.state().seedIssues("DEMO", 2);
        site.sim.state().seedIssues("OPS", 1);

        JsonNode page = site.http.get("/rest/api/2/search").json();

        assertThat(page.path("total").asInt()).isEqualTo(3);
        assertThat(Site.keys(page)).containsExactly("OPS-1", "DEMO-2", "DEMO-1");
    }
}
