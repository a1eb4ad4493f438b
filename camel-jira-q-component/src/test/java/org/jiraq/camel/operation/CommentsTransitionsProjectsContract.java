package org.jiraq.camel.operation;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.JiraqTestSupport;
import org.jiraq.camel.client.Json;
import org.jiraq.simulator.JiraSimulator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** addComment, getComments, getTransitions, transitionIssue and getProjects, once per flavour. */
abstract class CommentsTransitionsProjectsContract extends JiraqTestSupport {

    private String newIssue() {
        return template.request("jiraq:createIssue", e -> {
            e.getMessage().setHeader(JiraqConstants.PROJECT_KEY, "DEMO");
            e.getMessage().setHeader(JiraqConstants.ISSUE_TYPE_NAME, "Task");
            e.getMessage().setHeader(JiraqConstants.SUMMARY, "Needs work");
        }).getMessage().getHeader(JiraqConstants.ISSUE_KEY, String.class);
    }

    @Test
    void addCommentFromBodyReturnsTheCommentAndItsId() {
        String key = newIssue();

        Exchange result = template.request("jiraq:addComment", e -> {
            e.getMessage().setHeader(JiraqConstants.ISSUE_KEY, key);
            e.getMessage().setBody("Looking into it, **now**.");
        });

        String id = result.getMessage().getHeader(JiraqConstants.COMMENT_ID, String.class);
        assertThat(id).isNotBlank();
        assertThat(result.getMessage().getBody(Map.class)).containsEntry("id", id);
        JsonNode stored = sim.state().comments(key).get(0).body();
        if (flavour() == JiraSimulator.Flavour.CLOUD) {
            assertThat(stored.path("type").asText()).isEqualTo("doc");
            assertThat(stored.toString()).contains("strong");
        } else {
            assertThat(stored.asText()).isEqualTo("Looking into it, **now**.");
        }
    }

    @Test
    void addCommentWithVisibilityKeepsJirasRequestShape() {
        String key = newIssue();

        template.requestBodyAndHeader("jiraq:addComment",
                Map.of("body", "internal note", "visibility", Map.of("type", "role", "value", "Administrators")),
                JiraqConstants.ISSUE_KEY, key);

        String sent = sim.requests("POST", "/rest/api").get(1).body();
        assertThat(Json.toNode(sent).path("visibility").path("value").asText()).isEqualTo("Administrators");
    }

    @Test
    void getCommentsPagesThroughAllComments() {
        String key = newIssue();
        for (int i = 0; i < 7; i++) {
            template.requestBodyAndHeader("jiraq:addComment", "comment " + i, JiraqConstants.ISSUE_KEY, key);
        }

        List<?> comments = template.requestBodyAndHeader("jiraq:getComments?pageSize=3&adfAsText=true", null,
                JiraqConstants.ISSUE_KEY, key, List.class);

        assertThat(comments).hasSize(7);
        assertThat(((Map<?, ?>) comments.get(6)).get("body")).isEqualTo("comment 6");
    }

    @Test
    void getTransitionsListsWhatTheIssueOffers() {
        String key = newIssue();

        List<?> transitions = template.requestBodyAndHeader("jiraq:getTransitions", null, JiraqConstants.ISSUE_KEY, key,
                List.class);

        assertThat(transitions.stream().map(t -> ((Map<?, ?>) t).get("name")).map(Object::toString).toList()).contains("In Progress", "Done");
    }

    @Test
    void transitionIssueByIdByNameAndByTargetStatus() {
        String key = newIssue();

        template.requestBodyAndHeaders("jiraq:transitionIssue", null,
                Map.of(JiraqConstants.ISSUE_KEY, key, JiraqConstants.TRANSITION, "21"));
        assertThat(sim.state().issue(key).status().name()).isEqualTo("In Progress");

        template.requestBodyAndHeaders("jiraq:transitionIssue", null,
                Map.of(JiraqConstants.ISSUE_KEY, key, JiraqConstants.TRANSITION, "done"));
        assertThat(sim.state().issue(key).status().name()).isEqualTo("Done");
    }

    @Test
    void unknownTransitionNameListsTheAvailableOnes() {
        String key = newIssue();

        assertThatThrownBy(() -> template.requestBodyAndHeaders("jiraq:transitionIssue", null,
                Map.of(JiraqConstants.ISSUE_KEY, key, JiraqConstants.TRANSITION, "Shipped")))
                .cause().isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Issue " + key + " has no transition named 'Shipped'; available: 'In Progress' (21), 'Done' (31)");
    }

    @Test
    void getProjectsReturnsEveryProject() {
        List<?> projects = template.requestBody("jiraq:getProjects?pageSize=1", null, List.class);

        assertThat(projects.stream().map(p -> ((Map<?, ?>) p).get("key")).map(Object::toString).toList()).contains("DEMO", "OPS");
    }
}
