package org.jiraq.camel.spi;


/**
 * A part of a Jira connection whose state decides, besides Jira's answer to a call, whether the connection works:
 * an OAuth 2.0 grant (expiring, refresh failing, revoked), a dynamic webhook registration (expiring, failed). The
 * feature that owns the state implements this; the connection's health check and the dev console read it.
 * <p>
 * An auth strategy that implements it is picked up by its connection without more ado; anything else adds itself
 * with {@code JiraqConnection.addIndicator} (and removes itself with {@code removeIndicator} when it stops).
 */
public interface HealthIndicator {

    /** A short, stable name: the prefix of its health-check details and its label in the dev console ({@code token}). */
    String name();

    /** The current state; called on every health check and console call, so it must be cheap. Never a secret in it. */
    IndicatorState state();
}
