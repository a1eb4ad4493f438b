package org.jiraq.camel;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.apache.camel.builder.RouteBuilder;
import org.jiraq.simulator.JiraSimulator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every kind of call, successful and failing, with credentials set, and searches all log output (DEBUG and up,
 * Camel's included) and every error message for the secrets in any form.
 */
class NoSecretsInLogsTest extends JiraqTestSupport {

    private static final String WRONG_TOKEN = "wrong-but-still-secret-4242";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:wrong").routeId("wrong-credentials")
                        .to("jiraq:getIssue?username=" + JiraSimulator.DEFAULT_USER + "&apiToken=" + WRONG_TOKEN);
                from("direct:ok").routeId("good-credentials")
                        .to("jiraq:createIssue")
                        .to("jiraq:getIssue")
                        .setBody(constant("project = DEMO"))
                        .to("jiraq:searchIssues");
            }
        };
    }

    @Test
    void noSecretAppearsInAnyLogLineOrErrorMessage() throws Exception {
        String errors;
        try (LogCapture logs = LogCapture.start()) {
            template.request("direct:ok", e -> {
                e.getMessage().setHeader(JiraqConstants.PROJECT_KEY, "DEMO");
                e.getMessage().setHeader(JiraqConstants.ISSUE_TYPE_NAME, "Task");
                e.getMessage().setHeader(JiraqConstants.SUMMARY, "Secret-free");
            });
            StringBuilder messages = new StringBuilder();
            messages.append(template.request("direct:wrong", e -> e.getMessage().setBody("DEMO-1")).getException());
            messages.append(template.request("direct:ok", e -> e.getMessage().setHeader(JiraqConstants.PROJECT_KEY, "NOPE"))
                    .getException());
            context.getRouteController().stopRoute("wrong-credentials");
            errors = messages.toString();

            String all = logs.text() + "\n" + errors;
            assertThat(logs.lineCount()).as("the capture saw the component's debug output").isGreaterThan(5);
            assertThat(all).contains("401").contains("Jira answered");
            for (String secret : secrets()) {
                assertThat(all).as("log output").doesNotContain(secret);
            }
        }
    }

    private static List<String> secrets() {
        return List.of(JiraSimulator.DEFAULT_API_TOKEN, WRONG_TOKEN,
                basic(JiraSimulator.DEFAULT_USER, JiraSimulator.DEFAULT_API_TOKEN),
                basic(JiraSimulator.DEFAULT_USER, WRONG_TOKEN));
    }

    private static String basic(String user, String token) {
        return Base64.getEncoder().encodeToString((user + ":" + token).getBytes(StandardCharsets.UTF_8));
    }
}
