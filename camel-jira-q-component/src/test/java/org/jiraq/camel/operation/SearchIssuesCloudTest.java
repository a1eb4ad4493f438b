package org.jiraq.camel.operation;

import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.JiraqHttpException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchIssuesCloudTest extends SearchIssuesContract {

    @Test
    void cloudSearchUsesSearchJqlWithTokenPaging() {
        sim.state().seedIssues("OPS", 30);

        template.requestBodyAndHeader("jiraq:searchIssues?pageSize=10", null, JiraqConstants.JQL, "project = OPS");

        assertThat(sim.requests("POST", "/rest/api/3/search/jql")).hasSize(3);
        assertThat(sim.requests("POST", "/rest/api/3/search/jql").get(1).body()).contains("nextPageToken");
    }

    @Test
    void removedSearchEndpointExplainsWhichEndpointToUse() {
        // a Cloud site mistakenly configured as Data Center calls the removed /rest/api/2/search
        assertThatThrownBy(() -> template.requestBodyAndHeader("jiraq:searchIssues?deployment=datacenter&apiVersion=2",
                null, JiraqConstants.JQL, "project = OPS"))
                .cause().isInstanceOf(JiraqHttpException.class)
                .hasMessageContaining("410 Gone")
                .hasMessageContaining("Please migrate to the /rest/api/3/search/jql API")
                .hasMessageContaining("searchIssues operation uses /rest/api/3/search/jql on Jira Cloud");
    }
}
