package org.jiraq.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class IssueEndpointsTest extends BothFlavoursTestSupport {

    @ParameterizedTest
    @EnumSource(JiraSimulator.Flavour.class)
    void createdIssueReadsBackWithEveryField(JiraSimulator.Flavour flavour) {
        Site site = sites.get(flavour);
        String now = JiraTime.format(site.sim.clock().now());
        JiraHttp.Reply created = site.http.post(site.root + "/issue", "{\"fields\":{"
                + "\"project\":{\"key\":\"DEMO\"},\"issuetype\":{\"name\":\"Bug\"},\"summary\":\"Printer on fire\","
                + "\"description\":" + site.richText("Flames everywhere") + ",\"labels\":[\"hardware\",\"urgent\"],"
                + "\"priority\":{\"name\":\"High\"},\"customfield_10010\":{\"value\":\"red\"}}}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("id").asText()).isEqualTo("10000");
        assertThat(created.json().path("key").asText()).isEqualTo("DEMO-1");
        assertThat(created.json().path("self").asText()).isEqualTo(site.sim.baseUrl() + site.root + "/issue/10000");

        JiraHttp.Reply read = site.http.get(site.root + "/issue/DEMO-1");
        assertThat(read.status()).isEqualTo(200);
        JsonNode fields = read.json().path("fields");
        assertThat(read.json().path("key").asText()).isEqualTo("DEMO-1");
        assertThat(fields.path("summary").asText()).isEqualTo("Printer on fire");
        assertThat(site.plainText(fields.path("description"))).isEqualTo("Flames everywhere");
        assertThat(fields.path("description").isObject()).isEqualTo(site.cloud());
        assertThat(fields.path("issuetype").path("name").asText()).isEqualTo("Bug");
        assertThat(fields.path("issuetype").path("id").asText()).isEqualTo("10002");
        assertThat(fields.path("project").path("key").asText()).isEqualTo("DEMO");
        assertThat(fields.path("status").path("name").asText()).isEqualTo("To Do");
        assertThat(fields.path("status").path("statusCategory").path("key").asText()).isEqualTo("new");
        assertThat(fields.path("labels")).extracting(JsonNode::asText).containsExactly("hardware", "urgent");
        assertThat(fields.path("priority").path("name").asText()).isEqualTo("High");
        assertThat(fields.path("customfield_10010").path("value").asText()).isEqualTo("red");
        assertThat(fields.path("created").asText()).isEqualTo(now).endsWith("+0000");
        assertThat(fields.path("updated").asText()).isEqualTo(fields.path("created").asText());
        assertThat(fields.path("reporter").path("emailAddress").asText()).isEqualTo(JiraSimulator.DEFAULT_USER);
        assertThat(site.sim.state().issue("DEMO-1").summary()).isEqualTo("Printer on fire");
    }

    @ParameterizedTest
    @EnumSource(JiraSimulator.Flavour.class)
    void issueIdsAndKeysCountUpPerProject(JiraSimulator.Flavour flavour) {
        Site site = sites.get(flavour);
        site.createIssue("DEMO", "Task", "one");
        site.createIssue("OPS", "Task", "two");
        site.createIssue("DEMO", "Task", "three");

        assertThat(site.sim.state().issues()).extracting(Issue::key).containsExactly("DEMO-1", "OPS-1", "DEMO-2");
        assertThat(site.sim.state().issue("DEMO-2").id()).isEqualTo(10002);
        assertThat(site.http.get(site.root + "/issue/10001").json().path("key").asText()).isEqualTo("OPS-1");
        assertThat(site.http.get(site.root + "/issue/demo-2").json().path("id").asText()).isEqualTo("10002");
    }

    @ParameterizedTest
    @EnumSource(JiraSimulator.Flavour.class)
    void createAnswersJiraFieldErrors(JiraSimulator.Flavour flavour) {
        Site site = sites.get(flavour);
        JiraHttp.Reply missingSummary = site.http.post(site.root + "/issue",
                "{\"fields\":{\"project\":{\"key\":\"DEMO\"},\"issuetype\":{\"name\":\"Task\"}}}");
        JiraHttp.Reply unknownProjectAndType = site.http.post(site.root + "/issue",
                JiraHttp.createBody("NOPE", "Saga", "s"));

        assertThat(missingSummary.status()).isEqualTo(400);
        assertThat(missingSummary.json().path("errors").path("summary").asText())
                .isEqualTo("You must specify a summary of the issue.");
        assertThat(missingSummary.json().path("errorMessages")).isEmpty();
        assertThat(unknownProjectAndType.status()).isEqualTo(400);
        assertThat(unknownProjectAndType.json().path("errors").path("project").asText())
                .isEqualTo("valid project is required");
        assertThat(unknownProjectAndType.json().path("errors").path("issuetype").asText())
                .isEqualTo("Specify a valid issue type");
        assertThat(site.sim.state().issueCount()).isZero();
    }

    @ParameterizedTest
    @EnumSource(JiraSimulator.Flavour.class)
    void createAcceptsProjectAndIssueTypeById(JiraSimulator.Flavour flavour) {
        Site site = sites.get(flavour);
        JiraHttp.Reply created = site.http.post(site.root + "/issue",
                "{\"fields\":{\"project\":{\"id\":\"10001\"},\"issuetype\":{\"id\":\"10003\"},\"summary\":\"s\"}}");

        assertThat(created.json().path("key").asText()).isEqualTo("OPS-1");
        assertThat(site.sim.state().issue("OPS-1").issueType()).isEqualTo(JiraCatalog.STORY);
    }

    @Test
    void cloudRefusesAPlainStringDescription() {
        Site site = sites.get(JiraSimulator.Flavour.CLOUD);
        JiraHttp.Reply reply = site.http.post(site.root + "/issue", "{\"fields\":{\"project\":{\"key\":\"DEMO\"},"
                + "\"issuetype\":{\"name\":\"Task\"},\"summary\":\"s\",\"description\":\"plain text\"}}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().toString()).isEqualTo("{\"errorMessages\":[],\"errors\":{\"description\":"
                + "\"Operation value must be an Atlassian Document (see the Atlassian Document Format)\"}}");
    }

    @Test
    void dataCenterStoresAWikiMarkupDescription() {
        Site site = sites.get(JiraSimulator.Flavour.DATA_CENTER);
        String key = site.createIssue("DEMO", "Task", "s");

        assertThat(site.http.put(site.root + "/issue/" + key, "{\"fields\":{\"description\":\"h1. *bold*\"}}")
                .status()).isEqualTo(204);
        assertThat(site.http.get(site.root + "/issue/" + key).json().path("fields").path("description").asText())
                .isEqualTo("h1. *bold*");
    }

    @ParameterizedTest
    @EnumSource(JiraSimulator.Flavour.class)
    void editSetsFieldsAppliesLabelOperationsAndBumpsUpdated(JiraSimulator.Flavour flavour) {
        Site site = sites.get(flavour);
        String key = site.createIssue("DEMO", "Task", "before");
        site.http.put(site.root + "/issue/" + key, "{\"fields\":{\"labels\":[\"keep\",\"drop\"]}}");
        Instant created = site.sim.clock().now();
        site.sim.clock().advance(Duration.ofMinutes(5));

        JiraHttp.Reply edited = site.http.put(site.root + "/issue/" + key + "?notifyUsers=false",
                "{\"fields\":{\"description\":" + site.richText("now described") + "},"
                        + "\"update\":{\"summary\":[{\"set\":\"after\"}],"
                        + "\"labels\":[{\"add\":\"new\"},{\"remove\":\"drop\"}]}}");

        assertThat(edited.status()).isEqualTo(204);
        Issue issue = site.sim.state().issue(key);
        assertThat(issue.summary()).isEqualTo("after");
        assertThat(Adf.plainText(issue.description())).isEqualTo("now described");
        assertThat(issue.labels()).containsExactly("keep", "new");
        assertThat(issue.updated()).isEqualTo(created.plus(Duration.ofMinutes(5)));
        assertThat(issue.created()).isEqualTo(created);
    }

    @ParameterizedTest
    @EnumSource(JiraSimulator.Flavour.class)
    void editThatChangesNothingLeavesUpdatedAlone(JiraSimulator.Flavour flavour) {
        Site site = sites.get(flavour);
        String key = site.createIssue("DEMO", "Task", "same");
        site.sim.clock().advance(Duration.ofMinutes(1));

        site.http.put(site.root + "/issue/" + key, "{\"fields\":{\"summary\":\"same\"}}");

        assertThat(site.sim.state().issue(key).updated()).isEqualTo(site.sim.state().issue(key).created());
    }

    @ParameterizedTest
    @EnumSource(JiraSimulator.Flavour.class)
    void editRefusesFieldsThatCannotBeSet(JiraSimulator.Flavour flavour) {
        Site site = sites.get(flavour);
        String key = site.createIssue("DEMO", "Task", "s");

        JiraHttp.Reply reply = site.http.put(site.root + "/issue/" + key,
                "{\"fields\":{\"status\":{\"name\":\"Done\"},\"summary\":\"changed\"}}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("errors").path("status").asText())
                .isEqualTo("Field 'status' cannot be set. It is not on the appropriate screen, or unknown.");
        assertThat(site.sim.state().issue(key).summary()).as("nothing applied").isEqualTo("s");
    }

    @Test
    void cloudEditWithReturnIssueAnswersTheEditedIssue() {
        Site site = sites.get(JiraSimulator.Flavour.CLOUD);
        String key = site.createIssue("DEMO", "Task", "s");

        JiraHttp.Reply reply = site.http.put(site.root + "/issue/" + key + "?returnIssue=true",
                "{\"fields\":{\"summary\":\"returned\"}}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("fields").path("summary").asText()).isEqualTo("returned");
    }

    @ParameterizedTest
    @EnumSource(JiraSimulator.Flavour.class)
    void deleteRemovesTheIssue(JiraSimulator.Flavour flavour) {
        Site site = sites.get(flavour);
        String key = site.createIssue("DEMO", "Task", "doomed");

        assertThat(site.http.delete(site.root + "/issue/" + key + "?deleteSubtasks=true").status()).isEqualTo(204);
        assertThat(site.sim.state().issue(key)).isNull();
        assertThat(site.http.get(site.root + "/issue/" + key).status()).isEqualTo(404);
        assertThat(site.http.delete(site.root + "/issue/" + key).status()).isEqualTo(404);
    }

    @ParameterizedTest
    @EnumSource(JiraSimulator.Flavour.class)
    void unknownIssueAnswers404WithJiraMessage(JiraSimulator.Flavour flavour) {
        Site site = sites.get(flavour);

        JiraHttp.Reply reply = site.http.get(site.root + "/issue/DEMO-999");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().toString()).isEqualTo("{\"errorMessages\":[\"Issue does not exist or you do not have "
                + "permission to see it.\"],\"errors\":{}}");
    }

    @ParameterizedTest
    @EnumSource(JiraSimulator.Flavour.class)
    void fieldsParameterLimitsTheFieldsReturned(JiraSimulator.Flavour flavour) {
        Site site = sites.get(flavour);
        String key = site.createIssue("DEMO", "Task", "s");

        JsonNode some = site.http.get(site.root + "/issue/" + key + "?fields=summary,status").json().path("fields");
        JsonNode allButComment = site.http.get(site.root + "/issue/" + key + "?fields=*all,-comment").json()
                .path("fields");
        JsonNode all = site.http.get(site.root + "/issue/" + key).json().path("fields");

        assertThat(some.fieldNames()).toIterable().containsExactlyInAnyOrder("summary", "status");
        assertThat(allButComment.has("comment")).isFalse();
        assertThat(allButComment.has("labels")).isTrue();
        assertThat(all.path("comment").path("total").asInt()).isZero();
    }

    @Test
    void cloudExpandTransitionsAddsTheAvailableTransitions() {
        Site site = sites.get(JiraSimulator.Flavour.CLOUD);
        String key = site.createIssue("DEMO", "Task", "s");

        JsonNode issue = site.http.get(site.root + "/issue/" + key + "?expand=transitions").json();

        assertThat(issue.path("transitions")).extracting(t -> t.path("id").asText()).containsExactly("21", "31");
    }

    @ParameterizedTest
    @EnumSource(JiraSimulator.Flavour.class)
    void everyResponseCarriesARequestId(JiraSimulator.Flavour flavour) {
        Site site = sites.get(flavour);

        JiraHttp.Reply first = site.http.get(site.root + "/issue/DEMO-1");
        JiraHttp.Reply second = site.http.get(site.root + "/myself");

        assertThat(first.header("X-AREQUESTID")).isNotBlank();
        assertThat(second.header("X-AREQUESTID")).isNotBlank().isNotEqualTo(first.header("X-AREQUESTID"));
    }
}
