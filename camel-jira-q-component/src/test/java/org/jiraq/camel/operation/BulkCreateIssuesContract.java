package org.jiraq.camel.operation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import org.apache.camel.Exchange;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.JiraqException;
import org.jiraq.camel.JiraqHttpException;
import org.jiraq.camel.JiraqTestSupport;
import org.jiraq.camel.client.Json;
import org.jiraq.simulator.JiraSimulator;
import org.jiraq.simulator.RecordedRequest;
import org.jiraq.simulator.model.Adf;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** bulkCreateIssues, run once per flavour by the subclasses. */
@SuppressWarnings("unchecked")
abstract class BulkCreateIssuesContract extends JiraqTestSupport {

    private FirstAnswersLost lostAnswers;

    @Override
    protected JiraSimulator.Builder simulator() {
        lostAnswers = new FirstAnswersLost("POST", flavour().restRoot() + "/issue/bulk");
        return super.simulator().feature(lostAnswers);
    }

    private String bulkPath() {
        return flavour().restRoot() + "/issue/bulk";
    }

    private static Map<String, Object> good(int i) {
        return Map.of("fields", Map.of("project", Map.of("key", "DEMO"), "issuetype", Map.of("name", "Task"),
                "summary", "Item " + i));
    }

    /** Fails in Jira: no summary. */
    private static Map<String, Object> bad(int i) {
        return Map.of("fields", Map.of("project", Map.of("key", "DEMO"), "issuetype", Map.of("name", "Task"),
                "labels", List.of("item-" + i)));
    }

