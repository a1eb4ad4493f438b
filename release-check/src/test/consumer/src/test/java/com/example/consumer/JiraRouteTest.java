package com.example.consumer;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.jiraq.simulator.JiraSimulator;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A route of the consumer's own, on the released component, against the released simulator. */
class JiraRouteTest {

    @Test
    void createsAnIssueAndReadsItBack() throws Exception {
        try (JiraSimulator jira = JiraSimulator.builder().flavour(JiraSimulator.Flavour.CLOUD).start();
             CamelContext camel = new DefaultCamelContext()) {
            String connection = "?baseUrl=" + jira.baseUrl() + "&deployment=cloud&username=" + JiraSimulator.DEFAULT_USER
                                + "&apiToken=RAW(" + JiraSimulator.DEFAULT_API_TOKEN + ")";
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:report").to("jiraq:createIssue" + connection).to("jiraq:getIssue" + connection);
                }
            });
            camel.start();

            Exchange done = camel.createProducerTemplate().request("direct:report", exchange -> {
                exchange.getMessage().setHeader("CamelJiraqProjectKey", "DEMO");
                exchange.getMessage().setHeader("CamelJiraqIssueTypeName", "Task");
                exchange.getMessage().setHeader("CamelJiraqSummary", "Reported by a consumer of the release");
            });

            assertNull(done.getException());
            java.util.Map<?, ?> fields = (java.util.Map<?, ?>) done.getMessage().getBody(java.util.Map.class).get("fields");
            assertEquals("Reported by a consumer of the release", fields.get("summary"));
        }
    }
}
