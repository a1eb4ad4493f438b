package org.jiraq.camel.gdpr;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.jiraq.camel.JiraqComponent;
import org.jiraq.camel.JiraqConfiguration;
import org.jiraq.camel.JiraqTestSupport;
import org.jiraq.camel.spi.GdprStore;
import org.jiraq.camel.spi.ReportingCycleState;
import org.jiraq.camel.store.JdbcGdprStore;
import org.jiraq.camel.store.JiraqStore;
import org.jiraq.camel.store.SharedDatabase;
import org.jiraq.simulator.JiraSimulator;
import org.jiraq.simulator.privacy.PersonalDataReporting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A simulator that also serves the personal data reporting API (its root standing in for Atlassian's gateway), and
 * application instances sharing one database (an H2 file) through their own component stores: the test's own
 * CamelContext, and more started with {@link #startInstance} to play a restart or a second replica. The test reads
 * and seeds the registry through a store of its own on the same file, as another process would.
 */
abstract class GdprTestSupport extends JiraqTestSupport {

    /** jiraq:gdpr looking every second whether a cycle is due. */
    static final String GDPR = "jiraq:gdpr?scheduler.cron=*+*+*+*+*+?";

    protected final PersonalDataReporting reporting = new PersonalDataReporting();
    protected GdprStore store;
    private final List<CamelContext> instances = new ArrayList<>();
    @TempDir
    Path storeDir;
    private JiraqStore database;

    @Override
    protected JiraSimulator.Builder simulator() {
        return super.simulator().feature(reporting);
    }

    @Override
    protected void configure(JiraqConfiguration config) {
        super.configure(config);
        config.setApiGatewayUrl(sim.baseUrl());
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        database = JiraqStore.url(storeUrl(), null, null);
        database.start();
        store = new JdbcGdprStore(database);
        CamelContext camel = super.createCamelContext();
        camel.getComponent("jiraq", JiraqComponent.class).setStoreUrl(storeUrl());
        camel.getShutdownStrategy().setTimeout(10);
        return camel;
    }

    private String storeUrl;

    /** The database the instances share: the H2 file of the single-process default unless a subclass says so. */
    protected SharedDatabase database() {
        return SharedDatabase.H2;
    }

    private String storeUrl() {
        if (storeUrl == null) {
            storeUrl = database().createDatabase(storeDir);
        }
        return storeUrl;
    }

    /** Another instance of the application: its own CamelContext and component, the same store and simulator. */
    protected CamelContext startInstance(RoutesBuilder routes) throws Exception {
        CamelContext instance = new DefaultCamelContext();
        JiraqComponent jiraq = new JiraqComponent();
        configure(jiraq.getConfiguration());
        jiraq.setStoreUrl(storeUrl());
        instance.addComponent("jiraq", jiraq);
        instance.getShutdownStrategy().setTimeout(10);
        instance.addRoutes(routes);
        instance.start();
        instances.add(instance);
        return instance;
    }

    /** Registers {@code count} accounts acct-00000, acct-00001, ... fetched at {@code updatedAt}. */
    protected List<String> registerAccounts(int count, Instant updatedAt) throws Exception {
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String id = String.format("acct-%05d", i);
            store.record(id, updatedAt);
            ids.add(id);
        }
        return ids;
    }

    /** Whether the first cycle has run to its end. */
    protected boolean firstCycleComplete() throws Exception {
        ReportingCycleState state = store.cycleState();
        return !state.inProgress() && state.nextDueAt() != null;
    }

    @AfterEach
    void stopInstances() {
        instances.forEach(CamelContext::stop);
        database.stop();
    }
}
