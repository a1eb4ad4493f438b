/**
 * The component's Micrometer meters (names in {@link org.jiraq.camel.metrics.JiraqMeters}), recorded only when the
 * application has Micrometer and a MeterRegistry.
 * <p>
 * Internal but for the meter names. Depends on nothing else of the component.
 */
package org.jiraq.camel.metrics;
