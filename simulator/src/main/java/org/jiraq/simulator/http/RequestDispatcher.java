package org.jiraq.simulator.http;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jiraq.simulator.model.SimulatorState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WireMock extension that computes every simulator answer: it finds the {@link Route} behind the matched stub,
 * passes the request through the interceptors (contract, authentication, ...) to the route's handler, and stamps
 * the result with a request id. Handlers run under the state's read lock for GET, its write lock otherwise.
 */
public final class RequestDispatcher implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "jira-simulator";

    private static final Logger LOG = LoggerFactory.getLogger(RequestDispatcher.class);

    private record Step(int order, Interceptor interceptor) {
    }

    private final SimulatorState state;
    private final Map<UUID, Route> routesByStubId = new ConcurrentHashMap<>();
    private final List<Step> steps = new CopyOnWriteArrayList<>();

    public RequestDispatcher(SimulatorState state) {
        this.state = state;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    public void addRoute(UUID stubId, Route route) {
        routesByStubId.put(stubId, route);
    }

    public synchronized void addInterceptor(int order, Interceptor interceptor) {
        steps.add(new Step(order, interceptor));
        steps.sort(Comparator.comparingInt(Step::order));
    }

    /** The route that served an event, or {@code null} for stubs the simulator did not register. */
    public Route routeOf(ServeEvent event) {
        return event.getStubMapping() == null ? null : routesByStubId.get(event.getStubMapping().getId());
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        Route route = routeOf(serveEvent);
        if (route == null) {
            return serveEvent.getResponseDefinition();
        }
        String path = URI.create(serveEvent.getRequest().getUrl()).getRawPath();
        ApiRequest request = new ApiRequest(serveEvent.getId(), serveEvent.getRequest(), route,
                route.pathParams(path), null);
        ApiResponse response = proceed(List.copyOf(steps), 0, request)
                .withHeader("X-AREQUESTID", UUID.randomUUID().toString());
        return toDefinition(response);
    }

    private ApiResponse proceed(List<Step> chain, int index, ApiRequest request) {
        if (index < chain.size()) {
            return chain.get(index).interceptor().intercept(request, next -> proceed(chain, index + 1, next));
        }
        return handle(request);
    }

    private ApiResponse handle(ApiRequest request) {
        try {
            return "GET".equals(request.method())
                    ? state.read(() -> request.route().handler().handle(request))
                    : state.write(() -> request.route().handler().handle(request));
        } catch (ApiException e) {
            return e.response();
        } catch (RuntimeException e) {
            LOG.error("Simulator failure on {} {}", request.method(), request.path(), e);
            return ApiResponse.error(500, "Simulator failure: " + e);
        }
    }

    private static ResponseDefinition toDefinition(ApiResponse response) {
        ResponseDefinitionBuilder builder = ResponseDefinitionBuilder.responseDefinition()
                .withStatus(response.status());
        response.headers().forEach(builder::withHeader);
        if (response.body() != null) {
            builder.withBody(response.body());
        }
        if (response.fault() != null) {
            builder.withFault(response.fault());
        }
        if (!response.delay().isZero()) {
            builder.withFixedDelay((int) response.delay().toMillis());
        }
        return builder.build();
    }
}
