/**
 * What applications implement or call to plug their own storage and state into the component: the token store, the
 * GDPR account registry and store, the polling-position store, health indicators, and the store replicas share Jira's
 * rate limits through, with the records they exchange.
 * <p>
 * Public API. Depends on nothing else of the component, so an implementation never reaches into its internals.
 */
package org.jiraq.camel.spi;
