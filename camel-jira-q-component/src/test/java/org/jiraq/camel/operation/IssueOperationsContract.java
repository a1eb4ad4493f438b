package org.jiraq.camel.operation;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.JiraqHttpException;
import org.jiraq.camel.JiraqTestSupport;
import org.jiraq.camel.client.Json;
import org.jiraq.simulator.JiraSimulator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** createIssue, getIssue, updateIssue and deleteIssue, run once per flavour by the subclasses. */
abstract class IssueOperationsContract extends JiraqTestSupport {

    private boolean cloud() {
        return flavour() == JiraSimulator.Flavour.CLOUD;
    }

    private Exchange createFromHeaders(String summary, Object description) {
        return template.request("jiraq:createIssue", e -> {
            e.getMessage().setHeader(JiraqConstants.PROJECT_KEY, "DEMO");
            e.getMessage().setHeader(JiraqConstants.ISSUE_TYPE_NAME, "Task");
            e.getMessage().setHeader(JiraqConstants.SUMMARY, summary);
            e.getMessage().setHeader(JiraqConstants.DESCRIPTION, description);
        });
    }

    @Test
    void createIssueFromHeadersSetsKeyAndIdHeaders() {
        Exchange result = createFromHeaders("Printer on fire", "Smoke seen on floor 3");

        assertThat(result.getException()).isNull();
        String key = result.getMessage().getHeader(JiraqConstants.ISSUE_KEY, String.class);
        assertThat(key).startsWith("DEMO-");
        assertThat(result.getMessage().getHeader(JiraqConstants.ISSUE_ID, String.class)).isNotBlank();
        assertThat(result.getMessage().getBody(Map.class)).containsEntry("key", key);
        assertThat(sim.state().issue(key)).isNotNull();
    }

    @Test
    void createIssueFromJiraShapedMapBody() {
        Map<String, Object> body = Map.of("fields", Map.of(
                "project", Map.of("key", "OPS"), "issuetype", Map.of("name", "Bug"),
                "summary", "Disk full", "labels", List.of("infra", "urgent")));

        String key = template.requestBody("jiraq:createIssue", body, Map.class).get("key").toString();

        Map<?, ?> issue = template.requestBodyAndHeader("jiraq:getIssue", null, JiraqConstants.ISSUE_KEY, key, Map.class);
        Map<?, ?> fields = (Map<?, ?>) issue.get("fields");
        assertThat(fields.get("summary")).isEqualTo("Disk full");
        assertThat(List.copyOf((List<?>) fields.get("labels"))).isEqualTo(List.of("infra", "urgent"));
        assertThat(((Map<?, ?>) fields.get("issuetype")).get("name")).isEqualTo("Bug");
    }

    @Test
    void createIssueFromFlatJsonStringBody() {
        String body = "{\"project\":{\"key\":\"DEMO\"},\"issuetype\":{\"name\":\"Story\"},\"summary\":\"From JSON\"}";

        String key = template.requestBody("jiraq:createIssue", body, Map.class).get("key").toString();

        assertThat(sim.state().issue(key)).isNotNull();
    }

    @Test
    void markdownDescriptionBecomesAdfOnCloudAndStaysTextOnDataCenter() {
        String markdown = "# Outage\n\nThe **API** is down. See [status](https://status.example.com).\n\n- one\n- two";
        String key = createFromHeaders("Outage", markdown).getMessage().getHeader(JiraqConstants.ISSUE_KEY, String.class);

        Map<?, ?> issue = template.requestBodyAndHeader("jiraq:getIssue", null, JiraqConstants.ISSUE_KEY, key, Map.class);
        Object description = ((Map<?, ?>) issue.get("fields")).get("description");
        if (cloud()) {
            JsonNode adf = Json.toNode(description);
            assertThat(adf.path("type").asText()).isEqualTo("doc");
            assertThat(adf.path("content").get(0).path("type").asText()).isEqualTo("heading");
            assertThat(adf.toString()).contains("\"strong\"").contains("https://status.example.com").contains("bulletList");
        } else {
            assertThat(description).isEqualTo(markdown);
        }
    }

    @Test
    void adfDescriptionPassesThroughUntouchedOnCloud() {
        if (!cloud()) {
            return;
        }
        Map<String, Object> adf = Map.of("version", 1, "type", "doc", "content", List.of(Map.of(
                "type", "paragraph", "content", List.of(Map.of("type", "text", "text", "exact")))));

        String key = createFromHeaders("ADF", adf).getMessage().getHeader(JiraqConstants.ISSUE_KEY, String.class);

        Map<?, ?> issue = template.requestBodyAndHeader("jiraq:getIssue", null, JiraqConstants.ISSUE_KEY, key, Map.class);
        assertThat(Json.toNode(((Map<?, ?>) issue.get("fields")).get("description"))).isEqualTo(Json.toNode(adf));
    }

    @Test
    void getIssueWithAdfAsTextReturnsPlainDescription() {
        String key = createFromHeaders("Text", "Hello *world*").getMessage().getHeader(JiraqConstants.ISSUE_KEY, String.class);

        Map<?, ?> issue = template.requestBodyAndHeader("jiraq:getIssue?adfAsText=true", null, JiraqConstants.ISSUE_KEY,
                key, Map.class);

        String description = (String) ((Map<?, ?>) issue.get("fields")).get("description");
        assertThat(description).isEqualTo(cloud() ? "Hello world" : "Hello *world*");
    }

