package org.jiraq.simulator.http;

/**
 * A step every request passes through on its way to a route's handler: contract checks, authentication, and later
 * rate limits or injected faults. Interceptors run in ascending {@code order}; each may answer at once or pass on.
 */
@FunctionalInterface
public interface Interceptor {

    /** Request contract checks run first, so a malformed request fails whatever its credentials. */
    int ORDER_CONTRACT = 100;
    /** Authentication runs next; interceptors that need the caller's identity go after it. */
    int ORDER_AUTHENTICATION = 200;

    /** The rest of the pipeline, ending in the route's handler. */
    @FunctionalInterface
    interface Chain {
        ApiResponse proceed(ApiRequest request);
    }

    ApiResponse intercept(ApiRequest request, Chain next);
}
