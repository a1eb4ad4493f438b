/**
 * Jira's webhooks: signature checks, the receiver behind {@code jiraq:webhook}, event mapping, and the registration
 * and refresh of admin and dynamic webhooks.
 * <p>
 * Internal. May use {@code client}, {@code metrics}, {@code spi} and the root package.
 */
package org.jiraq.camel.webhook;
