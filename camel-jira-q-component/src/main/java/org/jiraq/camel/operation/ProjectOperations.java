package org.jiraq.camel.operation;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.JiraqDeployment;
import org.jiraq.camel.JiraqEndpoint;
import org.jiraq.camel.client.JiraqRequest;
import org.jiraq.camel.client.PageStyle;

/**
 * getProjects: every project the user can see. Cloud pages {@code /project/search} (at most 100 a page); Data Center
 * answers {@code /project} with the whole list at once.
 */
public final class ProjectOperations {

    private final JiraqEndpoint endpoint;
    private final Outputs outputs;

    public ProjectOperations(JiraqEndpoint endpoint) {
        this.endpoint = endpoint;
        this.outputs = new Outputs(endpoint.getConfiguration().isAdfAsText());
    }

    public void list(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        List<Object> projects = new ArrayList<>();
        if (endpoint.getDeployment() == JiraqDeployment.cloud) {
            JiraqRequest first = JiraqRequest.get(endpoint.apiPath() + "/project/search")
                    .query("maxResults", Math.min(endpoint.getConfiguration().getPageSize(), 100))
                    .query("expand", endpoint.getConfiguration().getExpand())
                    .build();
            endpoint.getClient(exchange).paginate(first, PageStyle.offset("values"), Long.MAX_VALUE)
                    .forEachRemaining(p -> projects.add(outputs.map(p)));
        } else {
            projects.addAll(outputs.list(endpoint.getClient(exchange).execute(JiraqRequest.get(endpoint.apiPath() + "/project")
                    .query("expand", endpoint.getConfiguration().getExpand()).build()).json()));
        }
        in.setHeader(JiraqConstants.RESULT_COUNT, projects.size());
        in.setBody(projects);
    }
}
