package org.jiraq.camel.operation;

import org.jiraq.simulator.JiraSimulator;

class AddAttachmentDataCenterTest extends AddAttachmentContract {

    @Override
    protected JiraSimulator.Flavour flavour() {
        return JiraSimulator.Flavour.DATA_CENTER;
    }
}
