package org.jiraq.simulator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathTemplate;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jiraq.simulator.auth.AuthInterceptor;
import org.jiraq.simulator.auth.SimulatorAuth;
import org.jiraq.simulator.http.Interceptor;
import org.jiraq.simulator.http.RequestDispatcher;
import org.jiraq.simulator.http.RequestRewriter;
import org.jiraq.simulator.http.Route;
import org.jiraq.simulator.model.SimulatorState;
import org.jiraq.simulator.platform.JiraJson;

/** What a {@link SimulatorFeature} gets to work with while it registers itself. */
public final class SimulatorContext {

    private final JiraSimulator.Flavour flavour;
    private final String baseUrl;
    private final SimulatorState state;
    private final SimulatorClock clock;
    private final WireMockServer wireMock;
    private final RequestDispatcher dispatcher;
    private final AuthInterceptor auth;
    private final RequestRewriter rewriter;
    private final JiraJson json;

    SimulatorContext(JiraSimulator.Flavour flavour, String baseUrl, SimulatorState state, SimulatorClock clock,
            WireMockServer wireMock, RequestDispatcher dispatcher, AuthInterceptor auth, RequestRewriter rewriter) {
        this.flavour = flavour;
        this.baseUrl = baseUrl;
        this.state = state;
        this.clock = clock;
        this.wireMock = wireMock;
        this.dispatcher = dispatcher;
        this.auth = auth;
        this.rewriter = rewriter;
        this.json = new JiraJson(flavour, baseUrl);
    }

    public JiraSimulator.Flavour flavour() {
        return flavour;
    }

    /** The site URL, e.g. {@code http://localhost:8089}. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The platform REST root path of this flavour: {@code /rest/api/3} (Cloud) or {@code /rest/api/2} (DC). */
    public String restRoot() {
        return flavour.restRoot();
    }

    public SimulatorState state() {
        return state;
    }

    public SimulatorClock clock() {
        return clock;
    }

    public WireMockServer wireMock() {
        return wireMock;
    }

    /** Jira's JSON representations of the state's objects, with this site's {@code self} links. */
    public JiraJson json() {
        return json;
    }

    /**
     * Serves {@code method} on {@code pathTemplate} (WireMock template syntax: {@code /rest/api/3/issue/{key}}).
     * The returned route can still be marked {@link Route#contractExempt()} or {@link Route#anonymous()}.
     */
    public Route route(String method, String pathTemplate, Route.Handler handler) {
        Route route = new Route(method, pathTemplate, handler);
        register(route, request(method, urlPathTemplate(pathTemplate)));
        return route;
    }

    /** Adds a step every request passes through; see {@link Interceptor} for the built-in orders. */
    public void interceptor(int order, Interceptor interceptor) {
        dispatcher.addInterceptor(order, interceptor);
    }

    /** Adds an authentication scheme after the ones already registered. */
    public void authentication(SimulatorAuth scheme) {
        auth.add(scheme);
    }

    /**
     * Serves requests as if sent to another URL (an API gateway's route to the site's own endpoints): the rewrite
     * runs before routing, so routes, interceptors and contract checks see the rewritten request. Return the request
     * unchanged when the rewrite does not apply.
     */
    public void rewrite(UnaryOperator<Request> rewrite) {
        rewriter.add(rewrite);
    }

    void fallback(Route.Handler handler) {
        register(Route.fallback(handler), any(anyUrl()));
    }

    private void register(Route route, MappingBuilder mapping) {
        UUID stubId = UUID.randomUUID();
        dispatcher.addRoute(stubId, route);
        wireMock.stubFor(mapping.withId(stubId).atPriority(route.stubPriority())
                .willReturn(aResponse().withTransformers(RequestDispatcher.NAME)));
    }
}
