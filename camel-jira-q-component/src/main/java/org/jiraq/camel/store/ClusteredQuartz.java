package org.jiraq.camel.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.UUID;

import org.apache.camel.CamelContext;
import org.apache.camel.component.quartz.QuartzComponent;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the CamelContext's Quartz scheduler in clustered mode on the jiraq store, so every schedule of the component
 * (the GDPR cycle, the webhook refresh, polling with scheduler=quartz) fires on one replica per tick, and a replica
 * that dies has its fired jobs recovered by another. The tables come with the store's migrations (V6__quartz.sql).
 * <p>
 * This is the one place schedules become clustered: the features only ask the context for quartz endpoints and
 * schedulers. Replicas must share the CamelContext name (camel.main.name), because Quartz jobs find their context by
 * that name on whichever replica fires them.
 */
public final class ClusteredQuartz {

    /** Replicas sharing these rows form one cluster; Camel appends the CamelContext name. */
    static final String SCHEDULER_NAME = "jiraq";
    static final String TABLE_PREFIX = "jiraq_qrtz_";
    /** Marks a quartz component this class configured, so a second jiraq component on the context leaves it be. */
    static final String MARKER = "org.jiraq.clustered";

    private static final Logger LOG = LoggerFactory.getLogger(ClusteredQuartz.class);

    private ClusteredQuartz() {
    }

    /**
     * Configures the context's quartz component before it creates its scheduler. An application that configured
     * Quartz itself (properties, a properties file or its own scheduler) keeps its configuration.
     */
    public static void configure(CamelContext context, JiraqStore store) {
        QuartzComponent quartz = (QuartzComponent) context.getComponent("quartz", true, false);
        if (quartz.getProperties() != null && quartz.getProperties().containsKey(MARKER)) {
            return;
        }
        if (quartz.getScheduler() != null || quartz.getProperties() != null || quartz.getPropertiesFile() != null
                || quartz.getPropertiesRef() != null) {
            LOG.info("The quartz component is configured by the application; jiraq schedules use that configuration"
                     + " and fire once per cluster only if it is clustered");
            return;
        }
        String dataSourceName = "jiraq-store-" + UUID.randomUUID();
        DBConnectionManager.getInstance().addConnectionProvider(dataSourceName, new StoreConnections(store));
        quartz.setProperties(properties(dataSourceName));
        LOG.info("Quartz runs clustered on the jiraq store: each schedule fires once across replicas");
    }

    static Properties properties(String dataSourceName) {
        Properties properties = new Properties();
        properties.setProperty(MARKER, "true");
        properties.setProperty("org.quartz.scheduler.instanceName", SCHEDULER_NAME);
        properties.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        properties.setProperty("org.quartz.threadPool.threadCount", "4");
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        // BYTEA columns on both databases (see V6__quartz.sql)
        properties.setProperty("org.quartz.jobStore.driverDelegateClass",
                "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        properties.setProperty("org.quartz.jobStore.tablePrefix", TABLE_PREFIX);
        properties.setProperty("org.quartz.jobStore.dataSource", dataSourceName);
        properties.setProperty("org.quartz.jobStore.isClustered", "true");
        properties.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        return properties;
    }

    /** Quartz takes its connections from the store's open DataSource, whichever kind the store has. */
    private record StoreConnections(JiraqStore store) implements ConnectionProvider {

        @Override
        public Connection getConnection() throws SQLException {
            return store.getDataSource().getConnection();
        }

        @Override
        public void shutdown() {
            // the store closes its own pool
        }

        @Override
        public void initialize() {
            // the store is open before Quartz starts
        }
    }
}
