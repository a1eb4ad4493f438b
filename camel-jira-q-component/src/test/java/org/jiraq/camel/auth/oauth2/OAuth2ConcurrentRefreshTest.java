package org.jiraq.camel.auth.oauth2;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.jiraq.camel.JiraqComponent;
import org.jiraq.camel.JiraqConfiguration;
import org.jiraq.camel.JiraqDeployment;
import org.jiraq.camel.spi.OAuth2Grant;
import org.jiraq.camel.store.SharedDatabase;
import org.jiraq.simulator.JiraSimulator;
import org.jiraq.simulator.auth.AtlassianOAuth2;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas (two CamelContexts, each with its own component, store instance and token manager) share one database:
 * the H2 file of the single-process default, and a real PostgreSQL as replicas on Kubernetes share it. 200 exchanges start at once with an expired access token: Atlassian would kill
 * the grant if two of them refreshed, so exactly one refresh may reach the server, and every exchange must succeed.
 */
class OAuth2ConcurrentRefreshTest {

    static final int EXCHANGES = 200;

    @TempDir
    Path storeDir;
    final AtlassianOAuth2 oauth = new AtlassianOAuth2();
    JiraSimulator sim;
    final List<CamelContext> replicas = new ArrayList<>();

    @BeforeEach
    void startSimulator() {
        sim = JiraSimulator.builder().feature(oauth).start();
    }

    /** Two replicas, and a third application on the same store where the user connected earlier. */
    void startReplicas(SharedDatabase database) throws Exception {
        String url = database.createDatabase(storeDir);
        for (int i = 0; i < 3; i++) {
            CamelContext replica = new DefaultCamelContext();
            JiraqComponent jiraq = SharedDatabase.replicaComponent(url);
            JiraqConfiguration config = jiraq.getConfiguration();
            config.setBaseUrl(sim.baseUrl());
            config.setDeployment(JiraqDeployment.cloud);
            OAuth2TestSupport.oauth2(config, sim);
            replica.addComponent("jiraq", jiraq);
            replica.addRoutes(OAuth2TestSupport.routes());
            replica.start();
            replicas.add(replica);
        }
    }

    @AfterEach
    void stop() {
        replicas.forEach(CamelContext::stop);
        sim.assertNoContractViolations();
        sim.close();
    }

    @ParameterizedTest
    @EnumSource(SharedDatabase.class)
    void anExpiredTokenIsRefreshedOnceForTwoHundredConcurrentExchangesOnTwoReplicas(SharedDatabase database)
            throws Exception {
        startReplicas(database);
        CamelContext connector = replicas.get(2);
        OAuth2TestSupport.connect(connector.createProducerTemplate(), "default");
        connector.stop(); // the replicas know the grant only from the store
        OAuth2TestSupport.tokenStore(replicas.get(1)).update("default", grant -> new OAuth2Grant(grant.accessToken(),
                Instant.now().minusSeconds(1), grant.refreshToken(), grant.scopes(), grant.cloudId(), grant.siteUrl(),
                false));
        sim.clock().advance(Duration.ofMinutes(61));
        List<ProducerTemplate> templates = replicas.subList(0, 2).stream().map(CamelContext::createProducerTemplate)
                .toList();

        ExecutorService callers = Executors.newFixedThreadPool(EXCHANGES);
        List<Exchange> exchanges = new ArrayList<>();
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Exchange>> running = new ArrayList<>();
            for (int i = 0; i < EXCHANGES; i++) {
                ProducerTemplate template = templates.get(i % 2);
                running.add(callers.submit(() -> {
                    go.await();
                    return OAuth2TestSupport.createIssue(template, null);
                }));
            }
            go.countDown();
            for (Future<Exchange> exchange : running) {
                exchanges.add(exchange.get());
            }
        } finally {
            callers.shutdownNow();
        }

        assertThat(exchanges).allSatisfy(e -> assertThat(e.getException()).isNull());
        assertThat(oauth.tokenRequests("refresh_token")).isEqualTo(1);
        assertThat(oauth.refusedAccessTokens()).isZero();
        assertThat(sim.state().issueCount()).isEqualTo(EXCHANGES);
    }
}
