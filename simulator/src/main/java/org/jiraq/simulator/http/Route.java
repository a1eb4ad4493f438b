package org.jiraq.simulator.http;

import com.github.tomakehurst.wiremock.common.url.PathTemplate;
import java.util.Map;

/**
 * One endpoint of the simulator: a method, a path template in WireMock's syntax ({@code /rest/api/3/issue/{key}}),
 * its handler and the exemptions it declares.
 */
public final class Route {

    /** Computes the answer to a request that reached this route. */
    @FunctionalInterface
    public interface Handler {
        ApiResponse handle(ApiRequest request);
    }

    /** WireMock priorities: 1 is highest. Routes use 10 and up, leaving 1-9 for stubs that must win (faults). */
    static final int FALLBACK_PRIORITY = 100;

    private final String method;
    private final PathTemplate template;
    private final String pathTemplate;
    private final Handler handler;
    private volatile boolean contractExempt;
    private volatile boolean anonymous;

    public Route(String method, String pathTemplate, Handler handler) {
        this.method = method;
        this.pathTemplate = pathTemplate;
        this.template = pathTemplate == null ? null : new PathTemplate(pathTemplate);
        this.handler = handler;
    }

    /** The route of last resort: any method, any path no other route took. */
    public static Route fallback(Handler handler) {
        return new Route("ANY", null, handler);
    }

    /**
     * Serves a path that is deliberately absent from the OpenAPI documents (OAuth token endpoints, test-only
     * controls), so contract checking leaves it alone.
     */
    public Route contractExempt() {
        this.contractExempt = true;
        return this;
    }

    /** Answers without credentials, like Jira's {@code serverInfo}. */
    public Route anonymous() {
        this.anonymous = true;
        return this;
    }

    public String method() {
        return method;
    }

    public String pathTemplate() {
        return pathTemplate;
    }

    public boolean isContractExempt() {
        return contractExempt;
    }

    public boolean isAnonymous() {
        return anonymous;
    }

    Handler handler() {
        return handler;
    }

    /** More specific templates (fewer variables) win over general ones that would match the same path. */
    public int stubPriority() {
        return template == null ? FALLBACK_PRIORITY : 10 + template.numberOfParameters();
    }

    Map<String, String> pathParams(String path) {
        return template == null ? Map.of() : template.parse(path);
    }
}
