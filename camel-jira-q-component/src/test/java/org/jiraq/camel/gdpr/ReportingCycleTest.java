package org.jiraq.camel.gdpr;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.service.ServiceSupport;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.metrics.JiraqMeters;
import org.jiraq.simulator.privacy.PersonalDataReporting;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class ReportingCycleTest extends GdprTestSupport {

    @BindToRegistry("metricsRegistry")
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private static final Instant FETCHED = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MILLIS);

    /** How many times the routes erased or refreshed each account, across every instance of the application. */
    private final ConcurrentMap<String, AtomicInteger> erased = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, AtomicInteger> refreshed = new ConcurrentHashMap<>();

    /** The user's GDPR route: erase closed accounts, refresh updated ones; {@code onErase} may fail or stop things. */
    private RouteBuilder gdprRoute(String uri, ErasureStep onErase) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(uri)
                        .choice()
                        .when(header(JiraqConstants.ACCOUNT_STATUS).isEqualTo("closed"))
                        .process(exchange -> {
                            String accountId = exchange.getMessage().getHeader(JiraqConstants.ACCOUNT_ID, String.class);
                            onErase.run(accountId, exchange);
                            count(erased, accountId);
                        })
                        .otherwise()
                        .process(exchange -> count(refreshed, exchange.getMessage().getBody(String.class)));
            }
        };
    }

    @FunctionalInterface
    private interface ErasureStep {
        void run(String accountId, Exchange exchange) throws Exception;
    }

    @Test
    void cycleOfTenThousandAccountsMakes112CallsAndHandlesEveryAccountOnce() throws Exception {
        List<String> ids = registerAccounts(10_000, FETCHED);
        List<String> closed = select(ids, i -> i % 7 == 0);
        List<String> updated = select(ids, i -> i % 11 == 3 && i % 7 != 0);
        reporting.closed(closed.toArray(String[]::new))
                .updated(FETCHED.plus(Duration.ofHours(1)), updated.toArray(String[]::new));
        Instant cycleStart = Instant.now();

        context.addRoutes(gdprRoute(GDPR, (id, exchange) -> {
        }));
        await().atMost(Duration.ofSeconds(60)).until(this::firstCycleComplete);

        assertThat(reporting.calls()).hasSize(112).allMatch(call -> call.accountIds().size() <= 90);
        assertThat(reporting.reportedAccountIds()).hasSize(10_000).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(erased.keySet()).containsExactlyInAnyOrderElementsOf(closed);
        assertThat(refreshed.keySet()).containsExactlyInAnyOrderElementsOf(updated);
        assertThat(erased.values()).allMatch(n -> n.get() == 1);
        assertThat(refreshed.values()).allMatch(n -> n.get() == 1);
        assertThat(store.size()).isEqualTo(10_000 - closed.size());
        for (String id : closed) {
            assertThat(store.updatedAt(id)).as("erased " + id).isEmpty();
        }
        for (String id : updated) {
            assertThat(store.updatedAt(id)).as("refreshed " + id).hasValueSatisfying(t -> assertThat(t).isAfter(cycleStart));
        }
        assertThat(store.updatedAt("acct-00001")).as("an account needing nothing").contains(FETCHED);
        assertThat(store.cycleState().nextDueAt()).as("Cycle-Period 604800 s from the start")
                .isBetween(cycleStart.plus(Duration.ofDays(7)), Instant.now().plus(Duration.ofDays(7)));
    }

    @Test
    void cycleStoppedHalfwayResumesInANewInstanceWithoutSkipOrRepeat() throws Exception {
        List<String> ids = registerAccounts(1_000, FETCHED);
        List<String> closed = select(ids, i -> i % 5 == 0);
        reporting.closed(closed.toArray(String[]::new));
        AtomicInteger erasedByFirst = new AtomicInteger();

        // the first instance is stopped from outside while it routes its 100th erasure, in the middle of a batch;
        // the erasure lasts until the shutdown has reached the consumer, as a slow one would
        context.addRoutes(gdprRoute(GDPR, (id, exchange) -> {
            if (erasedByFirst.incrementAndGet() == 100) {
                CamelContext first = exchange.getContext();
                ServiceSupport consumer = (ServiceSupport) first.getRoutes().get(0).getConsumer();
                new Thread(first::stop, "stop-first-instance").start();
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> consumer.isSuspendingOrSuspended() || consumer.isStoppingOrStopped());
            }
        }));
        await().atMost(Duration.ofSeconds(30)).until(() -> context.isStopped());
        int callsBefore = reporting.calls().size();
        assertThat(store.cycleState().inProgress()).isTrue();
        assertThat(erased).as("stopped right after the 100th erasure").hasSize(100);
        assertThat(callsBefore).isBetween(1, 11);

        startInstance(gdprRoute(GDPR, (id, exchange) -> {
        }));
        await().atMost(Duration.ofSeconds(30)).until(this::firstCycleComplete);

        assertThat(reporting.calls()).hasSize(12);
        assertThat(reporting.reportedAccountIds()).as("each account reported once").hasSize(1_000)
                .containsExactlyInAnyOrderElementsOf(ids);
        assertThat(erased.keySet()).as("no erasure skipped").containsExactlyInAnyOrderElementsOf(closed);
        assertThat(erased.values()).as("no erasure repeated").allMatch(n -> n.get() == 1);
        assertThat(store.size()).isEqualTo(800);
    }

    @Test
    void rateLimitInTheMiddleDelaysTheCycleWithoutFailingIt() throws Exception {
        List<String> ids = registerAccounts(300, FETCHED);
        reporting.closed(ids.get(200)).rateLimitCall(2, Duration.ofSeconds(1));

        context.addRoutes(gdprRoute(GDPR, (id, exchange) -> {
        }));
        await().atMost(Duration.ofSeconds(30)).until(this::firstCycleComplete);

        List<PersonalDataReporting.Call> calls = reporting.calls();
        assertThat(calls).extracting(PersonalDataReporting.Call::status).containsExactly(204, 429, 204, 200, 204);
        assertThat(Duration.between(calls.get(1).receivedAt(), calls.get(2).receivedAt()))
                .as("waited for Retry-After").isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(reporting.reportedAccountIds()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(erased).containsOnlyKeys(ids.get(200));
    }

    @Test
    void failedErasureKeepsTheAccountForTheNextCycle() throws Exception {
        List<String> ids = registerAccounts(20, FETCHED);
        String failing = ids.get(4);
        String fine = ids.get(9);
        reporting.closed(failing, fine).cyclePeriod("1");
        AtomicInteger attempts = new AtomicInteger();

        context.addRoutes(gdprRoute(GDPR, (id, exchange) -> {
            if (id.equals(failing) && attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("the customer database is down");
            }
        }));
        await().atMost(Duration.ofSeconds(30)).until(() -> store.updatedAt(failing).isEmpty());

        Map<String, Long> reports = reporting.reportedAccountIds().stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(attempts).hasValue(2);
        assertThat(reports).as("reported again in the next cycle, which Cycle-Period 1 made due a second later")
                .containsEntry(failing, 2L).containsEntry(fine, 1L);
        assertThat(erased).containsOnlyKeys(failing, fine);
        assertThat(erased.get(failing)).as("confirmed once, after the retry").hasValue(1);
        assertThat(store.updatedAt(fine)).isEmpty();
        assertThat(meters.get(JiraqMeters.GDPR_ACCOUNTS).tag(JiraqMeters.TAG_STATUS, "closed").counter().count())
                .as("accounts whose erasure the route confirmed").isEqualTo(2);
        assertThat(meters.get(JiraqMeters.GDPR_CYCLES).tag(JiraqMeters.TAG_OUTCOME, "completed").counter().count())
                .isPositive();
    }

    @Test
    void erasureSwallowedByAnErrorHandlerIsNotConfirmed() throws Exception {
        List<String> ids = registerAccounts(10, FETCHED);
        reporting.closed(ids.get(1), ids.get(2));

        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(IllegalStateException.class).handled(true);
                from(GDPR).filter(body().isEqualTo(ids.get(1))).throwException(new IllegalStateException("not erased"));
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(this::firstCycleComplete);

        assertThat(store.updatedAt(ids.get(1))).as("kept: its erasure failed").isPresent();
        assertThat(store.updatedAt(ids.get(2))).as("erased").isEmpty();
    }

    @Test
    void replicasSharingTheStoreRunEachCycleOnce() throws Exception {
        List<String> ids = registerAccounts(900, FETCHED);
        List<String> closed = select(ids, i -> i % 3 == 0);
        reporting.closed(closed.toArray(String[]::new));

        context.addRoutes(gdprRoute(GDPR, (id, exchange) -> {
        }));
        startInstance(gdprRoute(GDPR, (id, exchange) -> {
        }));
        await().atMost(Duration.ofSeconds(30)).until(this::firstCycleComplete);

        assertThat(reporting.calls()).hasSize(10);
        assertThat(reporting.reportedAccountIds()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(erased.keySet()).containsExactlyInAnyOrderElementsOf(closed);
        assertThat(erased.values()).allMatch(n -> n.get() == 1);
    }

    @Test
    void noCycleBeforeTheNextIsDue() throws Exception {
        registerAccounts(5, FETCHED);
        context.addRoutes(gdprRoute(GDPR, (id, exchange) -> {
        }));
        await().atMost(Duration.ofSeconds(30)).until(this::firstCycleComplete);

        // the schedule ticks every second; none may start a cycle within the 7 days
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> reporting.calls().size() == 1);
        assertThat(store.cycleState().inProgress()).isFalse();
    }

    @Test
    void refusesToStartWhenItsCredentialsWouldNotReachTheGateway() {
        assertThatThrownBy(() -> context.addRoutes(gdprRoute(GDPR + "&apiGatewayUrl=https://api.atlassian.com",
                (id, exchange) -> {
                })))
                .hasStackTraceContaining("Option 'apiGatewayUrl' is https://api.atlassian.com");
        assertThat(reporting.calls()).isEmpty();
    }

    private static void count(ConcurrentMap<String, AtomicInteger> counts, String accountId) {
        counts.computeIfAbsent(accountId, id -> new AtomicInteger()).incrementAndGet();
    }

    /** The ids at the positions {@code position} accepts. */
    private static List<String> select(List<String> ids, IntPredicate position) {
        return IntStream.range(0, ids.size()).filter(position).mapToObj(ids::get).toList();
    }
}
