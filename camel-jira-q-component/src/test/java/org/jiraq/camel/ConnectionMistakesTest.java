package org.jiraq.camel;

import java.net.ServerSocket;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.jiraq.simulator.JiraSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The set-up mistakes of a first hour end the wait at once with a message that says what to fix: TLS against a
 * plain-http port, a port nothing listens on, a baseUrl with the REST path in it, a webhook without an HTTP server.
 */
class ConnectionMistakesTest {

    private final JiraSimulator sim = JiraSimulator.builder().start();
    private final CamelContext context = new DefaultCamelContext();

    @AfterEach
    void stop() {
        context.stop();
        sim.close();
    }

    private Exchange getIssue(String baseUrl) {
        JiraqConfiguration config = context.getComponent("jiraq", JiraqComponent.class).getConfiguration();
        config.setBaseUrl(baseUrl);
        config.setDeployment(JiraqDeployment.cloud);
        config.setUsername(JiraSimulator.DEFAULT_USER);
        config.setApiToken(JiraSimulator.DEFAULT_API_TOKEN);
        context.start();
        return context.createProducerTemplate().request("jiraq:getIssue",
                e -> e.getMessage().setHeader(JiraqConstants.ISSUE_KEY, "DEMO-1"));
    }

    @Test
    void httpsToAPlainHttpPortFailsAtOnceNamingSchemeAndPort() {
        String https = "https://localhost:" + sim.port();

        try (LogCapture log = LogCapture.start()) {
            Exception failure = getIssue(https).getException();

            assertThat(failure).isInstanceOf(JiraqConnectionException.class)
                    .hasMessageContaining("TLS with " + https + " failed: if that port serves plain http, the URL's"
                                          + " scheme is wrong (http:// instead of https://) or its port is")
                    .satisfies(e -> assertThat(((JiraqConnectionException) e).isRetryable()).isFalse());
            assertThat(log.text()).doesNotContain("Retrying GET");
        }
    }

    @Test
    void aRefusedConnectionFailsAtOnceNamingHostAndPort() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        try (LogCapture log = LogCapture.start()) {
            Exception failure = getIssue("http://localhost:" + closed).getException();

            assertThat(failure).isInstanceOf(JiraqConnectionException.class)
                    .hasMessageContaining("Nothing accepts connections at http://localhost:" + closed
                                          + ": check the host and port of baseUrl, and that Jira runs");
            assertThat(((JiraqConnectionException) failure).isRetryable()).as("Camel's redelivery may try again").isTrue();
            assertThat(log.text()).doesNotContain("Retrying GET");
        }
    }

    @Test
    void aBaseUrlWithTheRestPathIsRefusedAtStartWithTheFix() {
        assertThatThrownBy(() -> getIssue(sim.baseUrl() + "/rest/api/3"))
                .rootCause().hasMessage("Option 'baseUrl' is the site URL, without the REST path: use " + sim.baseUrl()
                                        + " instead of " + sim.baseUrl() + "/rest/api/3 (the component adds /rest/api/3"
                                        + " or /rest/api/2 itself)");
    }

    @Test
    void aWebhookWithoutAnHttpServerSaysWhichPropertyStartsOne() throws Exception {
        context.getComponent("jiraq", JiraqComponent.class).setStoreUrl("jdbc:h2:mem:" + java.util.UUID.randomUUID());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("jiraq:webhook?webhookVerification=hmac&webhookSecret=s3cret").to("log:events");
            }
        });

        assertThatThrownBy(context::start).satisfies(e -> assertThat(messages(e))
                .contains("jiraq:webhook cannot serve /jiraq/webhook on Camel's platform-http")
                .contains("on Camel Main add camel-platform-http-main and set camel.server.enabled=true")
                .contains("on Spring Boot add camel-platform-http-starter")
                .contains("on Quarkus add camel-quarkus-platform-http"));
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
