package org.jiraq.simulator.servicedesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.jiraq.simulator.BothFlavoursTestSupport;
import org.jiraq.simulator.JiraHttp;
import org.jiraq.simulator.JiraSimulator;
import org.jiraq.simulator.Site;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ServiceManagementEndpointsTest extends BothFlavoursTestSupport {

    @ParameterizedTest
    @EnumSource(JiraSimulator.Flavour.class)
    void listsPageWithStartLimitAndIsLastPage(JiraSimulator.Flavour flavour) {
        JiraHttp http = sites.get(flavour).http;

        JsonNode first = http.get("/rest/servicedeskapi/servicedesk/1/requesttype?limit=2").json();
        JsonNode last = http.get("/rest/servicedeskapi/servicedesk/1/requesttype?start=4&limit=2").json();

        assertThat(first.path("size").asInt()).isEqualTo(2);
        assertThat(first.path("isLastPage").asBoolean()).isFalse();
        assertThat(first.path("_links").path("next").asText()).endsWith("/servicedesk/1/requesttype?start=2&limit=2");
        assertThat(last.path("values").findValuesAsText("id")).containsExactly("14");
        assertThat(last.path("isLastPage").asBoolean()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(JiraSimulator.Flavour.class)
    void experimentalOperationNeedsTheOptInHeader(JiraSimulator.Flavour flavour) {
        Site site = sites.get(flavour);

        JiraHttp.Reply refused = site.http.get("/rest/servicedeskapi/requesttype");
        JiraHttp.Reply unauthenticated = JiraHttp.anonymous(site.sim).get("/rest/servicedeskapi/requesttype");

        assertThat(refused.status()).isEqualTo(412);
        assertThat(refused.json().path("errorMessage").asText()).contains("X-ExperimentalApi: opt-in");
        assertThat(unauthenticated.status()).isEqualTo(401);
    }

    @ParameterizedTest
    @EnumSource(JiraSimulator.Flavour.class)
    void customerRequestIsAnIssueWithStatusAndPublicAndInternalComments(JiraSimulator.Flavour flavour) {
        Site site = sites.get(flavour);

        JiraHttp.Reply created = site.http.post("/rest/servicedeskapi/request", "{\"serviceDeskId\":\"2\","
                + "\"requestTypeId\":\"21\",\"requestFieldValues\":{\"summary\":\"Dark mode\",\"description\":\"Please\"}}");
        String key = created.json().path("issueKey").asText();
        site.http.post("/rest/servicedeskapi/request/" + key + "/comment", "{\"body\":\"Thanks!\",\"public\":true}");
        site.http.post("/rest/servicedeskapi/request/" + key + "/comment", "{\"body\":\"Dupe?\",\"public\":false}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(key).isEqualTo("DEMO-1");
        assertThat(site.sim.state().issue(key).issueType().name()).isEqualTo("Story");
        assertThat(created.json().path("currentStatus").path("status").asText()).isEqualTo("To Do");
        assertThat(site.http.get("/rest/servicedeskapi/request/" + key + "/comment?internal=false").json()
                .path("values").findValuesAsText("body")).containsExactly("Thanks!");
        assertThat(site.http.get("/rest/servicedeskapi/request/" + key + "/comment").json()
                .path("values").findValuesAsText("body")).containsExactly("Thanks!", "Dupe?");
        assertThat(site.http.get("/rest/servicedeskapi/request/" + key + "/status").json()
                .path("values").get(0).path("statusCategory").asText()).isEqualTo("NEW");
    }

    @ParameterizedTest
    @EnumSource(JiraSimulator.Flavour.class)
    void anIssueThatIsNoCustomerRequestIsNotFound(JiraSimulator.Flavour flavour) {
        Site site = sites.get(flavour);
        String key = site.createIssue("OPS", "Task", "Plain issue");

        JiraHttp.Reply reply = site.http.get("/rest/servicedeskapi/request/" + key);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().path("errorMessage").asText()).contains("could not be found");
    }
}
