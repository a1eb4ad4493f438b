package org.jiraq.simulator.http;

import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * Lets features serve a request as if it had been sent to another URL, e.g. Atlassian's API gateway route
 * {@code /ex/jira/{cloudId}/rest/...} as the site's own {@code /rest/...}. It runs before WireMock matches stubs, so
 * the rewritten request meets the normal routes, interceptors and contract checks.
 */
public final class RequestRewriter implements StubRequestFilterV2 {

    private final List<UnaryOperator<Request>> rewrites = new CopyOnWriteArrayList<>();

    public void add(UnaryOperator<Request> rewrite) {
        rewrites.add(rewrite);
    }

    @Override
    public String getName() {
        return "jira-simulator-rewrites";
    }

    @Override
    public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
        Request rewritten = request;
        for (UnaryOperator<Request> rewrite : rewrites) {
            rewritten = rewrite.apply(rewritten);
        }
        return RequestFilterAction.continueWith(rewritten);
    }
}
