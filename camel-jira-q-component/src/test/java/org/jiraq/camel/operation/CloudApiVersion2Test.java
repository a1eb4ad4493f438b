package org.jiraq.camel.operation;

import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.jiraq.camel.JiraqConfiguration;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.JiraqTestSupport;
import org.jiraq.simulator.Adf;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jira Cloud through REST API v2 (apiVersion=2): the same operations with rich text as plain strings, which Cloud
 * keeps as Atlassian Document Format and hands back as text.
 */
class CloudApiVersion2Test extends JiraqTestSupport {

    @Override
    protected void configure(JiraqConfiguration config) {
        super.configure(config);
        config.setApiVersion(2);
    }

    @Test
    void issuesAndCommentsTravelAsPlainStringsOnVersion2() {
        Exchange created = template.request("jiraq:createIssue", e -> e.getMessage().setHeaders(Map.of(
                JiraqConstants.PROJECT_KEY, "DEMO", JiraqConstants.ISSUE_TYPE_NAME, "Task",
                JiraqConstants.SUMMARY, "Version two", JiraqConstants.DESCRIPTION, "Plain *wiki* text")));
        String key = created.getMessage().getHeader(JiraqConstants.ISSUE_KEY, String.class);
        Exchange commented = template.request("jiraq:addComment", e -> {
            e.getMessage().setHeader(JiraqConstants.ISSUE_KEY, key);
            e.getMessage().setBody("A v2 comment");
        });
        Exchange read = template.request("jiraq:getIssue", e -> e.getMessage().setBody(key));
        Exchange comments = template.request("jiraq:getComments", e -> e.getMessage().setHeader(JiraqConstants.ISSUE_KEY, key));
        Exchange found = template.request("jiraq:searchIssues", e -> e.getMessage().setBody("key = " + key));

        assertThat(created.getException()).isNull();
        assertThat(commented.getException()).isNull();
        assertThat(sim.requests("POST", "/rest/api/3/issue").get(0).headers())
                .as("served as its v3 twin, marked as called on v2").containsKey("X-Simulator-Rest-Version");
        assertThat(Adf.plainText(sim.state().issue(key).description())).isEqualTo("Plain *wiki* text");
        Map<?, ?> fields = (Map<?, ?>) read.getMessage().getBody(Map.class).get("fields");
        assertThat(fields.get("description")).isEqualTo("Plain *wiki* text");
        assertThat(((Map<?, ?>) comments.getMessage().getBody(List.class).get(0)).get("body")).isEqualTo("A v2 comment");
        assertThat(found.getMessage().getBody(List.class)).hasSize(1);
    }
}
