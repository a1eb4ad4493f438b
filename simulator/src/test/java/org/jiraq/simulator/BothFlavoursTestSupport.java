package org.jiraq.simulator;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** One Cloud and one Data Center site for the whole test class, reset and contract-checked after each test. */
public abstract class BothFlavoursTestSupport {

    protected static Map<JiraSimulator.Flavour, Site> sites;

    @BeforeAll
    static void start() {
        sites = Site.startBoth();
    }

    @AfterAll
    static void stop() {
        sites.values().forEach(Site::close);
    }

    @AfterEach
    void checkContractAndReset() {
        sites.values().forEach(Site::checkAndReset);
    }
}
