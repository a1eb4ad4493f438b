package org.jiraq.camel.operation;

import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.http.Fault;
import org.jiraq.simulator.ApiRequest;
import org.jiraq.simulator.ApiResponse;
import org.jiraq.simulator.Interceptor;
import org.jiraq.simulator.SimulatorContext;
import org.jiraq.simulator.SimulatorFaults;
import org.jiraq.simulator.SimulatorFeature;

/**
 * A simulator fault for tests that need an exact number of lost answers: the next requests to one method and path
 * are handled (the issue is created), then their connections are reset instead of answering.
 */
final class FirstAnswersLost implements SimulatorFeature, Interceptor {

    private final String method;
    private final String path;
    private final AtomicInteger left;

    FirstAnswersLost(String method, String path) {
        this.method = method;
        this.path = path;
        this.left = new AtomicInteger();
    }

    /** The answers to the next {@code count} requests are lost. */
    void loseNext(int count) {
        left.set(count);
    }

    @Override
    public void register(SimulatorContext context) {
        context.interceptor(SimulatorFaults.ORDER, this);
    }

    @Override
    public ApiResponse intercept(ApiRequest request, Chain next) {
        boolean lose = method.equals(request.method()) && path.equals(request.path())
                       && left.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
        ApiResponse answer = next.proceed(request);
        return lose ? answer.withFault(Fault.CONNECTION_RESET_BY_PEER) : answer;
    }
}
