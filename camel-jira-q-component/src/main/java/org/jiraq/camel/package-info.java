/**
 * The Camel surface of the {@code jiraq:} component, and its only public API besides {@link org.jiraq.camel.spi}:
 * {@link org.jiraq.camel.JiraqComponent}, {@link org.jiraq.camel.JiraqEndpoint} with its
 * {@link org.jiraq.camel.JiraqConfiguration} and {@link org.jiraq.camel.JiraqConstants},
 * the {@link org.jiraq.camel.JiraqOperation} enum (each constant names the class that does it), the producer that
 * dispatches on it, every consumer ({@code jiraq:webhook}, {@code jiraq:issues}, {@code jiraq:gdpr}), the exceptions a
 * route can name in {@code onException}, and the option enums.
 * <p>
 * May use every sub-package; the sub-packages may use it (for the configuration, the option enums and the exceptions)
 * but form a DAG among themselves: see ARCHITECTURE.md at the repository root.
 */
package org.jiraq.camel;
