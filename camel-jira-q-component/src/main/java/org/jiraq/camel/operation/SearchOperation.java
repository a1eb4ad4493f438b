package org.jiraq.camel.operation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.jiraq.camel.JiraqConfiguration;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.JiraqDeployment;
import org.jiraq.camel.JiraqEndpoint;
import org.jiraq.camel.client.JiraqRequest;
import org.jiraq.camel.client.Json;
import org.jiraq.camel.client.PageStyle;
import org.jiraq.camel.client.Paginator;

/**
 * searchIssues. Jira Cloud removed {@code /search}; it pages {@code /search/jql} with {@code nextPageToken} and returns
 * only ids unless fields are asked for. Data Center keeps {@code /search} with {@code startAt} offsets. In stream mode
 * the next pages are fetched while the route works on the current one ({@code prefetchPages}).
 */
public final class SearchOperation {

    private final JiraqEndpoint endpoint;
    private final JiraqConfiguration config;
    private final Outputs outputs;
    private ExecutorService prefetchExecutor;

    public SearchOperation(JiraqEndpoint endpoint) {
        this.endpoint = endpoint;
        this.config = endpoint.getConfiguration();
        this.outputs = new Outputs(config.isAdfAsText());
    }

    public void search(Exchange exchange) {
        Message in = exchange.getMessage();
        String jql = jql(in);
        String fields = in.getHeader(JiraqConstants.FIELDS, config.getFields(), String.class);
        String position = in.getHeader(JiraqConstants.NEXT_PAGE, String.class);
        JiraqRequest first = firstPage(jql, fields, position);
        PageStyle style = pageStyle();
        switch (config.getSearchMode()) {
            case list -> {
                Paginator pages = endpoint.getClient(exchange).paginate(first, style, config.getMaxResults());
                List<Object> issues = new ArrayList<>();
                pages.forEachRemaining(issue -> issues.add(outputs.map(issue)));
                in.setHeader(JiraqConstants.RESULT_COUNT, issues.size());
                Outputs.progress(in, pages, false);
                in.setBody(issues);
            }
            case page -> {
                Paginator pages = endpoint.getClient(exchange).paginate(first, style, config.getPageSize());
                List<Object> issues = new ArrayList<>();
                pages.nextPage().forEach(issue -> issues.add(outputs.map(issue)));
                String next = pages.nextPosition();
                if (next == null) {
                    in.removeHeader(JiraqConstants.NEXT_PAGE);
                } else {
                    in.setHeader(JiraqConstants.NEXT_PAGE, next);
                }
                in.setHeader(JiraqConstants.IS_LAST, next == null);
                in.setHeader(JiraqConstants.RESULT_COUNT, issues.size());
                Outputs.progress(in, pages, position != null);
                in.setBody(issues);
            }
            case stream -> {
                Paginator pages = endpoint.getClient(exchange).paginate(first, style, Long.MAX_VALUE);
                int depth = config.getPrefetchPages();
                in.setBody(outputs.stream(depth > 0 ? pages.prefetching(prefetchExecutor(), depth) : pages));
            }
        }
    }

    /**
     * The threads that fetch pages ahead of a stream, made on first use and owned by Camel, which shuts them down with
     * the context; idle ones end after a minute.
     */
    private synchronized ExecutorService prefetchExecutor() {
        if (prefetchExecutor == null) {
            prefetchExecutor = endpoint.getCamelContext().getExecutorServiceManager()
                    .newCachedThreadPool(this, "JiraqPrefetch");
        }
        return prefetchExecutor;
    }

    /** Every issue {@code jql} matches, as maps, fetched page by page while the iterator is consumed. */
    public Iterator<Map<String, Object>> issues(String jql, String fields) {
        return outputs.stream(endpoint.getClient().paginate(firstPage(jql, fields, null), pageStyle(), Long.MAX_VALUE));
    }

    private boolean cloud() {
        return endpoint.getDeployment() == JiraqDeployment.cloud;
    }

    private JiraqRequest firstPage(String jql, String fields, String position) {
        return cloud() ? cloudRequest(jql, fields, position) : dataCenterRequest(jql, fields, position);
    }

    private PageStyle pageStyle() {
        return cloud() ? PageStyle.nextPageToken("issues") : PageStyle.offset("issues");
    }

    private String jql(Message in) {
        String jql = in.getHeader(JiraqConstants.JQL, String.class);
        if (jql == null && in.getBody() instanceof String body && !body.isBlank()) {
            jql = body;
        }
        if (jql == null) {
            jql = config.getJql();
        }
        if (jql == null || jql.isBlank()) {
            throw new IllegalArgumentException(
                    "searchIssues needs JQL: set header " + JiraqConstants.JQL
                                               + ", send it as the body, or set the jql option");
        }
        return jql;
    }

    /** POST, so long JQL fits; searching changes nothing, so it is safe to retry. */
    private JiraqRequest cloudRequest(String jql, String fields, String token) {
        ObjectNode body = Json.object().put("jql", jql).put("maxResults", config.getPageSize());
        ArrayNode fieldList = body.putArray("fields");
        Arrays.stream(fields.split(",")).map(String::trim).filter(f -> !f.isEmpty()).forEach(fieldList::add);
        if (config.getExpand() != null) {
            body.put("expand", config.getExpand());
        }
        if (token != null) {
            body.put("nextPageToken", token);
        }
        return JiraqRequest.post(endpoint.apiPath() + "/search/jql").json(body).retrySafe(true).build();
    }

    private JiraqRequest dataCenterRequest(String jql, String fields, String startAt) {
        return JiraqRequest.get(endpoint.apiPath() + "/search")
                .query("jql", jql)
                .query("startAt", startAt)
                .query("maxResults", config.getPageSize())
                .query("fields", fields)
                .query("expand", config.getExpand())
                .build();
    }
}
