package org.jiraq.simulator.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.jiraq.simulator.JiraHttp;
import org.jiraq.simulator.JiraSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PersonalDataReportingTest {

    private static final String ACTIVE = "5be24ad8b1653240376955d2";
    private static final String CLOSED = "5be24ba3f91c106033269289";
    private static final Instant FETCHED = Instant.parse("2026-11-01T10:00:00Z");

    private final PersonalDataReporting reporting = new PersonalDataReporting();
    private JiraSimulator sim;

    private JiraHttp start() {
        sim = JiraSimulator.builder().feature(reporting).start();
        return JiraHttp.defaultUser(sim);
    }

    @AfterEach
    void stop() {
        sim.assertNoContractViolations();
        sim.close();
    }

    @Test
    void answersOnlyTheAccountsThatNeedActionWithTheCyclePeriod() {
        String changed = "account-changed";
        String unchanged = "account-unchanged";
        reporting.closed(CLOSED).updated(FETCHED.plusSeconds(60), changed).updated(FETCHED.minusSeconds(60), unchanged);
        JiraHttp http = start();

        JiraHttp.Reply reply = http.post(PersonalDataReporting.PATH, report(ACTIVE, CLOSED, changed, unchanged));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Cycle-Period")).isEqualTo("604800");
        assertThat(JiraHttp.MAPPER.convertValue(reply.json().path("accounts"), List.class)).containsExactly(
                Map.of("accountId", CLOSED, "status", "closed"), Map.of("accountId", changed, "status", "updated"));
        assertThat(reporting.reportedAccountIds()).containsExactly(ACTIVE, CLOSED, changed, unchanged);
    }

    @Test
    void answers204WhenNothingIsToBeDone() {
        JiraHttp http = start();

        JiraHttp.Reply reply = http.post(PersonalDataReporting.PATH, report(ACTIVE));

        assertThat(reply.status()).isEqualTo(204);
        assertThat(reply.raw().body()).isEmpty();
    }

    @Test
    void refusesMoreThanNinetyAccountsAndMalformedReports() {
        JiraHttp http = start();
        String[] ninetyOne = IntStream.range(0, 91).mapToObj(i -> "account-" + i).toArray(String[]::new);

        JiraHttp.Reply tooMany = http.post(PersonalDataReporting.PATH, report(ninetyOne));
        JiraHttp.Reply ninety = http.post(PersonalDataReporting.PATH, report(java.util.Arrays.copyOf(ninetyOne, 90)));
        JiraHttp.Reply empty = http.post(PersonalDataReporting.PATH, "{\"accounts\":[]}");
        JiraHttp.Reply noDate = http.post(PersonalDataReporting.PATH, "{\"accounts\":[{\"accountId\":\"a\"}]}");
        JiraHttp.Reply badDate = http.post(PersonalDataReporting.PATH,
                "{\"accounts\":[{\"accountId\":\"a\",\"updatedAt\":\"yesterday\"}]}");

        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().path("errorMessages").get(0).asText()).contains("At most 90 accounts");
        assertThat(ninety.status()).isEqualTo(204);
        assertThat(List.of(empty.status(), noDate.status(), badDate.status())).containsOnly(400);
        assertThat(reporting.calls()).extracting(PersonalDataReporting.Call::status)
                .containsExactly(400, 204, 400, 400, 400);
        assertThat(reporting.reportedAccountIds()).hasSize(90);
    }

    @Test
    void answers429WithRetryAfterOnTheChosenCall() {
        reporting.rateLimitCall(2, Duration.ofSeconds(3));
        JiraHttp http = start();

        JiraHttp.Reply first = http.post(PersonalDataReporting.PATH, report(ACTIVE));
        JiraHttp.Reply second = http.post(PersonalDataReporting.PATH, report(CLOSED));
        JiraHttp.Reply third = http.post(PersonalDataReporting.PATH, report(CLOSED));

        assertThat(List.of(first.status(), second.status(), third.status())).containsExactly(204, 429, 204);
        assertThat(second.header("Retry-After")).isEqualTo("3");
        assertThat(reporting.reportedAccountIds()).containsExactly(ACTIVE, CLOSED);
    }

    @Test
    void needsCredentialsAndTheTrailingSlash() {
        start();

        JiraHttp.Reply anonymous = JiraHttp.anonymous(sim).post(PersonalDataReporting.PATH, report(ACTIVE));
        JiraHttp.Reply noSlash = JiraHttp.defaultUser(sim).post("/app/report-accounts", report(ACTIVE));

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(noSlash.status()).isEqualTo(404);
        assertThat(reporting.calls()).isEmpty();
    }

    private static ObjectNode report(String... accountIds) {
        ObjectNode body = JiraHttp.MAPPER.createObjectNode();
        ArrayNode accounts = body.putArray("accounts");
        for (String accountId : accountIds) {
            accounts.addObject().put("accountId", accountId).put("updatedAt", FETCHED.toString());
        }
        return body;
    }
}
