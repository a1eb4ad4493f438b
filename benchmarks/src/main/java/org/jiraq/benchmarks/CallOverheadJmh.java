package org.jiraq.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.dataformat.JsonLibrary;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.jiraq.camel.JiraqComponent;
import org.jiraq.camel.JiraqConfiguration;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.JiraqDeployment;
import org.jiraq.simulator.JiraSimulator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The same Jira call three ways: through a route to {@code jiraq:getIssue}; through a hand-written camel-http route that
 * adds the basic-auth header, GETs {@code /rest/api/3/issue/OPS-1} and unmarshals the JSON to a Map, as a user
 * would write it without the component; and with no Camel at all, a bare Apache HttpClient 5 call parsed by Jackson
 * (the physical floor of such a call on this client). All use Apache HttpClient 5 and call one simulator, named by the system
 * property {@value #SITE}, that runs in another JVM; so what the benchmark JVM spends is the client side only, and
 * the differences are what Camel and the component add per call.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CallOverheadJmh {

    /** The system property with the simulator's base URL; the simulator has the issue {@value #ISSUE}. */
    static final String SITE = "jiraq.benchmark.site";
    static final String ISSUE = "OPS-1";
    static final String BASIC = "Basic " + Base64.getEncoder().encodeToString(
            (JiraSimulator.DEFAULT_USER + ":" + JiraSimulator.DEFAULT_API_TOKEN).getBytes(StandardCharsets.UTF_8));

    @Benchmark
    public Object jiraqGetIssue(JiraqRoute route) {
        return route.template.requestBody("direct:call", (Object) null);
    }

    @Benchmark
    public Object camelHttpGetIssue(CamelHttpRoute route) {
        return route.template.requestBody("direct:call", (Object) null);
    }

    /** The physical floor: no Camel at all, one pooled Apache HttpClient 5 call and Jackson parsing to a Map. */
    @Benchmark
    public Object bareHttpClientGetIssue(BareClient client) throws IOException {
        return client.http.execute(client.get,
                answer -> client.json.readValue(EntityUtils.toByteArray(answer.getEntity()), Map.class));
    }

    @State(Scope.Benchmark)
    public static class BareClient {
        CloseableHttpClient http;
        HttpGet get;
        ObjectMapper json;

        @Setup(Level.Trial)
        public void start() {
            http = HttpClients.custom().setConnectionManager(
                    PoolingHttpClientConnectionManagerBuilder.create().build()).build();
            get = new HttpGet(site() + "/rest/api/3/issue/" + ISSUE);
            get.setHeader("Authorization", BASIC);
            get.setHeader("Accept", "application/json");
            json = new ObjectMapper();
        }

        @TearDown(Level.Trial)
        public void stop() throws IOException {
            http.close();
        }
    }

    static String site() {
        String site = System.getProperty(SITE);
        if (site == null) {
            throw new IllegalStateException("Set -D" + SITE + " to the base URL of a running simulator");
        }
        return site;
    }

    /** A Camel context with one route, direct:call, to the simulator. */
    public abstract static class CallRoute {
        String site;
        CamelContext camel;
        ProducerTemplate template;

        @Setup(Level.Trial)
        public void start() throws Exception {
            site = site();
            camel = new DefaultCamelContext();
            configure(camel);
            camel.start();
            template = camel.createProducerTemplate();
            template.requestBody("direct:call", (Object) null); // fails the trial at once if the route is wrong
        }

        abstract void configure(CamelContext camel) throws Exception;

        @TearDown(Level.Trial)
        public void stop() throws Exception {
            camel.close();
        }
    }

    @State(Scope.Benchmark)
    public static class JiraqRoute extends CallRoute {

        /** Whether a Micrometer registry is bound, so every call is also recorded as a meter. */
        @Param({ "none", "micrometer" })
        public String meters;

        @Override
        void configure(CamelContext camel) throws Exception {
            if ("micrometer".equals(meters)) {
                camel.getRegistry().bind("metricsRegistry", new SimpleMeterRegistry());
            }
            JiraqComponent jiraq = new JiraqComponent();
            JiraqConfiguration config = jiraq.getConfiguration();
            config.setBaseUrl(site);
            config.setDeployment(JiraqDeployment.cloud);
            config.setUsername(JiraSimulator.DEFAULT_USER);
            config.setApiToken(JiraSimulator.DEFAULT_API_TOKEN);
            camel.addComponent("jiraq", jiraq);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:call").setHeader(JiraqConstants.ISSUE_KEY, constant(ISSUE)).to("jiraq:getIssue");
                }
            });
        }
    }

    @State(Scope.Benchmark)
    public static class CamelHttpRoute extends CallRoute {

        @Override
        void configure(CamelContext camel) throws Exception {
            String url = site + "/rest/api/3/issue/" + ISSUE;
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:call")
                            .setHeader("Authorization", constant(BASIC))
                            .setHeader("Accept", constant("application/json"))
                            .to(url)
                            .unmarshal().json(JsonLibrary.Jackson, Map.class);
                }
            });
        }
    }
}
