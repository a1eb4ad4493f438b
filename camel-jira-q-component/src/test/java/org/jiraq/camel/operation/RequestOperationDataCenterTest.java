package org.jiraq.camel.operation;

import org.jiraq.simulator.JiraSimulator;

class RequestOperationDataCenterTest extends RequestOperationContract {

    @Override
    protected JiraSimulator.Flavour flavour() {
        return JiraSimulator.Flavour.DATA_CENTER;
    }
}
