package org.jiraq.simulator.jql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jiraq.simulator.JiraHttp;
import org.jiraq.simulator.JiraSimulator;
import org.jiraq.simulator.SimulatorClock;
import org.jiraq.simulator.Site;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * JQL over HTTP against a fixed little world, its issues created an hour apart from 2026-11-22 12:00 UTC:
 * DEMO-1 Task "Printer jams daily" (label hardware); DEMO-2 Bug "Login fails" (labels auth, urgent), put In Progress
 * and commented an hour later; DEMO-3 Story "Dark mode", Done an hour later; OPS-1 Bug "Disk full on db01" (label
 * urgent). The clock then stands at 16:00.
 */
class JqlSearchTest {

    private static final Instant START = Instant.parse("2026-11-22T12:00:00Z");

    private static JiraSimulator sim;
    private static JiraHttp http;

    @BeforeAll
    static void start() {
        sim = JiraSimulator.builder().flavour(JiraSimulator.Flavour.CLOUD).clock(SimulatorClock.fixedAt(START)).start();
        http = JiraHttp.defaultUser(sim);
        create("DEMO", "Task", "Printer jams daily", "[\"hardware\"]");
        create("DEMO", "Bug", "Login fails", "[\"auth\",\"urgent\"]");
        http.post("/rest/api/3/issue/DEMO-2/transitions", "{\"transition\":{\"id\":\"21\"}}");
        http.post("/rest/api/3/issue/DEMO-2/comment", "{\"body\":" + JiraHttp.adf("Token expired upstream") + "}");
        create("DEMO", "Story", "Dark mode", "[]");
        http.post("/rest/api/3/issue/DEMO-3/transitions", "{\"transition\":{\"id\":\"31\"}}");
        create("OPS", "Bug", "Disk full on db01", "[\"urgent\"]");
    }

    private static void create(String project, String type, String summary, String labels) {
        http.post("/rest/api/3/issue", "{\"fields\":{\"project\":{\"key\":\"" + project + "\"},\"issuetype\":{\"name\":\""
                + type + "\"},\"summary\":\"" + summary + "\",\"labels\":" + labels + "}}");
        sim.clock().advance(Duration.ofHours(1));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void noViolationsSoFar() {
        sim.assertNoContractViolations();
    }

    private static JiraHttp.Reply search(String jql) {
        return http.get("/rest/api/3/search/jql?fields=key&jql=" + URLEncoder.encode(jql, StandardCharsets.UTF_8));
    }

    private static List<String> keys(String jql) {
        JiraHttp.Reply reply = search(jql);
        assertThat(reply.status()).as(reply.json().toString()).isEqualTo(200);
        return Site.keys(reply.json());
    }

    private static String error(String jql) {
        JiraHttp.Reply reply = search(jql);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("errors").isObject()).isTrue();
        return String.join(" | ", toList(reply.json().path("errorMessages")));
    }

