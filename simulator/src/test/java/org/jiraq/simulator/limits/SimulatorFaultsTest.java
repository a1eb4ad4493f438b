package org.jiraq.simulator.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.time.Duration;
import org.jiraq.simulator.JiraHttp;
import org.jiraq.simulator.JiraSimulator;
import org.jiraq.simulator.model.Issue;
import org.junit.jupiter.api.Test;

class SimulatorFaultsTest {

    @Test
    void lostAnswerCreatesTheIssueThenResetsTheConnection() {
        SimulatorFaults faults = SimulatorFaults.seeded(1).lostAnswers("POST", "/rest/api/3/issue", 1.0);
        try (JiraSimulator sim = JiraSimulator.builder().feature(faults).start()) {
            JiraHttp http = JiraHttp.defaultUser(sim);

            assertThatThrownBy(() -> http.post("/rest/api/3/issue", JiraHttp.createBody("DEMO", "Task", "lost")))
                    .isInstanceOf(UncheckedIOException.class);

            assertThat(sim.state().issues()).extracting(Issue::summary).containsExactly("lost");
            assertThat(faults.count(SimulatorFaults.Kind.LOST_ANSWER)).isEqualTo(1);
            assertThat(http.get("/rest/api/3/project/DEMO").status()).isEqualTo(200);
        }
    }

    @Test
    void resetBeforeHandlingCreatesNothing() {
        SimulatorFaults faults = SimulatorFaults.seeded(1).connectionResets(1.0);
        try (JiraSimulator sim = JiraSimulator.builder().feature(faults).start()) {
            JiraHttp http = JiraHttp.defaultUser(sim);

            assertThatThrownBy(() -> http.post("/rest/api/3/issue", JiraHttp.createBody("DEMO", "Task", "never")))
                    .isInstanceOf(UncheckedIOException.class);

            assertThat(sim.state().issueCount()).isZero();
            assertThat(faults.count(SimulatorFaults.Kind.RESET)).isEqualTo(1);
        }
    }

    @Test
    void slowAnswerArrivesAfterTheDelayWithTheWorkDone() {
        SimulatorFaults faults = SimulatorFaults.seeded(1).slowAnswers(1.0, Duration.ofMillis(400));
        try (JiraSimulator sim = JiraSimulator.builder().feature(faults).start()) {
            JiraHttp http = JiraHttp.defaultUser(sim);
            long start = System.nanoTime();

            JiraHttp.Reply reply = http.post("/rest/api/3/issue", JiraHttp.createBody("DEMO", "Task", "slow"));

            assertThat(reply.status()).isEqualTo(201);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
            assertThat(sim.state().issueCount()).isEqualTo(1);
        }
    }

    @Test
    void serverErrorBurstFailsConsecutiveRequestsWithoutHandlingThem() {
        SimulatorFaults faults = SimulatorFaults.seeded(7).serverErrorBursts(1.0, 3);
        try (JiraSimulator sim = JiraSimulator.builder().feature(faults).start()) {
            JiraHttp http = JiraHttp.defaultUser(sim);
            for (int i = 0; i < 3; i++) {
                JiraHttp.Reply reply = http.post("/rest/api/3/issue", JiraHttp.createBody("DEMO", "Task", "x"));
                assertThat(reply.status()).isIn(500, 502, 503, 504);
                assertThat(reply.json().path("errorMessages").get(0).asText()).isEqualTo("Simulated server error.");
            }

            faults.enabled(false);
            assertThat(http.post("/rest/api/3/issue", JiraHttp.createBody("DEMO", "Task", "x")).status()).isEqualTo(201);
            assertThat(sim.state().issueCount()).isEqualTo(1);
            assertThat(faults.count(SimulatorFaults.Kind.SERVER_ERROR)).isEqualTo(3);
            sim.assertNoContractViolations();
        }
    }

    @Test
    void rateLimitStormAnswers429WithRetryAfterAndReason() {
        SimulatorFaults faults = SimulatorFaults.seeded(7).rateLimitStorms(1.0, 2, Duration.ofSeconds(1));
        try (JiraSimulator sim = JiraSimulator.builder().feature(faults).start()) {
            JiraHttp.Reply reply = JiraHttp.defaultUser(sim).get("/rest/api/3/project/DEMO");

            assertThat(reply.status()).isEqualTo(429);
            assertThat(reply.header("Retry-After")).isEqualTo("1");
            assertThat(reply.header("RateLimit-Reason")).isEqualTo("jira-burst-based");
        }
    }
}
