package org.jiraq.camel.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.jiraq.camel.JiraqComponent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.quartz.impl.SchedulerRepository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two replicas with the same route on a one-second Quartz schedule, clustered through the jiraq component on one
 * database: each scheduled tick runs on one replica only, and when one replica goes away the other keeps ticking.
 */
class ClusteredQuartzTest {

    @TempDir
    Path storeDir;
    final List<CamelContext> replicas = new ArrayList<>();
    final Map<Date, AtomicInteger> runsPerTick = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> runsPerReplica = new ConcurrentHashMap<>();

    @AfterEach
    void stop() {
        replicas.forEach(CamelContext::stop);
    }

    @ParameterizedTest
    @EnumSource(SharedDatabase.class)
    void eachTickRunsOnOneReplicaAndTheOtherTakesOverWhenOneStops(SharedDatabase database) throws Exception {
        String url = database.createDatabase(storeDir);
        startReplica("a", url);
        startReplica("b", url);
        assertThat(((QuartzComponent) replicas.get(0).getComponent("quartz")).isClustered()).isTrue();

        await().atMost(Duration.ofSeconds(30)).until(() -> runsPerTick.size() >= 6);
        replicas.get(0).stop();
        int ticksOfB = runsPerReplica.computeIfAbsent("b", r -> new AtomicInteger()).get();
        // a trigger the stopped replica had acquired is freed only once Quartz declares it failed (its check-in
        // interval, 7.5 s, plus as much again), which a loaded machine stretches
        await().atMost(Duration.ofSeconds(60))
                .until(() -> runsPerReplica.get("b").get() >= ticksOfB + 3);

        assertThat(runsPerTick.values()).allSatisfy(runs -> assertThat(runs.get()).isOne());
    }

    @ParameterizedTest
    @EnumSource(SharedDatabase.class)
    void schedulesAreNotClusteredOnTheEmbeddedDefaultUnlessAsked(SharedDatabase database) throws Exception {
        CamelContext replica = new DefaultCamelContext();
        JiraqComponent jiraq = SharedDatabase.replicaComponent(database.createDatabase(storeDir));
        replica.addComponent("jiraq", jiraq);
        replica.addRoutes(tickRoute("a"));
        replica.start();
        replicas.add(replica);

        assertThat(((QuartzComponent) replica.getComponent("quartz")).isClustered())
                .isEqualTo(database == SharedDatabase.POSTGRESQL);
    }

    private void startReplica(String name, String url) throws Exception {
        // replicas share the context name: a clustered job finds its CamelContext by name on whichever replica fires
        CamelContext replica = new DefaultCamelContext();
        replica.getCamelContextExtension().setName("jiraq-replicas");
        JiraqComponent jiraq = SharedDatabase.replicaComponent(url);
        jiraq.setClusteredSchedules(true);
        replica.addComponent("jiraq", jiraq);
        replica.addRoutes(tickRoute(name));
        replica.start();
        replicas.add(replica);
        // Quartz keeps one scheduler per name per JVM; replicas are separate JVMs, so forget this one's
        SchedulerRepository.getInstance().remove("jiraq-jiraq-replicas");
    }

    private RouteBuilder tickRoute(String replica) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("quartz:jiraq/tick?cron=0/1+*+*+*+*+?").routeId("tick").process(exchange -> {
                            Date tick = exchange.getMessage().getHeader("scheduledFireTime", Date.class);
                            runsPerTick.computeIfAbsent(tick, t -> new AtomicInteger()).incrementAndGet();
                            runsPerReplica.computeIfAbsent(replica, r -> new AtomicInteger()).incrementAndGet();
                        });
            }
        };
    }
}
