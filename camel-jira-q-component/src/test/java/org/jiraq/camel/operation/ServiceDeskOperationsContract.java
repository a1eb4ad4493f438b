package org.jiraq.camel.operation;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.JiraqHttpException;
import org.jiraq.camel.JiraqTestSupport;
import org.jiraq.camel.client.Json;
import org.jiraq.simulator.RecordedRequest;
import org.jiraq.simulator.model.Issue;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Service Management operations, run once per flavour by the subclasses. */
abstract class ServiceDeskOperationsContract extends JiraqTestSupport {

    private Exchange raise(String summary, String description) {
        return template.request("jiraq:createCustomerRequest?serviceDeskId=1", e -> {
            e.getMessage().setHeader(JiraqConstants.REQUEST_TYPE_ID, "10");
            e.getMessage().setHeader(JiraqConstants.SUMMARY, summary);
            e.getMessage().setHeader(JiraqConstants.DESCRIPTION, description);
        });
    }

    @Test
    void getServiceDesksPagesThroughEveryDesk() {
        List<?> desks = template.requestBody("jiraq:getServiceDesks?pageSize=1", (Object) null, List.class);

        assertThat(desks.stream().map(d -> (Object) ((Map<?, ?>) d).get("projectKey"))).containsExactly("OPS", "DEMO");
        assertThat(sim.requests("GET", "/rest/servicedeskapi/servicedesk").stream().map(r -> r.queryParam("start")))
                .containsExactly(null, "1");
    }

    @Test
    void getRequestTypesListsTheTypesOfOneDeskAcrossPages() {
        Exchange result = template.request("jiraq:getRequestTypes?pageSize=2",
                e -> e.getMessage().setHeader(JiraqConstants.SERVICE_DESK_ID, "1"));

        List<?> types = result.getMessage().getBody(List.class);
        assertThat(types.stream().map(t -> (Object) ((Map<?, ?>) t).get("id"))).containsExactly("10", "11", "12", "13", "14");
        assertThat(result.getMessage().getHeader(JiraqConstants.RESULT_COUNT)).isEqualTo(5);
        assertThat(sim.requests("GET", "/rest/servicedeskapi/servicedesk/1/requesttype")).hasSize(3);
    }

    @Test
    void getRequestTypesWithoutDeskOptsInToTheExperimentalListOfAllTypes() {
        List<?> types = template.requestBody("jiraq:getRequestTypes", (Object) null, List.class);

        assertThat(types).hasSize(7);
        RecordedRequest sent = sim.requests("GET", "/rest/servicedeskapi/requesttype").get(0);
        assertThat(sent.header("X-ExperimentalApi")).isEqualTo("opt-in");
    }

    @Test
    void createCustomerRequestFromHeadersRaisesAnIssueInTheDesksProject() {
        Exchange result = raise("Printer jammed", "Third floor, again");

        assertThat(result.getException()).isNull();
        String key = result.getMessage().getHeader(JiraqConstants.ISSUE_KEY, String.class);
        assertThat(key).startsWith("OPS-");
        assertThat(result.getMessage().getHeader(JiraqConstants.ISSUE_ID, String.class)).isNotBlank();
        assertThat(result.getMessage().getHeader(JiraqConstants.REQUEST_STATUS)).isEqualTo("To Do");
        Issue issue = sim.state().issue(key);
        assertThat(issue.summary()).isEqualTo("Printer jammed");
        assertThat(issue.issueType().name()).isEqualTo("Task");
        JsonNode sent = Json.toNode(sim.requests("POST", "/rest/servicedeskapi/request").get(0).body());
        assertThat(sent).isEqualTo(Json.toNode("{\"serviceDeskId\":\"1\",\"requestTypeId\":\"10\",\"requestFieldValues\":"
                                               + "{\"summary\":\"Printer jammed\",\"description\":\"Third floor, again\"}}"));
    }

    @Test
    void createCustomerRequestFromBodyOnBehalfOfACustomerWithParticipants() {
        Map<String, Object> body = Map.of("serviceDeskId", 1, "requestTypeId", "12",
                "requestFieldValues", Map.of("summary", "New laptop"));

        Map<?, ?> created = template.request("jiraq:createCustomerRequest", e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeader(JiraqConstants.RAISE_ON_BEHALF_OF, "customer-42");
            e.getMessage().setHeader(JiraqConstants.REQUEST_PARTICIPANTS, "p-1, p-2");
            e.getMessage().setHeader(JiraqConstants.REQUEST_FIELD_VALUES, Map.of("customfield_10050", "ThinkPad"));
        }).getMessage().getBody(Map.class);