    private static List<Object> items(int count, Set<Integer> badOnes) {
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(badOnes.contains(i) ? bad(i) : good(i));
        }
        return items;
    }

    private List<Map<String, Object>> results(Exchange exchange) {
        assertThat(exchange.getException()).isNull();
        return exchange.getMessage().getBody(List.class);
    }

    @Test
    void everyOutcomeLandsAtItsInputPositionAcrossChunkBoundaries() {
        Set<Integer> badOnes = Set.of(7, 50, 51, 119);

        Exchange exchange = template.request("jiraq:bulkCreateIssues", e -> e.getMessage().setBody(items(120, badOnes)));

        List<Map<String, Object>> results = results(exchange);
        assertThat(results).hasSize(120);
        for (int i = 0; i < 120; i++) {
            Map<String, Object> result = results.get(i);
            assertThat(result.get("index")).isEqualTo(i);
            if (badOnes.contains(i)) {
                assertThat(result).containsEntry("created", false).containsEntry("status", 400);
                assertThat((Map<String, Object>) result.get("errors"))
                        .containsEntry("summary", "You must specify a summary of the issue.");
            } else {
                assertThat(result).containsEntry("created", true);
                assertThat(sim.state().issue((String) result.get("key")).summary()).isEqualTo("Item " + i);
            }
        }
        assertThat(exchange.getMessage().getHeader(JiraqConstants.FAILED_COUNT)).isEqualTo(4);
        assertThat(exchange.getMessage().getHeader(JiraqConstants.RESULT_COUNT)).isEqualTo(120);
        assertThat(sim.state().issueCount()).isEqualTo(116);
        assertThat(sim.requests("POST", bulkPath()).stream()
                .map(r -> Json.toNode(r.body()).path("issueUpdates").size())).containsExactly(50, 50, 20);
    }

    @Test
    void aChunkWhereEveryItemFailsStillReportsEachItemAndTheOthersAreCreated() {
        Set<Integer> badOnes = new java.util.HashSet<>();
        for (int i = 0; i < 50; i++) {
            badOnes.add(i);
        }

        List<Map<String, Object>> results = results(template.request("jiraq:bulkCreateIssues",
                e -> e.getMessage().setBody(items(60, badOnes))));

        assertThat(results.subList(0, 50)).allSatisfy(r -> assertThat(r)
                .containsEntry("created", false).containsEntry("status", 400));
        assertThat(results.subList(50, 60)).allSatisfy(r -> assertThat(r).containsEntry("created", true));
        assertThat(sim.state().issueCount()).isEqualTo(10);
    }

    @Test
    void whenEveryItemFailsEachGetsJirasErrorAndNothingIsThrown() {
        Exchange exchange = template.request("jiraq:bulkCreateIssues", e -> e.getMessage().setBody(
                List.of(bad(0), Map.of("fields", Map.of("project", Map.of("key", "NOPE"), "issuetype",
                        Map.of("name", "Task"), "summary", "No such project")))));

        List<Map<String, Object>> results = results(exchange);
        assertThat((Map<String, Object>) results.get(0).get("errors")).containsKey("summary");
        assertThat((Map<String, Object>) results.get(1).get("errors")).containsEntry("project", "valid project is required");
        assertThat(exchange.getMessage().getHeader(JiraqConstants.FAILED_COUNT)).isEqualTo(2);
    }

    @Test
    void itemsThatAreNotIssuesAreReportedWithoutBeingSent() {
        List<Object> items = new ArrayList<>();
        items.add("not JSON at all");
        items.add(42);
        items.add(good(2));
        items.add(Map.of());
        items.add("{\"fields\":{\"project\":{\"key\":\"OPS\"},\"issuetype\":{\"name\":\"Bug\"},\"summary\":\"As text\"}}");

        List<Map<String, Object>> results = results(template.request("jiraq:bulkCreateIssues",
                e -> e.getMessage().setBody(items)));

        assertThat(results.get(0)).containsEntry("created", false)
                .containsEntry("errorMessages", List.of("Item 0: not a JSON object of issue fields"));
        assertThat(results.get(1).get("errorMessages")).isEqualTo(List.of("Item 1: not a JSON object of issue fields"));
        assertThat(results.get(3).get("errorMessages")).isEqualTo(List.of("Item 3: bulkCreateIssues reads each item only"
                + " in Jira's shape {\"fields\":{...}} (with \"update\" if needed), but got a"
                + " java.util.ImmutableCollections$MapN with keys []. Put the item's fields in {\"fields\":{...}}, or set"
                + " option bodyAsFields=true to read these keys as Jira field ids"));
        assertThat(results.get(2)).containsEntry("created", true);
        assertThat(results.get(4)).containsEntry("created", true);
        assertThat(Json.toNode(sim.requests("POST", bulkPath()).get(0).body()).path("issueUpdates").size()).isEqualTo(2);
    }

    @Test
    void jsonArrayAndJirasOwnShapeAreAcceptedAndFlatFieldMapsWorkWithBodyAsFields() {
        String array = "[{\"project\":{\"key\":\"OPS\"},\"issuetype\":{\"name\":\"Task\"},\"summary\":\"Flat\"}]";
        String jira = "{\"issueUpdates\":[{\"fields\":{\"project\":{\"key\":\"OPS\"},\"issuetype\":{\"name\":\"Task\"},"
                      + "\"summary\":\"Shaped\"}}]}";

        List<Map<String, Object>> first = results(template.request("jiraq:bulkCreateIssues?bodyAsFields=true",
                e -> e.getMessage().setBody(array)));
        List<Map<String, Object>> second = results(template.request("jiraq:bulkCreateIssues", e -> e.getMessage().setBody(jira)));

        assertThat(sim.state().issue((String) first.get(0).get("key")).summary()).isEqualTo("Flat");
        assertThat(sim.state().issue((String) second.get(0).get("key")).summary()).isEqualTo("Shaped");
    }

    @Test
    void descriptionsGetCreateIssuesRichTextHandling() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("project", Map.of("key", "DEMO"));
        fields.put("issuetype", Map.of("name", "Task"));
        fields.put("summary", "Rich");
        fields.put("description", "Some **bold** text");

        String key = (String) results(template.request("jiraq:bulkCreateIssues",
                e -> e.getMessage().setBody(List.of(Map.of("fields", fields))))).get(0).get("key");

        JsonNode description = sim.state().issue(key).description();
        if (flavour() == JiraSimulator.Flavour.CLOUD) {
            assertThat(Adf.isDocument(description)).isTrue();
            assertThat(description.toString()).contains("\"strong\"");
        } else {
            assertThat(description.asText()).isEqualTo("Some **bold** text");
        }
    }

    @Test
    void aChunkWhoseAnswerWasLostWhileTheSearchIndexLagsIsFoundNotCreatedAgain() {
        sim.state().searchLag(Duration.ofSeconds(30));
        lostAnswers.loseNext(1);

        Exchange exchange = template.request("jiraq:bulkCreateIssues", e -> e.getMessage().setBody(items(60, Set.of())));

        List<Map<String, Object>> results = results(exchange);
        assertThat(results.subList(0, 50)).allSatisfy(r -> assertThat(r).containsEntry("created", true)
                .containsEntry("existing", true));
        assertThat(results.subList(50, 60)).allSatisfy(r -> assertThat(r).containsEntry("created", true)
                .containsEntry("existing", false));
        assertThat(results).extracting(r -> r.get("key")).doesNotHaveDuplicates();
        assertThat(sim.state().issues()).extracting(issue -> issue.property("jiraq.idempotency").path("key").asText())
                .doesNotHaveDuplicates().hasSize(60);
        assertThat(sim.requests("POST", bulkPath()).stream()
                .map(r -> Json.toNode(r.body()).path("issueUpdates").size())).containsExactly(50, 10);
    }

    @Test
    void aChunkThatKeepsFailingIsLookedUpResentOnlyAsNeededAndReportedForItsItems() {
        sim.wireMock().stubFor(post(urlPathEqualTo(bulkPath())).atPriority(1)
                .withRequestBody(containing("\"Item 55\""))
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody("{\"errorMessages\":[\"Internal server error\"],\"errors\":{}}")));

        Exchange exchange = template.request("jiraq:bulkCreateIssues?maxRetries=2",
                e -> e.getMessage().setBody(items(60, Set.of())));

        List<Map<String, Object>> results = results(exchange);
        assertThat(results.subList(0, 50)).allSatisfy(r -> assertThat(r).containsEntry("created", true));
        assertThat(results.subList(50, 60)).allSatisfy(r -> {
            assertThat(r).containsEntry("created", false).containsEntry("status", 500);
            assertThat(r.get("errorMessages").toString()).contains("Internal server error");
        });
        assertThat(sim.requests("POST", bulkPath())).as("chunk 2 was looked up before each resend").hasSize(4);
        assertThat(sim.state().issueCount()).isEqualTo(50);
        assertThat(exchange.getMessage().getHeader(JiraqConstants.OUTCOME_UNKNOWN_SINCE)).isNull();
    }

    @Test
    void aLostChunkThatCannotBeLookedUpFailsTheExchangeAndItsRedeliverySendsOnlyWhatIsMissing() {
        sim.state().searchLag(Duration.ofSeconds(30));
        lostAnswers.loseNext(1);
        StubMapping readsFail = sim.wireMock().stubFor(get(urlPathMatching(flavour().restRoot() + "/issue/DEMO-[0-9]+"))
                .atPriority(1).willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                        .withBody("{\"errorMessages\":[\"Service unavailable\"],\"errors\":{}}")));

        Exchange failed = template.request("jiraq:bulkCreateIssues?maxRetries=1", e -> {
            e.getMessage().setHeader(JiraqConstants.IDEMPOTENCY_KEY, "import-7");
            e.getMessage().setBody(items(60, Set.of()));
        });

        JiraqException failure = JiraqException.of(failed.getException());
        assertThat(failure.isOutcomeUnknown()).isTrue();
        assertThat(failure.isRetryable()).isTrue();
        assertThat(failed.getMessage().getHeader(JiraqConstants.OUTCOME_UNKNOWN_SINCE, Long.class)).isPositive();
        assertThat(sim.state().issueCount()).isEqualTo(50);

        sim.wireMock().removeStub(readsFail);
        Exchange redelivered = template.request("jiraq:bulkCreateIssues", e -> {
            e.getMessage().setHeaders(new java.util.HashMap<>(failed.getMessage().getHeaders()));
            e.getMessage().setBody(items(60, Set.of()));
        });

        List<Map<String, Object>> results = results(redelivered);
        assertThat(results.subList(0, 50)).allSatisfy(r -> assertThat(r).containsEntry("existing", true));
        assertThat(results.subList(50, 60)).allSatisfy(r -> assertThat(r).containsEntry("created", true)
                .containsEntry("existing", false));
        assertThat(sim.state().issues()).extracting(issue -> issue.property("jiraq.idempotency").path("key").asText())
                .containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.range(0, 60)
                        .mapToObj(i -> "import-7#" + i).toList());
        assertThat(sim.requests("POST", bulkPath()).stream()
                .map(r -> Json.toNode(r.body()).path("issueUpdates").size())).containsExactly(50, 10);
        assertThat(redelivered.getMessage().getHeader(JiraqConstants.OUTCOME_UNKNOWN_SINCE)).isNull();
    }

    @Test
    void withoutIdempotentCreateALostChunkIsReportedForItsItemsAndNeverResent() {
        lostAnswers.loseNext(1);

        Exchange exchange = template.request("jiraq:bulkCreateIssues?idempotentCreate=false",
                e -> e.getMessage().setBody(items(60, Set.of())));

        List<Map<String, Object>> results = results(exchange);
        assertThat(results.subList(0, 50)).allSatisfy(r -> assertThat(r).containsEntry("created", false));
        assertThat(results.subList(50, 60)).allSatisfy(r -> assertThat(r).containsEntry("created", true));
        assertThat(sim.requests("POST", bulkPath())).as("a POST that may have reached Jira is not resent").hasSize(2);
    }

    @Test
    void aWholeFailureWithNothingCreatedFailsTheExchange() {
        sim.wireMock().stubFor(post(urlPathEqualTo(bulkPath())).atPriority(1)
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                        .withBody("{\"errorMessages\":[\"You do not have permission to create issues.\"],\"errors\":{}}")));

        assertThatThrownBy(() -> template.requestBody("jiraq:bulkCreateIssues", items(3, Set.of())))
                .cause().isInstanceOf(JiraqHttpException.class)
                .hasMessageContaining("403")
                .hasMessageContaining("You do not have permission to create issues.");
    }

    @Test
    void aBodyThatIsNoListNamesWhatIsExpected() {
        assertThatThrownBy(() -> template.requestBody("jiraq:bulkCreateIssues", "just text"))
                .cause().isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("bulkCreateIssues needs a List of issues as the body");
    }
}
