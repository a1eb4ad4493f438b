package org.jiraq.camel.spi;

import java.util.Map;

/** A {@link HealthIndicator} whose state a test sets: stands in for a token manager or a webhook registration. */
public final class FakeIndicator implements HealthIndicator {

    private final String name;
    private volatile IndicatorState state = IndicatorState.healthy(Map.of());

    public FakeIndicator(String name) {
        this.name = name;
    }

    public void set(IndicatorState state) {
        this.state = state;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public IndicatorState state() {
        return state;
    }
}
