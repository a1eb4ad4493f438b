package org.jiraq.camel.operation;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.JiraqTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The generic request can only reach the configured site's REST root with the component's own credentials: every path,
 * header or cookie that could send the credentials elsewhere, or replace them, is refused before anything is sent.
 */
class RequestSafetyTest extends JiraqTestSupport {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "https://evil.example.com/rest/api/3/myself | absolute URLs are not allowed",
            "http:evil.example.com/rest/api/3/myself    | absolute URLs are not allowed",
            "//evil.example.com/rest/api/3/myself       | a scheme-relative URL would leave the site",
            "/api/3/../../secure/admin                  | '.' and '..' segments",
            "/api/3/issue/..                            | '.' and '..' segments",
            "/api/3/./myself                            | '.' and '..' segments",
            "/api/3/%2e%2e/%2E%2E/secure                | '.' and '..' segments",
            "/api/3/issue%2f..%2f..%2fsecure            | an encoded slash",
            "/api/3/..;/..;/secure                      | path parameters (';') are not allowed",
            "/api/3/%c0%ae%c0%ae/secure                 | not valid UTF-8",
            "/api/3/%u002e%u002e/secure                 | '%u' encoding",
            "/api/3/%ef%bc%8e%ef%bc%8e/secure           | Unicode dots",
            "/api/3/%252e%252e/secure                   | double percent-encoding",
            "/api/3/issue/%5c..%5csecure                | encoded backslashes",
            "\\\\evil.example.com\\rest                 | backslashes are not allowed",
            "/api/3/issue\\..\\..\\secure               | backslashes are not allowed",
            "/api/3/myself#admin                        | fragments",
            "/api/3/issue/%zz                           | malformed percent-encoding"
    })
    void pathThatCouldLeaveTheRestRootIsRefusedBeforeSending(String path, String reason) {
        assertThatThrownBy(() -> template.requestBodyAndHeader("jiraq:request", null, JiraqConstants.PATH, path))
                .cause().isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Path '")
                .hasMessageContaining("header CamelJiraqPath")
                .hasMessageContaining(reason);
        assertThat(sim.requests(null, "/")).isEmpty();
    }

    @Test
    void pathWithLineBreakIsRefused() {
        assertThatThrownBy(() -> template.requestBodyAndHeader("jiraq:request", null, JiraqConstants.PATH,
                "/api/3/myself\r\nHost: evil.example.com"))
                .cause().hasMessageContaining("control characters");
        assertThat(sim.requests(null, "/")).isEmpty();
    }

    @Test
    void serviceDeskPathCannotClimbToThePlatformApi() {
        assertThatThrownBy(() -> template.requestBody("jiraq:serviceDeskRequest?path=/../api/3/myself", (Object) null))
                .cause().hasMessageContaining("must stay below /rest/servicedeskapi");
        assertThat(sim.requests(null, "/")).isEmpty();
    }

    @Test
    void missingPathNamesTheOptionAndTheHeader() {
        assertThatThrownBy(() -> template.requestBody("jiraq:request", (Object) null))
                .cause().hasMessage("A path is required: set option 'path' or header CamelJiraqPath, for example"
                                    + " /api/3/myself");
    }

    @Test
    void unknownMethodIsRefused() {
        assertThatThrownBy(() -> template.requestBodyAndHeader("jiraq:request?path=/api/3/myself", null,
                JiraqConstants.HTTP_METHOD, "TRACE"))
                .cause().hasMessageContaining("HTTP method 'TRACE'").hasMessageContaining("header CamelJiraqHttpMethod");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Authorization       | credentials come from the security options only",
            "authorization       | credentials come from the security options only",
            "Proxy-Authorization | credentials come from the security options only",
            "Cookie              | give cookies in header CamelJiraqCookies",
            "Host                | the host comes from option 'baseUrl'",
            "Content-Length      | the component frames the message",
            "Transfer-Encoding   | the component frames the message",
            "Content-Type        | application/json",
            "X Bad Name          | is not a valid HTTP token"
    })
    void headerThatWouldReplaceCredentialsOrFramingIsRefused(String name, String reason) {
        assertThatThrownBy(() -> template.requestBodyAndHeader("jiraq:request?path=/api/3/myself", null,
                JiraqConstants.HTTP_HEADERS, Map.of(name, "Bearer stolen")))
                .cause().isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + name + "'")
                .hasMessageContaining(reason);
        assertThat(sim.requests(null, "/")).isEmpty();
    }

    @Test
    void authorizationAsEndpointOptionIsRefusedToo() {
        assertThatThrownBy(() -> template.requestBody(
                "jiraq:request?path=/api/3/myself&httpHeader.Authorization=Basic%20eDp5", (Object) null))
                .cause().hasMessageContaining("HTTP header 'Authorization' cannot be set on a request");
        assertThat(sim.requests(null, "/")).isEmpty();
    }

    @Test
    void headerValueWithLineBreakIsRefused() {
        assertThatThrownBy(() -> template.requestBodyAndHeader("jiraq:request?path=/api/3/myself", null,
                JiraqConstants.HTTP_HEADERS, Map.of("X-Note", "a\r\nAuthorization: Basic eDp5")))
                .cause().hasMessageContaining("HTTP header 'X-Note' has a line break in its value");
        assertThat(sim.requests(null, "/")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "JSESSIONID           | abc        | Jira's session cookie",
            "cloud.session.token  | abc        | Jira's session cookie",
            "tenant.session.token | abc        | Jira's session cookie",
            "crowd.token_key      | abc        | Crowd's single sign-on cookie",
            "CROWD.TOKEN_KEY      | abc        | Crowd's single sign-on cookie",
            "theme                | dark; x=1  | characters a cookie cannot carry",
            "theme                | a b        | characters a cookie cannot carry"
    })
    void sessionCookiesAndBrokenCookieValuesAreRefused(String name, String value, String reason) {
        assertThatThrownBy(() -> template.requestBodyAndHeader("jiraq:request?path=/api/3/myself", null,
                JiraqConstants.COOKIES, Map.of(name, value)))
                .cause().isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Cookie '" + name + "'")
                .hasMessageContaining(reason);
        assertThat(sim.requests(null, "/")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/api/2/myself?os_username=admin&os_password=secret | os_username",
            "/api/2/myself?OS_PASSWORD=secret                   | OS_PASSWORD",
            "/api/2/myself?os_authType=basic                    | os_authType",
            "/api/2/myself?os%5Fusername=admin                  | os_username",
            "/api/2/myself?expand=x&Os_Cookie=true              | Os_Cookie"
    })
    void dataCenterQueryStringLoginInThePathIsRefused(String path, String name) {
        assertThatThrownBy(() -> template.requestBodyAndHeader("jiraq:request", null, JiraqConstants.PATH, path))
                .cause().isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Query parameter '" + name + "' cannot be set on a request: it is Jira Data Center's login"
                            + " by query string, and credentials come from the security options only");
        assertThat(sim.requests(null, "/")).isEmpty();
    }

    @Test
    void dataCenterQueryStringLoginFromTheQueryHeaderOrOptionIsRefused() {
        assertThatThrownBy(() -> template.requestBodyAndHeader("jiraq:request?path=/api/2/myself", null,
                JiraqConstants.QUERY, Map.of("OS_USERNAME", "admin")))
                .cause().hasMessageContaining("Query parameter 'OS_USERNAME' cannot be set on a request");
        assertThatThrownBy(() -> template.requestBody(
                "jiraq:request?path=/api/2/myself&query.os_password=secret", (Object) null))
                .cause().hasMessageContaining("Query parameter 'os_password' cannot be set on a request");
        assertThat(sim.requests(null, "/")).isEmpty();
    }

    @Test
    void redirectToAnotherHostCarriesNeitherCredentialsNorCookies() {
        WireMockServer elsewhere = new WireMockServer(options().dynamicPort());
        elsewhere.start();
        try {
            elsewhere.stubFor(any(anyUrl()).willReturn(okJson("{\"moved\":true}")));
            sim.wireMock().stubFor(get(urlPathEqualTo("/rest/plain/1.0/moved")).atPriority(1)
                    .willReturn(aResponse().withStatus(302).withHeader("Location", elsewhere.baseUrl() + "/landing")));

            Map<?, ?> answer = template.requestBodyAndHeader("jiraq:request?path=/plain/1.0/moved&cookie.team=blue", null,
                    JiraqConstants.HTTP_HEADERS, Map.of("X-Trace-Id", "t-1"), Map.class);

            assertThat(answer.get("moved")).isEqualTo(true);
            var landed = elsewhere.getAllServeEvents().get(0).getRequest();
            assertThat(landed.containsHeader("Authorization")).isFalse();
            assertThat(landed.containsHeader("Cookie")).isFalse();
            assertThat(sim.requests("GET", "/rest/plain/1.0/moved").get(0).header("Cookie")).isEqualTo("team=blue");
        } finally {
            elsewhere.stop();
        }
    }
}
