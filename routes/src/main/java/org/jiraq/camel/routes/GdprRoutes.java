package org.jiraq.camel.routes;

import org.apache.camel.builder.RouteBuilder;
import org.jiraq.camel.JiraqConstants;

/**
 * The route template {@value #GDPR}: Atlassian's personal data reporting cycle (jiraq:gdpr) wired to the
 * application's own endpoints. Each account Atlassian reports closed goes to {@code erase}, each updated one to
 * {@code refresh}, with the account id as the body and in header CamelJiraqAccountId. An account leaves the registry
 * only when {@code erase} completed without an exception; a failure keeps it for the next cycle.
 * <p>
 * Parameters: {@code erase} and {@code refresh} (endpoint URIs), {@code cron} (when to look whether a cycle is due,
 * Quartz syntax with + for spaces; default hourly) and {@code cyclePeriod} (7d, replaced by the Cycle-Period that
 * Atlassian sends). The connection and OAuth 2.0 options come from the component (camel.component.jiraq.*).
 */
public class GdprRoutes extends RouteBuilder {

    public static final String GDPR = "jiraq-gdpr";

    @Override
    public void configure() {
        routeTemplate(GDPR)
                .templateParameter("erase")
                .templateParameter("refresh")
                .templateParameter("cron", "0+0+*+*+*+?")
                .templateParameter("cyclePeriod", "7d")
                .from("jiraq:gdpr?scheduler.cron={{cron}}&cyclePeriod={{cyclePeriod}}")
                .choice()
                    .when(header(JiraqConstants.ACCOUNT_STATUS).isEqualTo("closed")).to("{{erase}}")
                    .otherwise().to("{{refresh}}");
    }
}