    private static List<String> toList(JsonNode array) {
        List<String> values = new java.util.ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "project = DEMO ORDER BY key                          | DEMO-1 DEMO-2 DEMO-3",
        "project in (DEMO, OPS) ORDER BY key                  | DEMO-1 DEMO-2 DEMO-3 OPS-1",
        "project = Operations                                 | OPS-1",
        "status = \"In Progress\"                               | DEMO-2",
        "status != Done AND project = DEMO ORDER BY key       | DEMO-1 DEMO-2",
        "statusCategory = done                                | DEMO-3",
        "key = DEMO-2                                         | DEMO-2",
        "key in (DEMO-1, OPS-1) ORDER BY key                  | DEMO-1 OPS-1",
        "issuekey > DEMO-1 ORDER BY key                       | DEMO-2 DEMO-3",
        "id = 10003                                           | OPS-1",
        "issuetype = Bug ORDER BY key                         | DEMO-2 OPS-1",
        "type in (Story, Task) ORDER BY key                   | DEMO-1 DEMO-3",
        "labels = urgent ORDER BY key                         | DEMO-2 OPS-1",
        "labels in (hardware, auth) ORDER BY key              | DEMO-1 DEMO-2",
        "labels is EMPTY                                      | DEMO-3",
        "labels != urgent                                     | DEMO-1",
        "summary ~ \"login\"                                    | DEMO-2",
        "summary ~ \"print*\"                                   | DEMO-1",
        "summary ~ \"print\"                                    | ''",
        "text ~ \"expired\"                                     | DEMO-2",
        "comment ~ \"upstream\"                                 | DEMO-2",
        "summary !~ \"dark\" AND project = DEMO ORDER BY key  | DEMO-1 DEMO-2",
        "project = DEMO AND (labels = urgent OR issuetype = Story) ORDER BY key | DEMO-2 DEMO-3",
        "project = OPS OR key = DEMO-1 ORDER BY key           | DEMO-1 OPS-1",
        "NOT project = DEMO                                   | OPS-1",
        "priority = Medium AND project = OPS                  | OPS-1",
        "created >= \"2026-11-22 13:00\" ORDER BY created     | DEMO-2 DEMO-3 OPS-1",
        "created < \"2026/11/22 14:00\" ORDER BY created       | DEMO-1 DEMO-2",
        "created >= 2026-11-22 AND created <= \"2026-11-22 12:00\" | DEMO-1",
    })
    void jqlSelectsTheExpectedIssues(String jql, String expected) {
        assertThat(keys(jql)).containsExactlyElementsOf(
                expected.isBlank() ? List.of() : List.of(expected.trim().split(" ")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "project in (DEMO, OPS) ORDER BY key DESC            | OPS-1 DEMO-3 DEMO-2 DEMO-1",
        "project in (DEMO, OPS) ORDER BY created DESC        | OPS-1 DEMO-3 DEMO-2 DEMO-1",
        "project in (DEMO, OPS) ORDER BY id ASC              | DEMO-1 DEMO-2 DEMO-3 OPS-1",
        "project in (DEMO, OPS) ORDER BY issuetype, key DESC | OPS-1 DEMO-2 DEMO-3 DEMO-1",
        "project in (DEMO, OPS) ORDER BY updated ASC         | DEMO-1 DEMO-2 DEMO-3 OPS-1",
        "project in (DEMO, OPS)                              | OPS-1 DEMO-3 DEMO-2 DEMO-1",
    })
    void orderBySortsOnEveryKeyInTurn(String jql, String expected) {
        assertThat(keys(jql)).containsExactly(expected.trim().split(" "));
    }

    @Test
    void relativeUpdatedIsMeasuredFromTheSimulatorClock() {
        // the clock stands at 16:00: DEMO-1 was last updated at 12:00, DEMO-2 at 14:00, DEMO-3 and OPS-1 at 15:00
        assertThat(keys("updated >= -61m ORDER BY key")).containsExactly("DEMO-3", "OPS-1");
        assertThat(keys("updated >= \"-1h 1m\" ORDER BY key")).containsExactly("DEMO-3", "OPS-1");
        assertThat(keys("updated >= -2h ORDER BY key")).containsExactly("DEMO-2", "DEMO-3", "OPS-1");
        assertThat(keys("updated > now()")).isEmpty();
        sim.clock().advance(Duration.ofHours(2));
        assertThat(keys("updated >= -61m")).isEmpty();
        assertThat(keys("updated >= -4h ORDER BY key")).containsExactly("DEMO-2", "DEMO-3", "OPS-1");
    }

    @Test
    void syntaxErrorsAnswerJiraMessagesWithPosition() {
        assertThat(error("project foo")).isEqualTo(
                "Error in the JQL Query: Expecting operator but got 'foo'. (line 1, character 9)");
        assertThat(error("project = DEMO AND")).isEqualTo(
                "Error in the JQL Query: Expecting a field name before the end of the query.");
        assertThat(error("project =")).isEqualTo(
                "Error in the JQL Query: Expecting either a value, list or function before the end of the query.");
        assertThat(error("summary ~ \"open")).isEqualTo(
                "Error in the JQL Query: The quoted string 'open' has not been completed. (line 1, character 11)");
        assertThat(error("project in (DEMO OPS)")).isEqualTo(
                "Error in the JQL Query: Expecting ',' or ')' but got 'OPS'. (line 1, character 18)");
        assertThat(error("project = DEMO key = DEMO-1")).isEqualTo(
                "Error in the JQL Query: Expecting either 'OR' or 'AND' but got 'key'. (line 1, character 16)");
    }

    @Test
    void unknownFieldsValuesAndOperatorsAnswerJiraMessages() {
        assertThat(error("nosuchfield = 1")).isEqualTo(
                "Field 'nosuchfield' does not exist or you do not have permission to view it.");
        assertThat(error("project = NOPE")).isEqualTo("The value 'NOPE' does not exist for the field 'project'.");
        assertThat(error("status = Open")).isEqualTo("The value 'Open' does not exist for the field 'status'.");
        assertThat(error("project ~ DEMO")).isEqualTo("The operator '~' is not supported by the 'project' field.");
        assertThat(error("key = DEMO-99")).isEqualTo("An issue with key 'DEMO-99' does not exist for field 'key'.");
        assertThat(error("updated > yesterday")).startsWith("Date value 'yesterday' for field 'updated' is invalid.");
        assertThat(error("project = DEMO ORDER BY labels")).isEqualTo("Field 'labels' does not support sorting.");
    }

    @Test
    void everyProblemOfAQueryIsReported() {
        JiraHttp.Reply reply = search("project = NOPE AND status = Open");

        assertThat(toList(reply.json().path("errorMessages"))).containsExactly(
                "The value 'NOPE' does not exist for the field 'project'.",
                "The value 'Open' does not exist for the field 'status'.");
    }

    @Test
    void dataCenterSearchUnderstandsTheSameJql() {
        try (JiraSimulator dc = JiraSimulator.builder().flavour(JiraSimulator.Flavour.DATA_CENTER).start()) {
            dc.state().seedIssues("OPS", 3);
            JiraHttp dcHttp = JiraHttp.defaultUser(dc);

            JsonNode page = dcHttp.get("/rest/api/2/search?jql="
                    + URLEncoder.encode("project = OPS AND key >= OPS-2 ORDER BY key DESC", StandardCharsets.UTF_8))
                    .json();
            JiraHttp.Reply bad = dcHttp.get("/rest/api/2/search?jql=project%20foo");

            assertThat(Site.keys(page)).containsExactly("OPS-3", "OPS-2");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().path("errorMessages").get(0).asText()).contains("Expecting operator but got 'foo'");
            dc.assertNoContractViolations();
        }
    }
}
