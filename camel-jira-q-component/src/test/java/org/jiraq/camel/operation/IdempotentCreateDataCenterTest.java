package org.jiraq.camel.operation;

import org.jiraq.simulator.JiraSimulator;

class IdempotentCreateDataCenterTest extends IdempotentCreateContract {

    @Override
    protected JiraSimulator.Flavour flavour() {
        return JiraSimulator.Flavour.DATA_CENTER;
    }
}