    @Test
    void updateIssueChangesSummaryAndFields() {
        String key = createFromHeaders("Before", "x").getMessage().getHeader(JiraqConstants.ISSUE_KEY, String.class);

        template.request("jiraq:updateIssue", e -> {
            e.getMessage().setHeader(JiraqConstants.ISSUE_KEY, key);
            e.getMessage().setHeader(JiraqConstants.SUMMARY, "After");
            e.getMessage().setHeader(JiraqConstants.FIELDS, Map.of("labels", List.of("changed")));
        });

        assertThat(sim.state().issue(key).summary()).isEqualTo("After");
        assertThat(sim.state().issue(key).labels()).containsExactly("changed");
    }

    @Test
    void updateIssueWithUpdateOperationsInBody() {
        String key = createFromHeaders("Labels", "x").getMessage().getHeader(JiraqConstants.ISSUE_KEY, String.class);

        template.requestBodyAndHeader("jiraq:updateIssue",
                Map.of("update", Map.of("labels", List.of(Map.of("add", "a"), Map.of("add", "b")))),
                JiraqConstants.ISSUE_KEY, key);

        assertThat(sim.state().issue(key).labels()).containsExactly("a", "b");
    }

    @Test
    void deleteIssueRemovesIt() {
        String key = createFromHeaders("Doomed", "x").getMessage().getHeader(JiraqConstants.ISSUE_KEY, String.class);

        template.requestBodyAndHeader("jiraq:deleteIssue", null, JiraqConstants.ISSUE_KEY, key);

        assertThat(sim.state().issue(key)).isNull();
    }

    @Test
    void getUnknownIssueFailsWithJiraMessageAndStatus() {
        assertThatThrownBy(() -> template.requestBodyAndHeader("jiraq:getIssue", null, JiraqConstants.ISSUE_KEY, "DEMO-999"))
                .isInstanceOf(CamelExecutionException.class)
                .cause().isInstanceOf(JiraqHttpException.class)
                .hasMessageStartingWith("Jira answered 404 Not Found to GET " + "/rest/api/" + (cloud() ? 3 : 2)
                                        + "/issue/DEMO-999: Issue does not exist or you do not have permission to see it.")
                .satisfies(e -> {
                    JiraqHttpException http = (JiraqHttpException) e;
                    assertThat(http.getHttpResponseCode()).isEqualTo(404);
                    assertThat(http.getRequestId()).isNotBlank();
                    assertThat(http.isRetryable()).isFalse();
                });
    }

    @Test
    void createIssueWithoutSummaryFailsWithJiraFieldError() {
        assertThatThrownBy(() -> template.requestBodyAndHeader("jiraq:createIssue",
                Map.of("fields", Map.of("project", Map.of("key", "DEMO"), "issuetype", Map.of("name", "Task"))),
                JiraqConstants.DESCRIPTION, "no summary"))
                .cause().isInstanceOf(JiraqHttpException.class)
                .hasMessageContaining("400 Bad Request")
                .hasMessageContaining("summary: You must specify a summary of the issue.")
                .satisfies(e -> assertThat(((JiraqHttpException) e).getErrors())
                        .containsEntry("summary", "You must specify a summary of the issue."));
    }

    @Test
    void createIssueWithNothingToCreateFailsBeforeCallingJira() {
        assertThatThrownBy(() -> template.requestBody("jiraq:createIssue", (Object) null))
                .cause().isInstanceOf(IllegalArgumentException.class)
                .hasMessage("createIssue needs fields: set headers CamelJiraqProjectKey, CamelJiraqIssueTypeName and"
                            + " CamelJiraqSummary, or send {\"fields\":{...}} as the body");
    }

    @Test
    void operationsWithoutIssueKeyNameTheHeader() {
        assertThatThrownBy(() -> template.requestBody("jiraq:getIssue", (Object) null))
                .cause().hasMessage("getIssue needs an issue key or id: set header CamelJiraqIssueKey or send the key as the body");
    }

    @Test
    void issueKeyCannotEscapeItsResourcePath() {
        assertThatThrownBy(() -> template.requestBodyAndHeader("jiraq:getIssue", null, JiraqConstants.ISSUE_KEY,
                "../../myself"))
                .cause().isInstanceOf(JiraqHttpException.class)
                .satisfies(e -> assertThat(((JiraqHttpException) e).getStatusCode()).isEqualTo(404));
    }

    @Test
    void wrongCredentialsFailWith401AndNoSecretInTheMessage() {
        String uri = cloud() ? "jiraq:getIssue?apiToken=wrong-token-value" : "jiraq:getIssue?personalAccessToken=wrong-pat-value";

        assertThatThrownBy(() -> template.requestBodyAndHeader(uri, null, JiraqConstants.ISSUE_KEY, "DEMO-1"))
                .cause().isInstanceOf(JiraqHttpException.class)
                .hasMessageContaining("Jira answered 401 Unauthorized to GET")
                .hasMessageContaining("Client must be authenticated to access this resource.")
                .hasMessageNotContaining("wrong-");
    }
}
