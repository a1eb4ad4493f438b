package org.jiraq.camel.connection;

import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.Exchange;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.jiraq.camel.JiraqEndpoint;
import org.jiraq.camel.JiraqTestSupport;
import org.jiraq.camel.spi.JiraqHttpClientConfigurer;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** The application's own HTTP set-up: a client it built (never closed by the component), or a configurer bean. */
class HttpClientInjectionTest extends JiraqTestSupport {

    @Test
    void anHttpClientTheApplicationBuiltIsUsedAndNeverClosed() throws Exception {
        AtomicInteger sent = new AtomicInteger();
        try (CloseableHttpClient own = HttpClients.custom().disableRedirectHandling().disableAutomaticRetries()
                .addRequestInterceptorFirst((request, entity, ctx) -> sent.incrementAndGet()).build()) {
            context.getRegistry().bind("ownClient", own);
            JiraqEndpoint endpoint = context.getEndpoint("jiraq:getProjects?httpClient=#ownClient", JiraqEndpoint.class);

            assertThat(template.request(endpoint, e -> {
            }).getException()).isNull();
            JiraqConnection connection = endpoint.getConnection();
            context.removeEndpoint(endpoint);

            assertThat(sent).hasValue(1);
            assertThat(connection.isClosed()).isTrue();
            int status = own.execute(new HttpGet(sim.baseUrl() + "/rest/api/3/serverInfo"), response -> response.getCode());
            assertThat(status).as("the application's client still works").isEqualTo(200);
        }
    }

    @Test
    void aClientConfigurerBeanAdjustsTheClientTheComponentBuilds() {
        JiraqHttpClientConfigurer traced = builder -> builder.addRequestInterceptorFirst(
                (request, entity, ctx) -> request.setHeader("X-Trace", "route-42"));
        context.getRegistry().bind("traced", traced);

        Exchange exchange = template.request("jiraq:getProjects?httpClientConfigurer=#traced", e -> {
        });

        assertThat(exchange.getException()).isNull();
        sim.wireMock().verify(getRequestedFor(urlPathEqualTo("/rest/api/3/project/search"))
                .withHeader("X-Trace", equalTo("route-42")));
    }
}
