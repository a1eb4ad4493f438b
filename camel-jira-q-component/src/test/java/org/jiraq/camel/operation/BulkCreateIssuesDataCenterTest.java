package org.jiraq.camel.operation;

import org.jiraq.simulator.JiraSimulator;

class BulkCreateIssuesDataCenterTest extends BulkCreateIssuesContract {

    @Override
    protected JiraSimulator.Flavour flavour() {
        return JiraSimulator.Flavour.DATA_CENTER;
    }
}
