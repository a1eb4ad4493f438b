/**
 * Atlassian's personal data reporting API for apps ({@code POST /app/report-accounts/}), as the feature
 * {@link org.jiraq.simulator.privacy.PersonalDataReporting}. Uses {@code http}.
 */
package org.jiraq.simulator.privacy;
