package org.jiraq.camel.gdpr;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.apache.camel.builder.RouteBuilder;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.spi.RegisteredAccount;
import org.jiraq.simulator.JiraSimulator;
import org.jiraq.simulator.model.SimulatorUser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JiraqAccountRecorderTest extends GdprTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:issue").to("jiraq:getIssue").process(new JiraqAccountRecorder());
                from("direct:record").bean(JiraqAccountRecorder.class);
            }
        };
    }

    @Test
    void recordsTheAccountsAnIssueCarries() throws Exception {
        String key = template.request("jiraq:createIssue", e -> {
            e.getMessage().setHeader(JiraqConstants.PROJECT_KEY, "DEMO");
            e.getMessage().setHeader(JiraqConstants.ISSUE_TYPE_NAME, "Task");
            e.getMessage().setHeader(JiraqConstants.SUMMARY, "Reported by alice");
        }).getMessage().getHeader(JiraqConstants.ISSUE_KEY, String.class);
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        template.requestBodyAndHeader("direct:issue", null, JiraqConstants.ISSUE_KEY, key);

        assertThat(store.accountsAfter(null, 10)).singleElement().satisfies(account -> {
            assertThat(account.accountId()).isEqualTo(SimulatorUser.ofEmail(JiraSimulator.DEFAULT_USER).accountId());
            assertThat(account.updatedAt()).isBetween(before, Instant.now().plusMillis(1));
        });
    }

    @Test
    void recordsTheHeaderIdsOrEveryAccountIdOfTheBodyButNeverUnknown() throws Exception {
        template.requestBodyAndHeader("direct:record", Map.of("accountId", "ignored-when-the-header-is-set"),
                JiraqConstants.ACCOUNT_ID, List.of("from-header-1", "from-header-2", "unknown", " "));
        template.requestBody("direct:record", List.of(
                Map.of("author", Map.of("accountId", "comment-author", "displayName", "Ann")),
                Map.of("fields", Map.of("assignee", Map.of("accountId", "unknown")))));
        template.requestBody("direct:record", "{\"reporter\":{\"accountId\":\"from-json\"}}");

        assertThat(store.accountsAfter(null, 10)).extracting(RegisteredAccount::accountId)
                .containsExactly("comment-author", "from-header-1", "from-header-2", "from-json");
    }

    @Test
    void aLaterRecordReplacesTheUpdatedAt() throws Exception {
        Instant first = Instant.now().minus(Duration.ofDays(1));
        store.record("acct", first);

        template.requestBodyAndHeader("direct:record", null, JiraqConstants.ACCOUNT_ID, "acct");

        assertThat(store.updatedAt("acct")).hasValueSatisfying(t -> assertThat(t).isAfter(first));
    }
}
