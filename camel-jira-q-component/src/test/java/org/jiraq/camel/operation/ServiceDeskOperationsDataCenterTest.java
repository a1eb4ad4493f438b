package org.jiraq.camel.operation;

import org.jiraq.simulator.JiraSimulator;

class ServiceDeskOperationsDataCenterTest extends ServiceDeskOperationsContract {

    @Override
    protected JiraSimulator.Flavour flavour() {
        return JiraSimulator.Flavour.DATA_CENTER;
    }
}
