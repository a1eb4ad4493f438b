package org.jiraq.camel.routes;

import java.util.Map;

import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.jiraq.camel.JiraqConstants;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The YAML example makes working routes from the Java-defined templates. */
class YamlTemplatedRoutesTest extends SinkTestSupport {

    @Test
    void yamlExampleMakesASinkAndItsReplay() throws Exception {
        PluginHelper.getRoutesLoader(context)
                .loadRoutes(ResourceHelper.resolveMandatoryResource(context, "classpath:routes/resilient-sink.camel.yaml"));

        template.sendBodyAndHeaders("direct:tickets", null, Map.of(JiraqConstants.PROJECT_KEY, "LATER",
                JiraqConstants.ISSUE_TYPE_NAME, "Task", JiraqConstants.SUMMARY, "Project made later"));
        assertThat(deadLetters.count("tickets-to-jira")).isEqualTo(1);
        sim.state().addProject("LATER", "Made later");
        template.sendBody("direct:replay-tickets", null);

        assertThat(context.getRoute("tickets-to-jira")).isNotNull();
        assertThat(deadLetters.count("tickets-to-jira")).isZero();
        assertThat(sim.state().issues()).extracting(i -> i.summary()).containsExactly("Project made later");
    }
}
