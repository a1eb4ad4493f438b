package org.jiraq.camel.gdpr;

import org.jiraq.camel.store.SharedDatabase;

/**
 * The reporting cycle's tests with the instances on one real PostgreSQL, as replicas run on Kubernetes: a cycle runs
 * once for two replicas, and one stopped halfway is finished by another without skip or repeat.
 */
class ReportingCyclePostgresqlTest extends ReportingCycleTest {

    @Override
    protected SharedDatabase database() {
        return SharedDatabase.POSTGRESQL;
    }
}
