package org.jiraq.simulator.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.jiraq.simulator.BothFlavoursTestSupport;
import org.jiraq.simulator.JiraHttp;
import org.jiraq.simulator.JiraSimulator;
import org.jiraq.simulator.Site;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProjectAndServerEndpointsTest extends BothFlavoursTestSupport {

    @Test
    void cloudProjectSearchPagesUntilLastAndCapsMaxResultsAt100() {
        Site site = sites.get(JiraSimulator.Flavour.CLOUD);
        for (int i = 1; i <= 118; i++) {
            site.sim.state().addProject("P" + i, "Project " + i);
        }
        List<String> keys = new ArrayList<>();
        String next = site.root + "/project/search?maxResults=500";
        int pages = 0;
        while (next != null) {
            JsonNode page = site.http.get(next).json();
            assertThat(page.path("maxResults").asInt()).isEqualTo(100);
            assertThat(page.path("total").asInt()).isEqualTo(120);
            page.path("values").forEach(project -> keys.add(project.path("key").asText()));
            next = page.path("isLast").asBoolean() ? null
                    : page.path("nextPage").asText().substring(site.sim.baseUrl().length());
            pages++;
        }

        assertThat(pages).isEqualTo(2);
        assertThat(keys).hasSize(120).doesNotHaveDuplicates().startsWith("DEMO", "OPS", "P1");
    }

    @Test
    void cloudProjectSearchPagesWithStartAtAndFiltersByQuery() {
        Site site = sites.get(JiraSimulator.Flavour.CLOUD);

        JsonNode second = site.http.get(site.root + "/project/search?startAt=1&maxResults=1").json();
        JsonNode operations = site.http.get(site.root + "/project/search?query=operat").json();

        assertThat(second.path("isLast").asBoolean()).isTrue();
        assertThat(second.has("nextPage")).isFalse();
        assertThat(second.path("values").get(0).path("key").asText()).isEqualTo("OPS");
        assertThat(operations.path("values")).extracting(p -> p.path("key").asText()).containsExactly("OPS");
    }

    @Test
    void dataCenterListsProjectsAsAPlainArray() {
        Site site = sites.get(JiraSimulator.Flavour.DATA_CENTER);
        site.sim.state().addProject("EXTRA", "Extra");

        JsonNode projects = site.http.get(site.root + "/project").json();

        assertThat(projects.isArray()).isTrue();
        assertThat(projects).extracting(p -> p.path("key").asText()).containsExactly("DEMO", "OPS", "EXTRA");
        assertThat(projects.get(2).path("id").asText()).isEqualTo("10002");
    }

    @ParameterizedTest
    @EnumSource(JiraSimulator.Flavour.class)
    void projectIsFoundByKeyOrIdAndUnknownIs404(JiraSimulator.Flavour flavour) {
        Site site = sites.get(flavour);

        assertThat(site.http.get(site.root + "/project/OPS").json().path("name").asText()).isEqualTo("Operations");
        assertThat(site.http.get(site.root + "/project/10000").json().path("key").asText()).isEqualTo("DEMO");
        assertThat(site.http.get(site.root + "/project/NOPE").status()).isEqualTo(404);
    }

    @ParameterizedTest
    @EnumSource(JiraSimulator.Flavour.class)
    void myselfDescribesTheAuthenticatedUser(JiraSimulator.Flavour flavour) {
        Site site = sites.get(flavour);

        JsonNode me = site.http.get(site.root + "/myself").json();

        assertThat(me.path("emailAddress").asText()).isEqualTo(JiraSimulator.DEFAULT_USER);
        assertThat(me.path("displayName").asText()).isEqualTo("Alice");
        if (site.cloud()) {
            assertThat(me.path("accountId").asText()).isNotBlank();
        } else {
            assertThat(me.path("name").asText()).isEqualTo("alice");
        }
    }

    @ParameterizedTest
    @EnumSource(JiraSimulator.Flavour.class)
    void serverInfoTellsTheDeploymentTypeWithoutCredentials(JiraSimulator.Flavour flavour) {
        Site site = sites.get(flavour);

        JsonNode info = JiraHttp.anonymous(site.sim).get(site.root + "/serverInfo").json();

        assertThat(info.path("deploymentType").asText()).isEqualTo(site.cloud() ? "Cloud" : "Server");
        assertThat(info.path("baseUrl").asText()).isEqualTo(site.sim.baseUrl());
        assertThat(info.path("versionNumbers").get(0).asInt()).isEqualTo(site.cloud() ? 1001 : 10);
    }
}
