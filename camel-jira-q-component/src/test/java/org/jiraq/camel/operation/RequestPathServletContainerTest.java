package org.jiraq.camel.operation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.jiraq.camel.JiraqComponent;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.JiraqDeployment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The path rules of request and serviceDeskRequest, proved against a real servlet container: every path of a corpus
 * of known traversal forms is sent through the component to an embedded Tomcat (configured like Jira Data Center's,
 * and as lax as Tomcat allows), and nothing may reach a servlet outside the REST root; legitimate paths arrive as the
 * route meant them.
 */
class RequestPathServletContainerTest extends CamelTestSupport {

    private static final String PAT = "tomcat-test-pat";
    /** Forms aimed at leaving /rest/servicedeskapi for the platform API, which stays below /rest. */
    private static final List<String> SERVICE_DESK_ESCAPES = List.of(
            "/..;/api/2/myself", "/%2e%2e/api/2/myself", "/../api/2/myself", "/..%2fapi/2/myself",
            "/servicedesk/..;/..;/api/2/myself", "/rest/servicedeskapi/..;/api/2/myself", "/.%2e;/api/2/myself",
            "/%252e%252e/api/2/myself", "/．．/api/2/myself", "/..%5capi/2/myself");

    private static RecordingTomcat tomcat;

    @BeforeAll
    static void startTomcat() throws Exception {
        tomcat = new RecordingTomcat();
    }

    @AfterAll
    static void stopTomcat() throws Exception {
        tomcat.close();
    }

    @BeforeEach
    void clearRecords() {
        tomcat.clear();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        JiraqComponent jiraq = new JiraqComponent();
        jiraq.getConfiguration().setBaseUrl(tomcat.jiraLikeSite());
        jiraq.getConfiguration().setDeployment(JiraqDeployment.datacenter);
        jiraq.getConfiguration().setPersonalAccessToken(PAT);
        jiraq.getConfiguration().setMaxRetries(0);
        context.addComponent("jiraq", jiraq);
        return context;
    }

    /** How one corpus path ended. */
    private record Attempt(String site, String operation, String path, String outcome) {
    }

    @Test
    void noTraversalFormOfTheCorpusReachesTheContainerOutsideTheRestRoot() throws IOException {
        List<String> corpus = corpus();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(50);
        List<Attempt> attempts = new ArrayList<>();

        for (String site : List.of(tomcat.jiraLikeSite(), tomcat.laxSite())) {
            String origin = site.substring(0, site.indexOf("/jira"));
            for (String path : corpus) {
                attempts.add(send(site, "request", path.replace("{origin}", origin)));
            }
        }
        List<RecordingTomcat.Received> platform = tomcat.received();
        tomcat.clear();
        for (String site : List.of(tomcat.jiraLikeSite(), tomcat.laxSite())) {
            String origin = site.substring(0, site.indexOf("/jira"));
            for (String path : corpus) {
                attempts.add(send(site, "serviceDeskRequest", path.replace("{origin}", origin)));
            }
            for (String path : SERVICE_DESK_ESCAPES) {
                attempts.add(send(site, "serviceDeskRequest", path));
            }
        }
        List<RecordingTomcat.Received> serviceDesk = tomcat.received();

        Map<String, Integer> outcomes = new TreeMap<>();
        attempts.forEach(a -> outcomes.merge(a.operation() + ": " + a.outcome(), 1, Integer::sum));
        System.out.printf("%nPath corpus: %d traversal forms (+%d aimed at the platform API from serviceDeskRequest),"
                          + " each sent through 2 Tomcat connectors: %s%n", corpus.size(), SERVICE_DESK_ESCAPES.size(),
                outcomes);
        assertThat(platform).as("requests Tomcat resolved outside /jira/rest")
                .allSatisfy(r -> assertThat(r.path()).startsWith("/jira/rest/"));
        assertThat(serviceDesk).as("requests Tomcat resolved outside /jira/rest/servicedeskapi")
                .allSatisfy(r -> assertThat(r.path()).startsWith("/jira/rest/servicedeskapi/"));
        assertThat(attempts).filteredOn(a -> a.path().contains("..;"))
                .allSatisfy(a -> assertThat(a.outcome()).isEqualTo("refused"));
    }

