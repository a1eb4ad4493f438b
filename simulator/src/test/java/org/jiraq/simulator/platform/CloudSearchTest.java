package org.jiraq.simulator.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jiraq.simulator.JiraHttp;
import org.jiraq.simulator.JiraSimulator;
import org.jiraq.simulator.Site;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CloudSearchTest {

    private static Site site;

    @BeforeAll
    static void start() {
        site = Site.start(JiraSimulator.Flavour.CLOUD);
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @AfterEach
    void checkContractAndReset() {
        site.checkAndReset();
    }

    private static JiraHttp.Reply search(String jql, String more) {
        return site.http.get("/rest/api/3/search/jql?jql=" + URLEncoder.encode(jql, StandardCharsets.UTF_8) + more);
    }

    @Test
    void searchJqlPagesWithNextPageTokenUntilLast() {
        site.sim.state().seedIssues("DEMO", 23);
        site.sim.state().seedIssues("OPS", 5);
        List<String> keys = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            JsonNode page = search("project = DEMO ORDER BY key ASC", "&fields=key&maxResults=10"
                    + (token == null ? "" : "&nextPageToken=" + token)).json();
            keys.addAll(Site.keys(page));
            boolean last = page.path("isLast").asBoolean();
            assertThat(page.has("nextPageToken")).isNotEqualTo(last);
            assertThat(page.has("total")).isFalse();
            token = last ? null : page.path("nextPageToken").asText();
            pages++;
        } while (token != null);

        assertThat(pages).isEqualTo(3);
        assertThat(keys).hasSize(23).doesNotHaveDuplicates().startsWith("DEMO-1", "DEMO-2").endsWith("DEMO-23");
    }

    @Test
    void searchJqlReturnsOnlyIdsByDefault() {
        site.sim.state().seedIssues("DEMO", 2);

        JsonNode page = search("project = DEMO", "").json();

        assertThat(page.path("issues")).hasSize(2);
        assertThat(page.path("issues").get(0).fieldNames()).toIterable().containsExactly("id");
        assertThat(page.path("issues").get(0).path("id").asText()).isEqualTo("10001");
        assertThat(page.path("isLast").asBoolean()).isTrue();
    }

    @Test
    void searchJqlReturnsRequestedFieldsAndAllOnStarAll() {
        site.sim.state().seedIssues("DEMO", 1);

        JsonNode some = search("project = DEMO", "&fields=summary,status").json().path("issues").get(0);
        JsonNode all = search("project = DEMO", "&fields=*all").json().path("issues").get(0);

        assertThat(some.path("key").asText()).isEqualTo("DEMO-1");
        assertThat(some.path("fields").fieldNames()).toIterable().containsExactlyInAnyOrder("summary", "status");
        assertThat(all.path("fields").has("comment")).isTrue();
        assertThat(all.path("fields").path("project").path("key").asText()).isEqualTo("DEMO");
    }

    @Test
    void searchJqlByPostTakesTheSameParametersInTheBody() {
        site.sim.state().seedIssues("DEMO", 3);

        JsonNode first = site.http.post("/rest/api/3/search/jql", "{\"jql\":\"project = DEMO ORDER BY key\","
                + "\"maxResults\":2,\"fields\":[\"summary\"]}").json();
        JsonNode second = site.http.post("/rest/api/3/search/jql", "{\"jql\":\"project = DEMO ORDER BY key\","
                + "\"maxResults\":2,\"fields\":[\"summary\"],\"nextPageToken\":\""
                + first.path("nextPageToken").asText() + "\"}").json();

        assertThat(Site.keys(first)).containsExactly("DEMO-1", "DEMO-2");
        assertThat(Site.keys(second)).containsExactly("DEMO-3");
        assertThat(second.path("isLast").asBoolean()).isTrue();
    }

    @Test
    void searchJqlPagesHoldAt100WithFieldsAnd5000WithIdsOnly() {
        site.sim.state().seedIssues("DEMO", 5100);

        JsonNode withFields = search("project = DEMO", "&fields=summary&maxResults=1000").json();
        JsonNode idsOnly = search("project = DEMO", "&maxResults=10000").json();

        assertThat(withFields.path("issues")).hasSize(100);
        assertThat(idsOnly.path("issues")).hasSize(5000);
        assertThat(idsOnly.path("isLast").asBoolean()).isFalse();
    }

    @Test
    void searchJqlPagingSkipsNothingWhenIssuesLeaveTheResultMeanwhile() {
        site.sim.state().seedIssues("DEMO", 30);
        JsonNode first = search("project = DEMO AND status = \"To Do\" ORDER BY key", "&fields=key&maxResults=10")
                .json();
        for (String key : Site.keys(first)) {
            site.http.post("/rest/api/3/issue/" + key + "/transitions", "{\"transition\":{\"id\":\"31\"}}");
        }

        JsonNode second = search("project = DEMO AND status = \"To Do\" ORDER BY key", "&fields=key&maxResults=10"
                + "&nextPageToken=" + first.path("nextPageToken").asText()).json();

        assertThat(Site.keys(second)).startsWith("DEMO-11").hasSize(10);
    }

    @Test
    void nextPageTokenOfAnotherQueryIsRefused() {
        site.sim.state().seedIssues("DEMO", 3);
        String token = search("project = DEMO", "&maxResults=1").json().path("nextPageToken").asText();

        JiraHttp.Reply reply = search("project = OPS", "&nextPageToken=" + token);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("errorMessages").get(0).asText()).contains("next page token");
    }

    @Test
    void emptyOrUnboundedJqlIsRefused() {
        JiraHttp.Reply empty = site.http.get("/rest/api/3/search/jql");
        JiraHttp.Reply onlyOrder = search("ORDER BY key DESC", "");

        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().path("errorMessages").get(0).asText()).isEqualTo(SearchEndpoints.UNBOUNDED);
        assertThat(onlyOrder.status()).isEqualTo(400);
    }

    @Test
    void removedSearchEndpointsAnswer410WithMigrationMessage() {
        String expected = "{\"errorMessages\":[\"The requested API has been removed. Please migrate to the "
                + "/rest/api/3/search/jql API. A full migration guideline is available at "
                + "https://developer.atlassian.com/changelog/#CHANGE-2046\"]}";

        JiraHttp.Reply getV3 = site.http.get("/rest/api/3/search?jql=project%20%3D%20DEMO");
        JiraHttp.Reply postV3 = site.http.post("/rest/api/3/search", "{\"jql\":\"project = DEMO\"}");
        JiraHttp.Reply getV2 = site.http.get("/rest/api/2/search?jql=project%20%3D%20DEMO");

        assertThat(List.of(getV3, postV3, getV2)).allSatisfy(reply -> {
            assertThat(reply.status()).isEqualTo(410);
            assertThat(reply.json().toString()).isEqualTo(expected);
        });
    }
}