        assertThat(((Map<?, ?>) created.get("reporter")).get("accountId")).isEqualTo("customer-42");
        JsonNode sent = Json.toNode(sim.requests("POST", "/rest/servicedeskapi/request").get(0).body());
        assertThat(sent.path("serviceDeskId").asText()).isEqualTo("1");
        assertThat(sent.path("raiseOnBehalfOf").asText()).isEqualTo("customer-42");
        assertThat(sent.path("requestParticipants")).isEqualTo(Json.toNode(List.of("p-1", "p-2")));
        assertThat(sim.state().issue((String) created.get("issueKey")).customField("customfield_10050").asText())
                .isEqualTo("ThinkPad");
    }

    @Test
    void createCustomerRequestWithoutRequestTypeNamesTheHeaderAndOption() {
        assertThatThrownBy(() -> template.requestBodyAndHeader("jiraq:createCustomerRequest?serviceDeskId=1",
                Map.of("summary", "x"), JiraqConstants.SUMMARY, "x"))
                .cause().isInstanceOf(IllegalArgumentException.class)
                .hasMessage("createCustomerRequest needs requestTypeId: set header CamelJiraqRequestTypeId or option"
                            + " requestTypeId, or put it in the body");
        assertThat(sim.requests("POST", "/rest/servicedeskapi")).isEmpty();
    }

    @Test
    void createCustomerRequestWithATypeOfAnotherDeskFailsWithServiceManagementsMessage() {
        assertThatThrownBy(() -> template.requestBodyAndHeader("jiraq:createCustomerRequest?serviceDeskId=1"
                                                               + "&requestTypeId=20", null, JiraqConstants.SUMMARY,
                "Wrong desk"))
                .cause().isInstanceOf(JiraqHttpException.class)
                .hasMessageContaining("400")
                .hasMessageContaining("The request type '20' does not exist in service desk 1.");
    }

    @Test
    void getCustomerRequestReportsTheCurrentStatus() {
        String key = raise("Status please", "x").getMessage().getHeader(JiraqConstants.ISSUE_KEY, String.class);
        template.request("jiraq:transitionIssue", e -> {
            e.getMessage().setHeader(JiraqConstants.ISSUE_KEY, key);
            e.getMessage().setHeader(JiraqConstants.TRANSITION, "Done");
        });

        Exchange result = template.request("jiraq:getCustomerRequest?expand=status", e -> e.getMessage().setBody(key));

        assertThat(result.getMessage().getHeader(JiraqConstants.REQUEST_STATUS)).isEqualTo("Done");
        Map<?, ?> status = (Map<?, ?>) result.getMessage().getBody(Map.class).get("currentStatus");
        assertThat(status.get("statusCategory")).isEqualTo("DONE");
        assertThat(sim.requests("GET", "/rest/servicedeskapi/request/" + key).get(0).queryParam("expand"))
                .isEqualTo("status");
    }

    @Test
    void addRequestCommentAddsPublicRepliesAndInternalNotes() {
        String key = raise("Comment on me", "x").getMessage().getHeader(JiraqConstants.ISSUE_KEY, String.class);

        Exchange reply = template.request("jiraq:addRequestComment", e -> {
            e.getMessage().setHeader(JiraqConstants.ISSUE_KEY, key);
            e.getMessage().setBody("We are on it");
        });
        template.request("jiraq:addRequestComment?publicComment=false", e -> {
            e.getMessage().setHeader(JiraqConstants.ISSUE_KEY, key);
            e.getMessage().setHeader(JiraqConstants.COMMENT, "Customer is a VIP");
        });
        template.request("jiraq:addRequestComment", e -> {
            e.getMessage().setHeader(JiraqConstants.ISSUE_KEY, key);
            e.getMessage().setHeader(JiraqConstants.PUBLIC_COMMENT, false);
            e.getMessage().setBody(Map.of("body", "Escalated to hardware", "public", true));
        });

        assertThat(reply.getMessage().getHeader(JiraqConstants.COMMENT_ID, String.class)).isNotBlank();
        assertThat(reply.getMessage().getBody(Map.class)).containsEntry("public", true);
        List<?> internal = template.requestBody("jiraq:serviceDeskRequest?paginate=true&path=/request/" + key
                                                + "/comment&query.public=false", (Object) null, List.class);
        assertThat(internal.stream().map(c -> (Object) ((Map<?, ?>) c).get("body"))).containsExactly("Customer is a VIP", "Escalated to hardware");
        assertThat(sim.requests("POST", "/rest/servicedeskapi/request/" + key + "/comment").stream()
                .map(r -> Json.toNode(r.body()).path("public").asBoolean())).containsExactly(true, false, false);
    }

    @Test
    void addRequestCommentWithoutIssueKeyNamesTheHeader() {
        assertThatThrownBy(() -> template.requestBody("jiraq:addRequestComment", "orphan"))
                .cause().hasMessage("addRequestComment needs an issue key or id: set header CamelJiraqIssueKey");
    }

    @Test
    void aCustomerRequestIsAlsoAnIssueOfThePlatformApi() {
        String key = raise("End to end", "x").getMessage().getHeader(JiraqConstants.ISSUE_KEY, String.class);

        Map<?, ?> issue = template.requestBodyAndHeader("jiraq:getIssue", null, JiraqConstants.ISSUE_KEY, key, Map.class);

        assertThat(((Map<?, ?>) issue.get("fields")).get("summary")).isEqualTo("End to end");
    }
}
