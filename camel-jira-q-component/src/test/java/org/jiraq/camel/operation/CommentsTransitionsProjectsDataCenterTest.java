package org.jiraq.camel.operation;

import org.jiraq.simulator.JiraSimulator;

class CommentsTransitionsProjectsDataCenterTest extends CommentsTransitionsProjectsContract {

    @Override
    protected JiraSimulator.Flavour flavour() {
        return JiraSimulator.Flavour.DATA_CENTER;
    }
}
