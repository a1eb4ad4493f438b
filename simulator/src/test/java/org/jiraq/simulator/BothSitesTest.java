package org.jiraq.simulator;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * A test class against one simulator per flavour: started once, checked for contract violations and reset after
 * each test.
 */
abstract class BothSitesTest {

    static Map<JiraSimulator.Flavour, Site> sites;

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
