package org.jiraq.camel.webhook;

import org.apache.camel.support.DefaultHeaderFilterStrategy;

/**
 * Which HTTP request headers reach the route: none that looks like a Camel header in any case (so a request cannot
 * set CamelJiraqIssueKey for a producer further down, as CVE-2026-48206 did in camel-jira), and none that carries a
 * credential.
 */
final class InboundHeaderFilter extends DefaultHeaderFilterStrategy {

    InboundHeaderFilter() {
        setLowerCase(true);
        setInFilterStartsWith(CAMEL_FILTER_STARTS_WITH);
        setInFilter(java.util.Set.of("authorization", "x-hub-signature", "cookie", "proxy-authorization"));
    }
}
