package org.jiraq.camel.auth.oauth2;

import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheck;
import org.apache.logging.log4j.Level;
import org.jiraq.camel.JiraqComponent;
import org.jiraq.camel.JiraqConfiguration;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.JiraqEndpoint;
import org.jiraq.camel.JiraqHttpException;
import org.jiraq.camel.LogCapture;
import org.jiraq.simulator.JiraSimulator;
import org.jiraq.simulator.servicedesk.CustomerServiceManagement;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A grant that lacks a scope an operation needs, against the simulator's gateway, which refuses calls without the
 * scopes Atlassian's OpenAPI documents list (401 "scope does not match"): each endpoint warns once, naming itself and
 * the scope, as soon as the grant's scopes are known, and a refused call says which scope was missing.
 */
class OAuth2ScopesTest extends OAuth2TestSupport {

    private final CustomerServiceManagement csm = new CustomerServiceManagement(oauth.cloudId());

    @Override
    protected JiraSimulator.Builder simulator() {
        oauth.checkScopes();
        return super.simulator().feature(csm);
    }

    @Override
    protected void configure(JiraqConfiguration config) {
        super.configure(config);
        config.setScopes("read:jira-work"); // the user grants reading only
    }

    @Test
    void aCallRefusedForAMissingScopeNamesTheScopeAndRefreshesNothing() throws Exception {
        connect("default");

        Exchange created = createIssue(null);

        assertThat(created.getException()).isInstanceOf(JiraqHttpException.class)
                .hasMessageContaining("Unauthorized; scope does not match")
                .hasMessageContaining("the OAuth 2.0 grant of credentialId 'default' lacks scope write:jira-work")
                .hasMessageContaining("which createIssue needs; it holds read:jira-work");
        assertThat(((JiraqHttpException) created.getException()).getStatusCode()).isEqualTo(401);
        assertThat(oauth.tokenRequests("refresh_token")).as("a fresher token would be refused just the same").isZero();
    }

    @Test
    void anEndpointStartedAfterTheConsentWarnsOnceNamingItselfAndTheScope() throws Exception {
        connect("default");

        try (LogCapture log = LogCapture.start()) {
            Exchange first = template.request("jiraq:deleteIssue?deleteSubtasks=true",
                    e -> e.getMessage().setHeader(JiraqConstants.ISSUE_KEY, "DEMO-1"));
            template.request("jiraq:deleteIssue?deleteSubtasks=true",
                    e -> e.getMessage().setHeader(JiraqConstants.ISSUE_KEY, "DEMO-1"));
            Exchange search = template.request("jiraq:searchIssues", e -> e.getMessage().setBody("project = DEMO"));

            List<String> warnings = log.linesAt(Level.WARN).stream().filter(l -> l.contains("will be refused")).toList();
            assertThat(warnings).singleElement().asString().contains("jiraq://deleteIssue?deleteSubtasks=true")
                    .contains("lacks scope write:jira-work (or the granular delete:issue:jira)")
                    .contains("which deleteIssue needs");
            assertThat(first.getException()).isInstanceOf(JiraqHttpException.class);
            assertThat(search.getException()).as("reading is granted").isNull();
        }
    }

    @Test
    void anEndpointStartedBeforeTheConsentWarnsOnceTheFirstTokenAnswerSaysTheScopes() throws Exception {
        try (LogCapture log = LogCapture.start()) {
            createIssue(null); // started (and failed) before anyone connected: nothing known yet
            assertThat(log.text()).doesNotContain("will be refused");

            connect("default");
            createIssue(null);
            createIssue(null);

            assertThat(log.linesAt(Level.WARN).stream().filter(l -> l.contains("will be refused"))).singleElement()
                    .asString().contains("jiraq://createIssue").contains("lacks scope write:jira-work");
        }
    }

    @Test
    void aGrantWithTheScopesOfTheTableRunsTheOperation() throws Exception {
        context.getComponent("jiraq", JiraqComponent.class).getConfiguration()
                .setScopes("read:jira-work write:jira-work");
        connect("default");

        try (LogCapture log = LogCapture.start()) {
            assertThat(createIssue(null).getException()).isNull();
            assertThat(log.text()).doesNotContain("will be refused");
        }
        assertThat(oauth.tokenRequests("authorization_code")).isEqualTo(1);
    }

    @Test
    void customerServiceManagementEndpointsWarnAndFailNamingTheScopeOfTheirResource() throws Exception {
        context.getComponent("jiraq", JiraqComponent.class).getConfiguration()
                .setScopes("read:jira-work read:product:jira-service-management");
        connect("default");

        try (LogCapture log = LogCapture.start()) {
            Exchange listed = template.request("jiraq:csmList?csmResource=product", e -> { });
            Exchange created = template.request("jiraq:csmCreate?csmResource=product",
                    e -> e.getMessage().setBody(Map.of("name", "Gold support")));
            template.request("jiraq:csmGet?csmResource=customer",
                    e -> e.getMessage().setHeader(JiraqConstants.CSM_ID, "1"));

            assertThat(listed.getException()).isNull();
            assertThat(created.getException()).isInstanceOf(JiraqHttpException.class)
                    .hasMessageContaining("Unauthorized; scope does not match")
                    .hasMessageContaining("lacks scope write:product:jira-service-management, which csmCreate needs");
            List<String> warnings = log.linesAt(Level.WARN).stream().filter(l -> l.contains("will be refused")).toList();
            assertThat(warnings).as("csmList of products holds its scope").hasSize(2);
            assertThat(warnings).filteredOn(l -> l.contains("jiraq://csmCreate?csmResource=product")).singleElement()
                    .asString().contains("lacks scope write:product:jira-service-management,");
            assertThat(warnings).filteredOn(l -> l.contains("jiraq://csmGet?csmResource=customer")).singleElement()
                    .asString().contains("lacks scope read:customer:jira-service-management,")
                    .doesNotContain("organization");
        }
        assertThat(sim.requests("POST", csm.root() + "/product")).hasSize(1);
    }

    @Test
    void theHealthCheckOfAGrantWithoutTheScopeOfMyselfSaysWhichScopeToAdd() throws Exception {
        connect("default");
        assertThat(template.request("jiraq:searchIssues", e -> e.getMessage().setBody("project = DEMO")).getException())
                .as("the routes' own calls are granted").isNull();

        HealthCheck.Result down = health();

        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(down.getDetails()).containsEntry("http.response.code", 401);
        assertThat(down.getMessage()).hasValueSatisfying(m -> assertThat(m)
                .contains("lacks scope read:jira-user (or the granular ")
                .contains("which health check needs; it holds read:jira-work"));
    }

    @Test
    void theHealthCheckOfAGrantWithTheScopeOfMyselfIsUp() throws Exception {
        context.getComponent("jiraq", JiraqComponent.class).getConfiguration().setScopes("read:jira-work read:jira-user");
        connect("default");
        template.request("jiraq:searchIssues", e -> e.getMessage().setBody("project = DEMO"));

        assertThat(health().getState()).isEqualTo(HealthCheck.State.UP);
    }

    private HealthCheck.Result health() {
        enableProducerHealthChecks(context);
        return producerCheck(context, context.getEndpoint("jiraq:searchIssues", JiraqEndpoint.class).getConnection()
                .name()).orElseThrow().call();
    }
}
