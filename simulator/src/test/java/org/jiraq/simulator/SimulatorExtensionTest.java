package org.jiraq.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jiraq.simulator.auth.PersonalAccessTokenAuth;
import org.jiraq.simulator.auth.SimulatorAuth;
import org.jiraq.simulator.http.ApiResponse;
import org.jiraq.simulator.http.Interceptor;
import org.jiraq.simulator.http.Json;
import org.jiraq.simulator.model.SimulatorUser;
import org.junit.jupiter.api.Test;

/** How later features plug in: their own routes (exempt from the contract), interceptors and auth schemes. */
class SimulatorExtensionTest {

    /** A stand-in for a later feature such as OAuth: a token endpoint outside the OpenAPI documents. */
    private static final class TokenFeature implements SimulatorFeature {

        @Override
        public void register(SimulatorContext context) {
            context.route("POST", "/oauth/token", request -> ApiResponse.ok(Json.object()
                    .put("access_token", "issued-token"))).contractExempt().anonymous();
            context.route("GET", "/rest/api/3/simulator-only/{name}", request -> ApiResponse.ok(Json.object()
                    .put("name", request.pathParam("name")))).contractExempt();
            context.authentication(request -> "issued-token".equals(PersonalAccessTokenAuth.bearerToken(request))
                    ? SimulatorAuth.Result.authenticated(SimulatorUser.ofEmail("app@example.com"))
                    : SimulatorAuth.Result.abstain());
        }
    }

    /** A stand-in for rate limiting: every third call to the issue endpoint answers 429. */
    private static final class EveryThirdCallLimited implements SimulatorFeature {

        private final AtomicInteger calls = new AtomicInteger();

        @Override
        public void register(SimulatorContext context) {
            context.interceptor(Interceptor.ORDER_AUTHENTICATION + 100, (request, next) ->
                    request.path().startsWith("/rest/api/3/issue") && calls.incrementAndGet() % 3 == 0
                            ? ApiResponse.error(429, "Rate limit exceeded.").withHeader("Retry-After", "1")
                            : next.proceed(request));
        }
    }

    @Test
    void featureRoutesAndAuthSchemesJoinTheSimulator() {
        try (JiraSimulator sim = JiraSimulator.builder().feature(new TokenFeature()).start()) {
            JiraHttp.Reply token = JiraHttp.anonymous(sim).post("/oauth/token", "{}");
            JiraHttp.Reply own = JiraHttp.defaultUser(sim).get("/rest/api/3/simulator-only/abc");
            JiraHttp.Reply me = JiraHttp.bearer(sim, token.json().path("access_token").asText())
                    .get("/rest/api/3/myself");

            assertThat(token.status()).isEqualTo(200);
            assertThat(own.json().path("name").asText()).isEqualTo("abc");
            assertThat(me.json().path("emailAddress").asText()).isEqualTo("app@example.com");
            sim.assertNoContractViolations();
        }
    }

    @Test
    void interceptorsCanAnswerInsteadOfTheRoute() {
        try (JiraSimulator sim = JiraSimulator.builder().feature(new EveryThirdCallLimited()).start()) {
            sim.state().createIssue("DEMO", "Task", "s");
            JiraHttp http = JiraHttp.defaultUser(sim);

            List<Integer> statuses = List.of(http.get("/rest/api/3/issue/DEMO-1").status(),
                    http.get("/rest/api/3/issue/DEMO-1").status(), http.get("/rest/api/3/issue/DEMO-1").status());
            JiraHttp.Reply anonymous = JiraHttp.anonymous(sim).get("/rest/api/3/issue/DEMO-1");

            assertThat(statuses).containsExactly(200, 200, 429);
            assertThat(anonymous.status()).as("authentication runs first").isEqualTo(401);
        }
    }

    @Test
    void recordedRequestsAreListedOldestFirst() {
        try (JiraSimulator sim = JiraSimulator.builder().start()) {
            JiraHttp http = JiraHttp.defaultUser(sim);
            http.post("/rest/api/3/issue", JiraHttp.createBody("DEMO", "Task", "first"));
            http.get("/rest/api/3/issue/DEMO-1?fields=summary");
            http.get("/rest/api/3/myself");

            List<RecordedRequest> issueCalls = sim.requests(null, "/rest/api/3/issue");
            List<RecordedRequest> gets = sim.requests("GET", "/rest/api/3/issue");

            assertThat(issueCalls).extracting(RecordedRequest::method).containsExactly("POST", "GET");
            assertThat(issueCalls.get(0).body()).contains("first");
            assertThat(issueCalls.get(0).header("content-type")).isEqualTo("application/json");
            assertThat(gets).singleElement().satisfies(r -> {
                assertThat(r.path()).isEqualTo("/rest/api/3/issue/DEMO-1");
                assertThat(r.queryParam("fields")).isEqualTo("summary");
            });
        }
    }
}
