package org.jiraq.simulator;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Runs the {@link SimulatorAuth} chain and answers Jira's 401 when nobody vouches for the caller. */
final class AuthInterceptor implements Interceptor {

    static final String NOT_AUTHENTICATED = "Client must be authenticated to access this resource.";

    private final List<SimulatorAuth> schemes = new CopyOnWriteArrayList<>();
    private final JiraSimulator.Flavour flavour;
    private final String challenge;
    private final SimulatorState state;

    AuthInterceptor(JiraSimulator.Flavour flavour, String baseUrl, SimulatorState state) {
        this.flavour = flavour;
        this.state = state;
        // Jira answers with an OAuth challenge naming the site, not a Basic one, so browsers show no login pop-up
        this.challenge = "OAuth realm=\"" + URLEncoder.encode(baseUrl, StandardCharsets.UTF_8) + "\"";
    }

    void add(SimulatorAuth scheme) {
        schemes.add(scheme);
    }

    @Override
    public ApiResponse intercept(ApiRequest request, Chain next) {
        if (request.route().isAnonymous() && request.header("Authorization") == null) {
            return next.proceed(request);
        }
        for (SimulatorAuth scheme : schemes) {
            SimulatorAuth.Result result = scheme.authenticate(request);
            if (result.authenticated()) {
                state.knowUser(result.user()); // whoever signs in can be assigned and watch
                ApiResponse response = next.proceed(request.withUser(result.user()));
                return flavour == JiraSimulator.Flavour.CLOUD
                        ? response.withHeader("X-AAccountId", result.user().accountId())
                        : response;
            }
            if (result.refused()) {
                break;
            }
        }
        return ApiResponse.error(401, NOT_AUTHENTICATED).withHeader("WWW-Authenticate", challenge);
    }
}
