package org.jiraq.camel.operation;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.StreamCache;
import org.jiraq.camel.JiraqApi;
import org.jiraq.camel.JiraqConfiguration;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.JiraqEndpoint;
import org.jiraq.camel.JiraqSearchMode;
import org.jiraq.camel.client.JiraqClient;
import org.jiraq.camel.client.JiraqRequest;
import org.jiraq.camel.client.JiraqResponse;
import org.jiraq.camel.client.PageStyle;
import org.jiraq.camel.client.Paginator;
import org.jiraq.camel.client.RestPath;

/**
 * request and serviceDeskRequest: any Jira REST call, with the component's credentials, retries, errors and paging.
 * Only what the route names explicitly is sent (path, query, the header and cookie maps, the body); the path can
 * only point below the REST root of the configured site, or, for request with option api naming one of Atlassian's
 * gateway APIs (Customer Service Management, Assets, Operations), below that API's root on the gateway.
 */
public final class RequestOperation {

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD");
    private static final Set<String> WITHOUT_BODY = Set.of("GET", "HEAD");

    private final JiraqEndpoint endpoint;
    private final JiraqConfiguration config;
    private final String root;
    private final Outputs outputs;
    private final GatewayApis gateway;

    /**
     * @param root the REST root paths are resolved below: {@code /rest}, or {@code /rest/servicedeskapi}
     */
    public RequestOperation(JiraqEndpoint endpoint, String root) {
        this.endpoint = endpoint;
        this.config = endpoint.getConfiguration();
        this.root = root;
        this.outputs = new Outputs(config.isAdfAsText());
        this.gateway = new GatewayApis(endpoint);
    }

    public void send(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        // a gateway API's paths are below its own root, which the client is rooted at
        boolean viaGateway = "/rest".equals(root) && config.getApi() != JiraqApi.jira;
        JiraqRequest request = request(in, viaGateway ? "" : root);
        JiraqClient client = viaGateway ? gateway.client(exchange, config.getApi()) : endpoint.getClient(exchange);
        if (!in.getHeader(JiraqConstants.PAGINATE, config.isPaginate(), Boolean.class)) {
            JiraqResponse response = client.execute(request);
            in.setHeader(JiraqConstants.HTTP_STATUS, response.status());
            in.setBody(body(response));
            return;
        }
        Paginator pages = client.paginate(request, PageStyle.detect(client),
                config.getSearchMode() == JiraqSearchMode.stream ? Long.MAX_VALUE : config.getMaxResults());
        switch (config.getSearchMode()) {
            case list -> {
                List<Object> items = new ArrayList<>();
                pages.forEachRemaining(item -> items.add(outputs.value(item)));
                in.setHeader(JiraqConstants.RESULT_COUNT, items.size());
                Outputs.progress(in, pages, false);
                in.setBody(items);
            }
            case stream -> {
                pages.hasNext(); // the first page now, so a refused call fails here rather than inside the splitter
                in.setBody(outputs.streamValues(pages));
            }
            case page -> throw new IllegalArgumentException(
                    "searchMode=page does not apply to paginate: leave paginate off to get one page as Jira sends it,"
                                                            + " or use searchMode=list or stream");
        }
    }

    private JiraqRequest request(Message in, String pathRoot) {
        String method = method(in);
        RestPath target = RestPath.below(pathRoot, in.getHeader(JiraqConstants.PATH, config.getPath(), String.class),
                "option 'path' or header " + JiraqConstants.PATH);
        JiraqRequest.Builder request = JiraqRequest.builder(method, target.path());
        Map<String, Object> query = new LinkedHashMap<>(target.query());
        putAll(query, config.getQueryParameters());
        putAll(query, Inputs.mapHeader(in, JiraqConstants.QUERY));
        RequestHeaders.refuseLoginParameters(query);
        query.forEach((name, value) -> {
            if (value instanceof Collection<?> values) {
                values.forEach(v -> request.query(name, v));
            } else {
                request.query(name, value);
            }
        });
        RequestHeaders.headers(config.getHttpHeaders(), Inputs.mapHeader(in, JiraqConstants.HTTP_HEADERS))
                .forEach(request::header);
        String cookies = RequestHeaders.cookieHeader(config.getCookies(), Inputs.mapHeader(in, JiraqConstants.COOKIES));
        if (cookies != null) {
            request.header("Cookie", cookies);
        }
        if (!WITHOUT_BODY.contains(method)) {
            request.json(jsonBody(in));
        }
        return request.build();
    }

    private String method(Message in) {
        String method = in.getHeader(JiraqConstants.HTTP_METHOD, config.getHttpMethod(), String.class);
        String upper = method == null ? "" : method.trim().toUpperCase(Locale.ROOT);
        if (!METHODS.contains(upper)) {
            throw new IllegalArgumentException("HTTP method '" + method + "' (option 'httpMethod' or header "
                                               + JiraqConstants.HTTP_METHOD + ") is not one of " + METHODS);
        }
        return upper;
    }

    /** Raw JSON text and bytes pass as they are; maps, lists, nodes and other objects are written by Jackson. */
    private static Object jsonBody(Message in) {
        Object body = in.getBody();
        if (body instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (body instanceof InputStream || body instanceof StreamCache) {
            return in.getBody(String.class);
        }
        return body;
    }

    /** A JSON answer as maps and lists, any other answer as text, no body as null. */
    private Object body(JiraqResponse response) {
        if (response.body().length == 0) {
            return null;
        }
        String type = response.header("Content-Type");
        String text = new String(response.body(), StandardCharsets.UTF_8);
        boolean json = type == null ? Inputs.looksLikeJson(text) : type.toLowerCase(Locale.ROOT).contains("json");
        return json ? outputs.value(response.json()) : text;
    }

    private static void putAll(Map<String, Object> into, Map<String, ?> from) {
        if (from != null) {
            into.putAll(from);
        }
    }
}
