package org.jiraq.camel.gdpr;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jiraq.camel.auth.oauth2.OAuth2TestSupport;
import org.jiraq.simulator.JiraSimulator;
import org.jiraq.simulator.RecordedRequest;
import org.jiraq.simulator.privacy.PersonalDataReporting;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The personal data reporting API as Atlassian serves it: on the gateway, for the app's OAuth 2.0 token. */
class ReportAccountsOAuth2Test extends OAuth2TestSupport {

    private static final String CLOSED = "5be24ba3f91c106033269289";

    private final PersonalDataReporting reporting = new PersonalDataReporting();

    @Override
    protected JiraSimulator.Builder simulator() {
        return super.simulator().feature(reporting);
    }

    @Test
    void reportsToTheGatewayWithTheAppsBearerTokenNotThroughTheSiteRoute() throws Exception {
        connect("default");
        reporting.closed(CLOSED);

        List<Object> result = template.requestBody("jiraq:reportAccounts",
                List.of(Map.of("accountId", CLOSED, "updatedAt", Instant.parse("2026-11-01T10:00:00Z"))), List.class);

        assertThat(result).containsExactly(Map.of("accountId", CLOSED, "status", "closed"));
        RecordedRequest report = sim.requests("POST", PersonalDataReporting.PATH).get(0);
        assertThat(report.header("Authorization")).startsWith("Bearer ");
        assertThat(tokenStore().load("default").orElseThrow().accessToken())
                .isEqualTo(report.header("Authorization").substring("Bearer ".length()));
        assertThat(sim.requests(null, "/ex/jira/")).as("not under /ex/jira/{cloudId}").isEmpty();
    }
}
