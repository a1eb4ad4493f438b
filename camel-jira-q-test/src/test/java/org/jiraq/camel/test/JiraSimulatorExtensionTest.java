package org.jiraq.camel.test;

import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.jiraq.simulator.Issue;
import org.jiraq.simulator.JiraSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** A route under test gets the simulator's site and credentials, and each test starts on a fresh site. */
class JiraSimulatorExtensionTest extends CamelTestSupport {

    @RegisterExtension
    static JiraSimulatorExtension jira = JiraSimulatorExtension.cloud()
            .project("INC", "Incidents", "Database")
            .versions("INC", "2.1")
            .user("bob@acme.com");

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        jira.configure(context);
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:incident")
                        .setHeader("CamelJiraqProjectKey", constant("INC"))
                        .setHeader("CamelJiraqIssueTypeName", constant("Bug"))
                        .setHeader("CamelJiraqSummary", simple("${body}"))
                        .setHeader("CamelJiraqAssignee", constant(jira.account("bob@acme.com").accountId()))
                        .setHeader("CamelJiraqComponents", constant("Database"))
                        .setHeader("CamelJiraqFixVersions", constant("2.1"))
                        .setBody(constant(null))
                        .to("jiraq:createIssue");
            }
        };
    }

    @Test
    void theRouteCreatesItsIssueOnTheSimulatedSite(JiraSimulator simulator) {
        template.sendBody("direct:incident", "Database down");

        Issue issue = jira.issue("INC-1");
        assertThat(issue.summary()).isEqualTo("Database down");
        assertThat(issue.assignee().email()).isEqualTo("bob@acme.com");
        assertThat(issue.components()).extracting(c -> c.name()).containsExactly("Database");
        assertThat(issue.fixVersions()).extracting(v -> v.name()).containsExactly("2.1");
        assertThat(simulator.requests("POST", "/rest/api/3/issue")).hasSize(1);
    }

    @Test
    void eachTestStartsOnAFreshSite() {
        template.sendBody("direct:incident", "Second outage");

        assertThat(jira.issues()).extracting(Issue::key).containsExactly("INC-1");
        assertThat(jira.properties()).containsEntry("camel.component.jiraq.baseUrl", jira.baseUrl())
                .containsEntry("camel.component.jiraq.deployment", "cloud")
                .containsKey("camel.component.jiraq.storeUrl");
    }
}
