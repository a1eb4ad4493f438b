package org.jiraq.simulator.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jiraq.simulator.JiraHttp;
import org.jiraq.simulator.JiraSimulator;
import org.junit.jupiter.api.Test;

class ContractValidationTest {

    @Test
    void requestBreakingTheContractIsRefusedWith400AndRecorded() {
        try (JiraSimulator sim = JiraSimulator.builder().flavour(JiraSimulator.Flavour.CLOUD).start()) {
            JiraHttp.Reply reply = JiraHttp.defaultUser(sim).post("/rest/api/3/issue", "{\"fields\":\"not-an-object\"}");

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.json().path("errorMessages").get(0).asText())
                    .startsWith("Simulator: request violates the Jira OpenAPI contract: ")
                    .contains("/fields");
            assertThat(reply.json().path("errors").isObject()).isTrue();
            assertThat(sim.contractViolations()).singleElement().asString()
                    .startsWith("POST /rest/api/3/issue request: ");
            assertThat(sim.state().issueCount()).isZero();
        }
    }

    @Test
    void unexpectedQueryParameterIsAViolation() {
        try (JiraSimulator sim = JiraSimulator.builder().flavour(JiraSimulator.Flavour.DATA_CENTER).start()) {
            JiraHttp.Reply reply = JiraHttp.defaultUser(sim).get("/rest/api/2/myself?colour=blue");

            assertThat(reply.status()).isEqualTo(400);
            assertThat(sim.contractViolations()).singleElement().asString()
                    .contains("colour").contains("validation.request.parameter.query.unexpected");
        }
    }

    @Test
    void withoutRejectionAViolatingRequestIsServedButStillRecorded() {
        try (JiraSimulator sim = JiraSimulator.builder().validateContract(false).start()) {
            JiraHttp.Reply reply = JiraHttp.defaultUser(sim).get("/rest/api/3/myself?colour=blue");

            assertThat(reply.status()).isEqualTo(200);
            assertThat(sim.contractViolations()).hasSize(1);
            assertThatThrownBy(sim::assertNoContractViolations).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("GET /rest/api/3/myself request");
        }
    }

    @Test
    void pathMissingFromTheDocumentIsAViolation() {
        try (JiraSimulator sim = JiraSimulator.builder().start()) {
            JiraHttp.Reply reply = JiraHttp.defaultUser(sim).get("/rest/api/3/no-such-resource");

            assertThat(reply.status()).isEqualTo(400);
            assertThat(sim.contractViolations()).singleElement().asString().contains("No API path found");
        }
    }

    @Test
    void documentedOperationTheSimulatorDoesNotServeAnswers404() {
        try (JiraSimulator sim = JiraSimulator.builder().start()) {
            JiraHttp.Reply reply = JiraHttp.defaultUser(sim).get("/rest/api/3/dashboard");

            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.json().path("errorMessages").get(0).asText())
                    .isEqualTo("The simulator does not serve GET /rest/api/3/dashboard.");
            sim.assertNoContractViolations();
        }
    }

    @Test
    void responsesOfStubsAddedDirectlyInWireMockAreCheckedToo() {
        try (JiraSimulator sim = JiraSimulator.builder().start()) {
            sim.wireMock().stubFor(get(urlPathEqualTo("/rest/api/3/myself")).atPriority(1)
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                            .withBody("{\"accountId\":42}")));

            JiraHttp.defaultUser(sim).get("/rest/api/3/myself");

            assertThat(sim.contractViolations()).singleElement().asString()
                    .startsWith("GET /rest/api/3/myself response 200: ").contains("accountId");
        }
    }

    @Test
    void checkingCanBeTurnedOffAltogether() {
        try (JiraSimulator sim = JiraSimulator.builder().checkContract(false).start()) {
            JiraHttp.Reply reply = JiraHttp.defaultUser(sim).get("/rest/api/3/myself?colour=blue");

            assertThat(reply.status()).isEqualTo(200);
            assertThat(sim.contractViolations()).isEmpty();
        }
    }
}
