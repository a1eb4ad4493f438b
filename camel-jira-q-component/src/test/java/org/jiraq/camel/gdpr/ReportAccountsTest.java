package org.jiraq.camel.gdpr;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.jiraq.camel.JiraqConfiguration;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.simulator.privacy.PersonalDataReporting;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportAccountsTest extends GdprTestSupport {

    private static final String ACTIVE = "5be24ad8b1653240376955d2";
    private static final String CLOSED = "5be24ba3f91c106033269289";
    private static final Instant FETCHED = Instant.parse("2026-11-01T10:00:00Z");

    @Test
    void reportsMapsAndAnswersTheAccountsNeedingActionWithTheCyclePeriod() {
        String changed = "557058:f58131cb-b67d-43c7-b30d-6b58d40bd077";
        reporting.closed(CLOSED).updated(FETCHED.plusSeconds(1), changed).cyclePeriod("P7D");

        Exchange out = template.request("jiraq:reportAccounts", e -> e.getMessage().setBody(List.of(
                Map.of("accountId", ACTIVE, "updatedAt", FETCHED),
                Map.of("accountId", CLOSED, "updatedAt", "2026-11-01T10:00:00.000Z"),
                Map.of("accountId", changed, "updatedAt", FETCHED.atOffset(java.time.ZoneOffset.ofHours(2))))));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(List.class)).containsExactly(
                Map.of("accountId", CLOSED, "status", "closed"), Map.of("accountId", changed, "status", "updated"));
        assertThat(out.getMessage().getHeader(JiraqConstants.CYCLE_PERIOD)).isEqualTo(Duration.ofDays(7));
        assertThat(out.getMessage().getHeader(JiraqConstants.RESULT_COUNT)).isEqualTo(2);
        assertThat(sim.requests("POST", PersonalDataReporting.PATH)).singleElement()
                .satisfies(request -> assertThat(request.body()).contains("\"updatedAt\":\"2026-11-01T10:00:00Z\""));
    }

    @Test
    void bareIdsTakeTheirUpdatedAtFromTheRegistryAndNothingToDoIsAnEmptyList() throws Exception {
        store.record(ACTIVE, FETCHED);

        List<Object> result = template.requestBody("jiraq:reportAccounts", List.of(ACTIVE, "unknown"), List.class);

        assertThat(result).isEmpty();
        assertThat(reporting.reportedAccountIds()).as("unknown is never reported").containsExactly(ACTIVE);
        assertThat(sim.requests("POST", PersonalDataReporting.PATH).get(0).body()).contains(FETCHED.toString());
    }

    @Test
    void acceptsAJsonBody() {
        reporting.closed(CLOSED);

        List<Object> result = template.requestBody("jiraq:reportAccounts",
                "[{\"accountId\":\"" + CLOSED + "\",\"updatedAt\":\"2026-11-01T10:00:00Z\"}]", List.class);

        assertThat(result).containsExactly(Map.of("accountId", CLOSED, "status", "closed"));
    }

    @Test
    void refusesMoreThanNinetyAccountsBeforeCalling() {
        List<Map<String, Object>> accounts = IntStream.range(0, 91)
                .mapToObj(i -> Map.<String, Object>of("accountId", "account-" + i, "updatedAt", FETCHED)).toList();

        assertThatThrownBy(() -> template.requestBody("jiraq:reportAccounts", accounts))
                .isInstanceOf(CamelExecutionException.class).cause()
                .hasMessageContaining("at most 90 accounts a call, the body lists 91");
        assertThat(reporting.calls()).isEmpty();
    }

    @Test
    void namesWhatIsMissingFromABadBody() {
        assertThatThrownBy(() -> template.requestBody("jiraq:reportAccounts", List.of("never-recorded")))
                .cause().hasMessageContaining("account never-recorded is not in the account registry");
        assertThatThrownBy(() -> template.requestBody("jiraq:reportAccounts",
                List.of(Map.of("accountId", ACTIVE, "updatedAt", "last tuesday"))))
                .cause().hasMessageContaining("updatedAt of account " + ACTIVE + " must be an RFC 3339 date-time");
        assertThatThrownBy(() -> template.requestBody("jiraq:reportAccounts", 42))
                .cause().hasMessageContaining("needs a list of account ids");
        assertThat(reporting.calls()).isEmpty();
    }

    @Test
    void refusesAGatewayItsCredentialsWouldNotReach() {
        JiraqConfiguration config = context.getComponent("jiraq", org.jiraq.camel.JiraqComponent.class).getConfiguration();
        config.setApiGatewayUrl("https://api.atlassian.com");

        assertThatThrownBy(() -> template.requestBody("jiraq:reportAccounts", List.of(
                Map.of("accountId", ACTIVE, "updatedAt", FETCHED))))
                .cause().hasMessageContaining("Option 'apiGatewayUrl' is https://api.atlassian.com")
                .hasMessageContaining("authStrategy=oauth2");
    }
}
