package org.jiraq.camel;

import java.io.Closeable;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.awaitility.Awaitility;
import org.jiraq.simulator.ApiResponse;
import org.jiraq.simulator.JiraSimulator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * searchIssues in stream mode fetches the next page while the route works on the current one, never more than
 * prefetchPages ahead; a failed page surfaces after the items before it; closing the stream early stops the fetching;
 * and no fetching thread outlives the context.
 */
class StreamSearchPrefetchTest extends JiraqTestSupport {

    private static final int PAGE = 20;
    private final AtomicInteger failSearch = new AtomicInteger(-1);
    private final AtomicInteger searches = new AtomicInteger();

    @Override
    protected JiraSimulator.Builder simulator() {
        // counts the searches, and refuses the one numbered failSearch (1 for the first) with a 400
        return super.simulator().feature(context -> context.interceptor(10, (request, next) -> {
            if (!request.path().endsWith("/search/jql")) {
                return next.proceed(request);
            }
            int number = searches.incrementAndGet();
            return number == failSearch.get() ? ApiResponse.error(400, "Simulated refusal of page " + number)
                    : next.proceed(request);
        }));
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:export").to("jiraq:searchIssues?searchMode=stream&pageSize=" + PAGE + "&prefetchPages=2")
                        .split(body()).streaming()
                        .to("direct:item");
                from("direct:sequential").to("jiraq:searchIssues?searchMode=stream&pageSize=" + PAGE + "&prefetchPages=0")
                        .split(body()).streaming()
                        .to("direct:item");
            }
        };
    }

    @Test
    void theNextPagesAreFetchedWhileTheRouteWorksOnTheCurrentOneButNoMoreThanPrefetchPagesAhead() throws Exception {
        sim.state().seedIssues("OPS", 10 * PAGE);
        List<Integer> aheadAtPageStart = new CopyOnWriteArrayList<>();
        AtomicInteger items = new AtomicInteger();
        context.addRoutes(itemRoute(exchange -> {
            int index = items.getAndIncrement();
            if (index % PAGE == 0) {
                int page = index / PAGE + 1;
                // the route is on page n: page n+1 is requested without the route asking for it
                Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> searches.get() >= Math.min(10, page + 1));
                Thread.sleep(100); // time for the prefetcher to run as far ahead as it may
                aheadAtPageStart.add(searches.get() - page);
            }
        }));

        template.sendBodyAndHeader("direct:export", null, JiraqConstants.JQL, "project = OPS");

        assertThat(items.get()).isEqualTo(10 * PAGE);
        assertThat(aheadAtPageStart).hasSize(10).allMatch(ahead -> ahead >= 0 && ahead <= 2);
        assertThat(aheadAtPageStart.subList(0, 7)).as("two pages ahead while there are two more").containsOnly(2);
        assertThat(searches.get()).isEqualTo(10);
    }

    @Test
    void withoutPrefetchAPageIsFetchedOnlyWhenThePreviousOneIsUsedUp() throws Exception {
        sim.state().seedIssues("OPS", 3 * PAGE);
        List<Integer> requestedAtPageStart = new CopyOnWriteArrayList<>();
        AtomicInteger items = new AtomicInteger();
        context.addRoutes(itemRoute(exchange -> {
            if (items.getAndIncrement() % PAGE == 0) {
                Thread.sleep(100);
                requestedAtPageStart.add(searches.get());
            }
        }));

        template.sendBodyAndHeader("direct:sequential", null, JiraqConstants.JQL, "project = OPS");

        assertThat(requestedAtPageStart).containsExactly(1, 2, 3);
    }

    @Test
    void aFailedPageSurfacesAfterTheItemsBeforeIt() throws Exception {
        sim.state().seedIssues("OPS", 5 * PAGE);
        failSearch.set(3);
        AtomicInteger items = new AtomicInteger();
        context.addRoutes(itemRoute(exchange -> items.incrementAndGet()));

        Exchange result = template.request("direct:export",
                e -> e.getMessage().setHeader(JiraqConstants.JQL, "project = OPS"));

        // Camel's streaming split looks one item ahead (to tell the last one), so it meets the failure on item 40
        assertThat(items.get()).isBetween(2 * PAGE - 1, 2 * PAGE);
        assertThat(result.getException()).isInstanceOf(JiraqHttpException.class)
                .hasMessageContaining("Simulated refusal of page 3");
        assertThat(searches.get()).as("nothing fetched after the failure").isEqualTo(3);
    }

    @Test
    void closingTheStreamEarlyStopsTheFetchingAndNoThreadOutlivesTheContext() throws Exception {
        sim.state().seedIssues("OPS", 50 * PAGE);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:firstItems").to("jiraq:searchIssues?searchMode=stream&pageSize=" + PAGE + "&prefetchPages=2")
                        .process(exchange -> {
                            Iterator<?> issues = exchange.getMessage().getBody(Iterator.class);
                            int read = 0;
                            while (read < PAGE + 5 && issues.hasNext()) {
                                issues.next();
                                read++;
                            }
                            ((Closeable) issues).close();
                            exchange.getMessage().setBody(read);
                        });
            }
        });

        Object read = template.requestBodyAndHeader("direct:firstItems", null, JiraqConstants.JQL, "project = OPS");
        TimeUnit.MILLISECONDS.sleep(500); // a page that was on its way when the stream was closed

        assertThat(read).isEqualTo(PAGE + 5);
        assertThat(searches.get()).as("page 2 in use, at most 2 fetched ahead").isBetween(2, 4);
        context.stop();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().contains("JiraqPrefetch")));
    }

    @Test
    void aNegativePrefetchIsRefusedNamingTheOption() {
        assertThatThrownBy(() -> context.getEndpoint("jiraq:searchIssues?searchMode=stream&prefetchPages=-1"))
                .hasMessageContaining("Option 'prefetchPages' must be 0 (no prefetch) or more, not -1");
    }

    private static RouteBuilder itemRoute(org.apache.camel.Processor processor) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:item").process(processor);
            }
        };
    }
}
