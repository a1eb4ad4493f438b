package org.jiraq.samples;

import org.apache.camel.builder.RouteBuilder;
import org.jiraq.camel.JiraqConstants;

/**
 * The demo integration in Java DSL (the same route in YAML DSL is routes/demo.camel.yaml): create an issue, comment on
 * it, move it to In Progress, then find it again with JQL.
 */
public class DemoRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:demo").routeId("jira-demo")
                .setHeader(JiraqConstants.PROJECT_KEY, simple("{{sample.project:DEMO}}"))
                .setHeader(JiraqConstants.ISSUE_TYPE_NAME, simple("{{sample.issueType:Task}}"))
                .setHeader(JiraqConstants.SUMMARY, constant("Printer on floor 3 is on fire"))
                .setHeader(JiraqConstants.DESCRIPTION, constant("Reported by the **camel-jira-q** sample.\n\n- smoke\n- beeping"))
                .to("jiraq:createIssue")
                .setBody(constant("Investigating. Fire extinguisher on its way."))
                .to("jiraq:addComment")
                .setHeader(JiraqConstants.TRANSITION, constant("In Progress"))
                .to("jiraq:transitionIssue")
                .setHeader(JiraqConstants.JQL, simple("key = ${header." + JiraqConstants.ISSUE_KEY + "}"))
                .to("jiraq:searchIssues");
    }
}
