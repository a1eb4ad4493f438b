package org.jiraq.camel.spi;

import java.util.Map;

/**
 * What a {@link HealthIndicator} reports.
 *
 * @param healthy whether the connection can work as far as this part goes
 * @param message why not (or a short note when healthy), shown as the health check's message; may be null
 * @param details facts such as {@code state=refresh-failing}, {@code expiresAt=2026-01-01T00:00:00Z}; never a secret
 */
public record IndicatorState(boolean healthy, String message, Map<String, Object> details) {

    public IndicatorState {
        details = Map.copyOf(details);
    }

    public static IndicatorState healthy(Map<String, Object> details) {
        return new IndicatorState(true, null, details);
    }

    public static IndicatorState unhealthy(String message, Map<String, Object> details) {
        return new IndicatorState(false, message, details);
    }
}
