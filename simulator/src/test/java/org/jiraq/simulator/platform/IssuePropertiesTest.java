package org.jiraq.simulator.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.jiraq.simulator.BothFlavoursTestSupport;
import org.jiraq.simulator.JiraHttp;
import org.jiraq.simulator.JiraSimulator;
import org.jiraq.simulator.Site;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class IssuePropertiesTest extends BothFlavoursTestSupport {

    @ParameterizedTest
    @EnumSource(JiraSimulator.Flavour.class)
    void propertiesGivenAtCreateReadBackAndAreSearchable(JiraSimulator.Flavour flavour) {
        Site site = sites.get(flavour);
        site.createIssue("DEMO", "Task", "unmarked");
        String key = createMarked(site, "order-17");

        JiraHttp.Reply property = site.http.get(site.root + "/issue/" + key + "/properties/jiraq.idempotency");
        assertThat(property.status()).isEqualTo(200);
        assertThat(property.json().path("key").asText()).isEqualTo("jiraq.idempotency");
        assertThat(property.json().path("value").path("key").asText()).isEqualTo("order-17");
        assertThat(site.sim.state().issue(key).property("jiraq.idempotency").path("key").asText()).isEqualTo("order-17");

        assertThat(Site.keys(search(site, "issue.property[jiraq.idempotency].key = \"order-17\""))).containsExactly(key);
        assertThat(Site.keys(search(site, "issue.property[jiraq.idempotency].key IN (\"x\", \"order-17\")")))
                .containsExactly(key);
        assertThat(Site.keys(search(site, "issue.property[jiraq.idempotency].key = \"order-18\""))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(JiraSimulator.Flavour.class)
    void missingPropertyIsNotFound(JiraSimulator.Flavour flavour) {
        Site site = sites.get(flavour);
        String key = site.createIssue("DEMO", "Task", "plain");

        assertThat(site.http.get(site.root + "/issue/" + key + "/properties/jiraq.idempotency").status()).isEqualTo(404);
    }

    @ParameterizedTest
    @EnumSource(JiraSimulator.Flavour.class)
    void creatorIsTheUserWhoCreatedAndCurrentUserIsTheCaller(JiraSimulator.Flavour flavour) {
        Site site = sites.get(flavour);
        site.sim.state().createIssue("DEMO", "Task", "made in the UI by nobody we know");
        String mine = site.createIssue("DEMO", "Task", "mine");

        assertThat(Site.keys(search(site, "project = DEMO AND creator = currentUser() AND created >= -5m")))
                .containsExactly(mine);
        assertThat(Site.keys(search(site, "creator = \"" + JiraSimulator.DEFAULT_USER + "\""))).containsExactly(mine);
    }

    @Test
    void cloudSearchReturnsTheRequestedProperties() {
        Site site = sites.get(JiraSimulator.Flavour.CLOUD);
        String marked = createMarked(site, "k-1");
        String plain = site.createIssue("DEMO", "Task", "plain");

        JiraHttp.Reply reply = site.http.post("/rest/api/3/search/jql", "{\"jql\":\"project = DEMO ORDER BY key ASC\","
                + "\"fields\":[\"key\"],\"properties\":[\"jiraq.idempotency\"]}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(Site.keys(reply.json())).containsExactly(marked, plain);
        assertThat(reply.json().path("issues").get(0).path("properties").path("jiraq.idempotency").path("key").asText())
                .isEqualTo("k-1");
        assertThat(reply.json().path("issues").get(1).path("properties").isEmpty()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(JiraSimulator.Flavour.class)
    void propertyWithoutKeyIsRefusedAndNothingIsCreated(JiraSimulator.Flavour flavour) {
        Site site = sites.get(flavour);
        JiraHttp.Reply reply = site.http.post(site.root + "/issue", "{\"fields\":{\"project\":{\"key\":\"DEMO\"},"
                + "\"issuetype\":{\"name\":\"Task\"},\"summary\":\"s\"},\"properties\":[{\"value\":1}]}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(site.sim.state().issueCount()).isZero();
    }

    private static String createMarked(Site site, String idempotencyKey) {
        JiraHttp.Reply reply = site.http.post(site.root + "/issue", "{\"fields\":{\"project\":{\"key\":\"DEMO\"},"
                + "\"issuetype\":{\"name\":\"Task\"},\"summary\":\"marked\"},"
                + "\"properties\":[{\"key\":\"jiraq.idempotency\",\"value\":{\"key\":\"" + idempotencyKey + "\"}}]}");
        assertThat(reply.status()).as(reply.json().toString()).isEqualTo(201);
        return reply.json().path("key").asText();
    }

    private static com.fasterxml.jackson.databind.JsonNode search(Site site, String jql) {
        // Data Center answers with the key anyway; Cloud sends only ids unless asked for more
        String path = site.cloud() ? "/rest/api/3/search/jql?fields=key&" : "/rest/api/2/search?";
        JiraHttp.Reply reply = site.http.get(path + "jql=" + URLEncoder.encode(jql, StandardCharsets.UTF_8));
        assertThat(reply.status()).as(reply.json().toString()).isEqualTo(200);
        return reply.json();
    }
}
