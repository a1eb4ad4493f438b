package org.jiraq.camel.auth.oauth2;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.builder.RouteBuilder;
import org.jiraq.camel.JiraqComponent;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.spi.AccountRegistry;
import org.jiraq.camel.spi.GdprStore;
import org.jiraq.camel.spi.OAuth2Grant;
import org.jiraq.simulator.JiraSimulator;
import org.jiraq.simulator.RecordedRequest;
import org.jiraq.simulator.privacy.PersonalDataReporting;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole personal data reporting cycle (jiraq:gdpr) on a user's OAuth 2.0 grant, as a 3LO app runs it: every
 * registered account reported to the gateway with the grant's bearer token, closed accounts erased and updated ones
 * refreshed by the route, and the grant's token refreshed (and its refresh token rotated) when it nears expiry
 * during the cycle.
 */
class OAuth2GdprCycleTest extends OAuth2TestSupport {

    private final PersonalDataReporting reporting = new PersonalDataReporting();
    private final Map<String, String> handled = new ConcurrentHashMap<>();

    @Override
    protected JiraSimulator.Builder simulator() {
        return super.simulator().feature(reporting);
    }

    @Override
    protected boolean connectsOnAnotherReplica() {
        return true; // the token near expiry is set in the store, where the cycle's connection finds it
    }

    @Test
    void aCycleOnAUsersGrantReportsEveryAccountAndActsOnWhatAtlassianSays() throws Exception {
        connect("default");
        OAuth2Grant connected = tokenStore().load("default").orElseThrow();
        tokenStore().save("default", new OAuth2Grant(connected.accessToken(), Instant.now().plusSeconds(30),
                connected.refreshToken(), connected.scopes(), connected.cloudId(), connected.siteUrl(), false));
        AccountRegistry registry = context.getComponent("jiraq", JiraqComponent.class).getAccountRegistry();
        Instant fetched = Instant.now().minus(Duration.ofDays(2));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ids.add(String.format("acct-%03d", i));
            registry.record(ids.get(i), fetched);
        }
        reporting.closed("acct-007", "acct-150").updated(fetched.plus(Duration.ofHours(1)), "acct-042");

        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("jiraq:gdpr?scheduler.cron=*+*+*+*+*+?").process(exchange -> handled.put(
                        exchange.getMessage().getHeader(JiraqConstants.ACCOUNT_ID, String.class),
                        exchange.getMessage().getHeader(JiraqConstants.ACCOUNT_STATUS, String.class)));
            }
        });
        GdprStore store = (GdprStore) registry;
        await().atMost(Duration.ofSeconds(60)).until(() -> !store.cycleState().inProgress()
                                                            && store.cycleState().nextDueAt() != null);

        assertThat(reporting.reportedAccountIds()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(reporting.calls()).hasSize(3).allMatch(call -> call.accountIds().size() <= 90);
        assertThat(handled).containsOnly(Map.entry("acct-007", "closed"), Map.entry("acct-150", "closed"),
                Map.entry("acct-042", "updated"));
        assertThat(registry.updatedAt("acct-007")).as("erased").isEmpty();
        List<RecordedRequest> reports = sim.requests("POST", PersonalDataReporting.PATH);
        assertThat(reports).allSatisfy(r -> assertThat(r.header("Authorization")).startsWith("Bearer sim-oauth2-at-"));
        assertThat(oauth.tokenRequests("refresh_token")).as("the token near expiry was refreshed once").isEqualTo(1);
        assertThat(tokenStore().load("default").orElseThrow().refreshToken()).isNotEqualTo(connected.refreshToken());
        assertThat(oauth.refusedAccessTokens()).isZero();
    }
}
