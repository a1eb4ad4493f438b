package org.jiraq.camel.operation;

import org.jiraq.camel.JiraqConstants;
import org.jiraq.simulator.JiraSimulator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchIssuesDataCenterTest extends SearchIssuesContract {

    @Override
    protected JiraSimulator.Flavour flavour() {
        return JiraSimulator.Flavour.DATA_CENTER;
    }

    @Test
    void dataCenterSearchPagesWithStartAt() {
        sim.state().seedIssues("OPS", 30);

        template.requestBodyAndHeader("jiraq:searchIssues?pageSize=10", null, JiraqConstants.JQL, "project = OPS");

        assertThat(sim.requests("GET", "/rest/api/2/search")).hasSize(3);
        assertThat(sim.requests("GET", "/rest/api/2/search").get(2).queryParam("startAt")).isEqualTo("20");
    }
}
