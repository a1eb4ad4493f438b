/**
 * Personal-data reporting: the reporting cycle behind {@code jiraq:gdpr}, the call to Atlassian's report-accounts API,
 * its schedule, and the processor that records the accounts a route keeps data of.
 * <p>
 * Internal but for {@link org.jiraq.camel.gdpr.JiraqAccountRecorder}. May use {@code client}, {@code metrics},
 * {@code spi} and the root package.
 */
package org.jiraq.camel.gdpr;
