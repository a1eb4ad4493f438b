package org.jiraq.camel.operation;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.JiraqHttpException;
import org.jiraq.camel.JiraqTestSupport;
import org.jiraq.camel.client.Json;
import org.jiraq.simulator.Adf;
import org.jiraq.simulator.Issue;
import org.jiraq.simulator.JiraSimulator;
import org.jiraq.simulator.ProjectComponent;
import org.jiraq.simulator.SimulatorUser;
import org.jiraq.simulator.Version;
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
    void createIssueReadsAFlatJsonStringBodyAsFieldsOnlyWithBodyAsFields() {
        String body = "{\"project\":{\"key\":\"DEMO\"},\"issuetype\":{\"name\":\"Story\"},\"summary\":\"From JSON\"}";

        String key = template.requestBody("jiraq:createIssue?bodyAsFields=true", body, Map.class).get("key").toString();

        assertThat(sim.state().issue(key).summary()).isEqualTo("From JSON");
    }

    @Test
    void aMapBodyOfAnotherSystemIsRefusedNamingItsKeysAndTheWayOut() {
        Map<String, Object> incident = new LinkedHashMap<>();
        incident.put("title", "Disk full");
        incident.put("details", "on db-1");

        assertThat(template.request("jiraq:createIssue", e -> {
            e.getMessage().setHeader(JiraqConstants.PROJECT_KEY, "OPS");
            e.getMessage().setHeader(JiraqConstants.ISSUE_TYPE_NAME, "Bug");
            e.getMessage().setHeader(JiraqConstants.SUMMARY, "Disk full");
            e.getMessage().setBody(incident);
        }).getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("createIssue reads a Map or JSON body only in Jira's shape {\"fields\":{...}} (with \"update\""
                            + " if needed), but got a java.util.LinkedHashMap with keys [title, details]. Give the fields as"
                            + " headers (CamelJiraqSummary, CamelJiraqDescription, CamelJiraqPriority, CamelJiraqFields ...)"
                            + " and make the body the description text or empty, or set option bodyAsFields=true to read"
                            + " these keys as Jira field ids");
        assertThat(sim.requests("POST", "/rest/api")).isEmpty();
    }

    @Test
    void anIssueAsJiraReturnsItIsNotSentBackAsAnUpdate() {
        String key = createFromHeaders("Read me", "x").getMessage().getHeader(JiraqConstants.ISSUE_KEY, String.class);
        Map<?, ?> issue = template.requestBodyAndHeader("jiraq:getIssue", null, JiraqConstants.ISSUE_KEY, key, Map.class);

        Exception refused = template.request("jiraq:updateIssue", e -> {
            e.getMessage().setHeader(JiraqConstants.ISSUE_KEY, key);
            e.getMessage().setHeader(JiraqConstants.SUMMARY, "Changed");
            e.getMessage().setBody(issue);
        }).getException();

        assertThat(refused).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("updateIssue reads a Map or JSON body only in Jira's shape")
                .hasMessageContaining("with keys [expand, id, self, key, fields]");
        assertThat(sim.state().issue(key).summary()).isEqualTo("Read me");
    }

    @Test
    void aBodyThatIsNeitherTextNorJsonIsRefused() {
        assertThat(template.request("jiraq:createIssue", e -> e.getMessage().setBody(42)).getException())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("createIssue cannot read a body of type java.lang.Integer: send text (the description),"
                            + " Jira's {\"fields\":{...}} as a Map or JSON, or no body, and give the fields as headers");
    }

    @Test
    void aTextBodyIsTheDescriptionOnCreateAndOnUpdate() {
        Exchange created = template.request("jiraq:createIssue", e -> {
            e.getMessage().setHeader(JiraqConstants.PROJECT_KEY, "DEMO");
            e.getMessage().setHeader(JiraqConstants.ISSUE_TYPE_NAME, "Task");
            e.getMessage().setHeader(JiraqConstants.SUMMARY, "Text body");
            e.getMessage().setBody("First words".getBytes(StandardCharsets.UTF_8));
        });
        String key = created.getMessage().getHeader(JiraqConstants.ISSUE_KEY, String.class);
        String before = Adf.plainText(sim.state().issue(key).description());

        template.requestBodyAndHeader("jiraq:updateIssue", "Second words", JiraqConstants.ISSUE_KEY, key);

        assertThat(before).isEqualTo("First words");
        assertThat(Adf.plainText(sim.state().issue(key).description())).isEqualTo("Second words");
    }

    @Test
    void commonFieldHeadersSetPriorityAssigneeLabelsComponentsVersionsDueDateAndParent() {
        SimulatorUser bob = sim.state().addUser("bob@example.com");
        sim.state().addComponent("OPS", "Database");
        sim.state().addVersion("OPS", "2.1");
        String epic = sim.state().createIssue("OPS", "Epic", "Outages").key();

        Exchange created = template.request("jiraq:createIssue", e -> {
            e.getMessage().setHeader(JiraqConstants.PROJECT_KEY, "OPS");
            e.getMessage().setHeader(JiraqConstants.ISSUE_TYPE_NAME, "Bug");
            e.getMessage().setHeader(JiraqConstants.SUMMARY, "DB down");
            e.getMessage().setHeader(JiraqConstants.PRIORITY, "High");
            e.getMessage().setHeader(JiraqConstants.ASSIGNEE, cloud() ? bob.accountId() : bob.username());
            e.getMessage().setHeader(JiraqConstants.LABELS, "incident, db");
            e.getMessage().setHeader(JiraqConstants.COMPONENTS, List.of("Database"));
            e.getMessage().setHeader(JiraqConstants.FIX_VERSIONS, "2.1");
            e.getMessage().setHeader(JiraqConstants.DUE_DATE, LocalDate.of(2026, 12, 24));
            e.getMessage().setHeader(JiraqConstants.PARENT, epic);
        });

        assertThat(created.getException()).isNull();
        Issue issue = sim.state().issue(created.getMessage().getHeader(JiraqConstants.ISSUE_KEY, String.class));
        assertThat(issue.priority().name()).isEqualTo("High");
        assertThat(issue.assignee()).isEqualTo(bob);
        assertThat(issue.labels()).containsExactly("incident", "db");
        assertThat(issue.components()).extracting(ProjectComponent::name).containsExactly("Database");
        assertThat(issue.fixVersions()).extracting(Version::name).containsExactly("2.1");
        assertThat(issue.dueDate()).isEqualTo(LocalDate.of(2026, 12, 24));
        assertThat(issue.parent().key()).isEqualTo(epic);
    }

    @Test
    void updateAssignsToMeAndChangesPriorityByIdAndTheDueDate() {
        String key = createFromHeaders("Mine", "x").getMessage().getHeader(JiraqConstants.ISSUE_KEY, String.class);

        Exchange updated = template.request("jiraq:updateIssue", e -> {
            e.getMessage().setHeader(JiraqConstants.ISSUE_KEY, key);
            e.getMessage().setHeader(JiraqConstants.ASSIGNEE, "me");
            e.getMessage().setHeader(JiraqConstants.PRIORITY, "1");
            e.getMessage().setHeader(JiraqConstants.DUE_DATE, "2027-01-31");
        });

        assertThat(updated.getException()).isNull();
        assertThat(sim.state().issue(key).assignee().email()).isEqualTo(JiraSimulator.DEFAULT_USER);
        assertThat(sim.state().issue(key).priority().name()).isEqualTo("Highest");
        assertThat(sim.state().issue(key).dueDate()).isEqualTo(LocalDate.of(2027, 1, 31));
    }

    @Test
    void aDueDateThatIsNoDateIsRefusedBeforeCallingJira() {
        assertThat(template.request("jiraq:updateIssue", e -> {
            e.getMessage().setHeader(JiraqConstants.ISSUE_KEY, "DEMO-1");
            e.getMessage().setHeader(JiraqConstants.DUE_DATE, "24.12.2026");
        }).getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Header CamelJiraqDueDate must be a date (yyyy-MM-dd), a date-time or a LocalDate, not"
                            + " '24.12.2026'");
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
