package org.jiraq.camel.operation;

import org.jiraq.simulator.JiraSimulator;

class IssueOperationsDataCenterTest extends IssueOperationsContract {

    @Override
    protected JiraSimulator.Flavour flavour() {
        return JiraSimulator.Flavour.DATA_CENTER;
    }
}