    @Test
    void theIssueReportsDotDotSemicolonPathIsRefusedBeforeAnythingIsSent() {
        Exchange result = template.request("jiraq:request", e -> e.getMessage().setHeader(JiraqConstants.PATH,
                "/api/2/..;/..;/..;/secure/admin/ViewApplicationProperties.jspa"));

        assertThat(result.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("path parameters (';') are not allowed")
                .hasMessageContaining("write a ';' that belongs to a name as %3B");
        assertThat(tomcat.received()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "/api/2/issue/DEMO-1                              | /jira/rest/api/2/issue/DEMO-1                  |",
            "api/2/myself                                     | /jira/rest/api/2/myself                        |",
            "/rest/api/2/myself                               | /jira/rest/api/2/myself                        |",
            "/api/2/issue/                                    | /jira/rest/api/2/issue/                        |",
            "/api/2/user/properties/my%20key?username=jdoe    | /jira/rest/api/2/user/properties/my key        | username=jdoe",
            "/api/2/user/properties/my key                    | /jira/rest/api/2/user/properties/my key        |",
            "/api/2/issue/DEMO-1/properties/a:b               | /jira/rest/api/2/issue/DEMO-1/properties/a:b   |",
            "/api/2/issue/DEMO-1/properties/a%3Ab             | /jira/rest/api/2/issue/DEMO-1/properties/a:b   |",
            "/api/2/issue/DEMO-1/properties/x+y               | /jira/rest/api/2/issue/DEMO-1/properties/x+y   |",
            "/api/2/issue/DEMO-1/properties/100%25            | /jira/rest/api/2/issue/DEMO-1/properties/100%  |",
            "/api/2/issue/DEMO-1/properties/a%3Bb             | /jira/rest/api/2/issue/DEMO-1/properties/a;b   |",
            "/api/2/issue/DEMO-1/properties/file.name.v2      | /jira/rest/api/2/issue/DEMO-1/properties/file.name.v2 |",
            "/api/2/issue/DEMO-1/properties/ünï%C3%A7ødé      | /jira/rest/api/2/issue/DEMO-1/properties/ünïçødé |",
            "/api/2/search?jql=project+%3D+DEMO               | /jira/rest/api/2/search                        | jql=project = DEMO",
            "'/api/2/search?jql=summary ~ \"c%2B%2B\"'        | /jira/rest/api/2/search                        | 'jql=summary ~ \"c++\"'",
            "/api/2/user?accountId=557058:bf39af2f-2a15       | /jira/rest/api/2/user                          | accountId=557058:bf39af2f-2a15",
            "/api/2/search?jql=key in (DEMO-1, DEMO-2)&fields=summary | /jira/rest/api/2/search              | 'jql=key in (DEMO-1, DEMO-2)'"
    })
    void legitimatePathsArriveAsTheRouteMeantThem(String path, String expected, String parameter) {
        Exchange result = template.request("jiraq:request", e -> e.getMessage().setHeader(JiraqConstants.PATH, path));

        assertThat(result.getException()).isNull();
        assertThat(tomcat.received()).singleElement().satisfies(r -> {
            assertThat(r.path()).isEqualTo(expected);
            assertThat(r.authorized()).isTrue();
            if (parameter != null) {
                String[] nameValue = parameter.split("=", 2);
                assertThat(r.parameters().get(nameValue[0])).containsExactly(nameValue[1]);
            }
        });
    }

    @Test
    void legitimateServiceDeskPathsArriveBelowTheServiceDeskRoot() {
        template.request("jiraq:serviceDeskRequest", e -> e.getMessage().setHeader(JiraqConstants.PATH,
                "/servicedesk/1/requesttype?searchQuery=laptop bag"));
        template.request("jiraq:serviceDeskRequest", e -> e.getMessage().setHeader(JiraqConstants.PATH,
                "/rest/servicedeskapi/request/DEMO-1/comment"));

        assertThat(tomcat.received()).extracting(RecordingTomcat.Received::path).containsExactly(
                "/jira/rest/servicedeskapi/servicedesk/1/requesttype", "/jira/rest/servicedeskapi/request/DEMO-1/comment");
        assertThat(tomcat.received().get(0).parameters().get("searchQuery")).containsExactly("laptop bag");
    }

    private Attempt send(String site, String operation, String path) {
        int before = tomcat.received().size();
        Exchange result = template.request("jiraq:" + operation + "?baseUrl=" + site,
                e -> e.getMessage().setHeader(JiraqConstants.PATH, path));
        String outcome;
        if (result.getException() instanceof IllegalArgumentException) {
            outcome = "refused";
        } else if (tomcat.received().size() > before) {
            outcome = "served";
        } else {
            outcome = "rejected by Tomcat";
        }
        return new Attempt(site, operation, path, outcome);
    }

    private static List<String> corpus() throws IOException {
        try (InputStream in = RequestPathServletContainerTest.class.getResourceAsStream("/path-traversal-corpus.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        }
    }
}
