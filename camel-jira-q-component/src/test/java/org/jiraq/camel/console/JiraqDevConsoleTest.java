package org.jiraq.camel.console;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.console.DevConsole;
import org.apache.camel.support.PluginHelper;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.JiraqEndpoint;
import org.jiraq.camel.JiraqTestSupport;
import org.jiraq.camel.spi.FakeIndicator;
import org.jiraq.simulator.JiraSimulator;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** The jiraq dev console, found the way Camel finds it, lists connections, limits and errors without secrets. */
class JiraqDevConsoleTest extends JiraqTestSupport {

    @Test
    @SuppressWarnings("unchecked")
    void listsEachConnectionWithItsLimitsAndRecentErrorsButNoSecret() {
        sim.wireMock().stubFor(get(urlPathEqualTo("/rest/api/3/issue/OPS-9")).atPriority(1)
                .willReturn(aResponse().withStatus(404).withHeader("X-AREQUESTID", "req-9")
                        .withHeader("X-RateLimit-Remaining", "97").withHeader("Content-Type", "application/json")
                        .withBody("{\"errorMessages\":[\"Issue does not exist or you do not have permission to see it.\"],"
                                  + "\"errors\":{}}")));
        Exchange failed = template.request("jiraq:getIssue?fields=summary",
                e -> e.getMessage().setHeader(JiraqConstants.ISSUE_KEY, "OPS-9"));
        context.getEndpoint("jiraq:getIssue?fields=summary", JiraqEndpoint.class).getConnection()
                .addIndicator(new FakeIndicator("token"));

        DevConsole console = PluginHelper.getDevConsoleResolver(context).resolveDevConsole("jiraq");
        String text = (String) console.call(DevConsole.MediaType.TEXT);
        Map<?, ?> json = (Map<?, ?>) console.call(DevConsole.MediaType.JSON);

        assertThat(text)
                .contains("localhost:" + sim.port() + ": " + sim.baseUrl() + " (cloud, REST API v3)")
                .contains("    auth: apiToken\n")
                .contains("token: healthy")
                .contains("remaining=97")
                .contains("getIssue GET /rest/api/3/issue/OPS-9 -> 404 [request id req-9]");
        Map<String, Object> connection = (Map<String, Object>) ((List<?>) json.get("connections")).get(0);
        assertThat(connection).containsEntry("deployment", "cloud").containsEntry("apiVersion", 3)
                .containsEntry("authStrategy", "apiToken");
        assertThat((Map<String, Object>) connection.get("rateLimit")).containsEntry("remaining", 97);
        assertThat(failed.getMessage().getHeader(JiraqConstants.RATE_LIMIT_REMAINING))
                .as("the exchange that got the answer and the console say the same").isEqualTo(97);
        Map<String, Object> error = (Map<String, Object>) ((List<?>) connection.get("recentErrors")).get(0);
        assertThat(error).containsEntry("status", 404).containsEntry("requestId", "req-9")
                .containsEntry("path", "/rest/api/3/issue/OPS-9");
        for (String output : List.of(text, json.toString())) {
            assertThat(output).doesNotContain(JiraSimulator.DEFAULT_API_TOKEN).doesNotContain(basicCredentials())
                    .as("the user name is an option marked secret").doesNotContain(JiraSimulator.DEFAULT_USER)
                    .doesNotContain("fields=").doesNotContain("Issue does not exist");
        }
    }

    private static String basicCredentials() {
        return Base64.getEncoder().encodeToString(
                (JiraSimulator.DEFAULT_USER + ":" + JiraSimulator.DEFAULT_API_TOKEN).getBytes(StandardCharsets.UTF_8));
    }
}
