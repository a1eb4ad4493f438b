package org.jiraq.camel;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import org.apache.camel.impl.DefaultCamelContext;

/**
 * The child JVM of {@link WithoutOptionalDependenciesTest}, whose class path lacks every optional dependency: reads an
 * issue with an API token, then prints what each feature that needs one says when it is asked for.
 */
public final class WithoutOptionalDependenciesMain {

    private WithoutOptionalDependenciesMain() {
    }

    /** Arguments: site URL, user, API token, issue key. */
    public static void main(String[] args) throws Exception {
        for (String optional : List.of("org.h2.Driver", "org.flywaydb.core.Flyway", "org.quartz.SchedulerException",
                "org.apache.camel.component.quartz.QuartzComponent", "org.bouncycastle.openssl.PEMParser",
                "com.mchange.v2.c3p0.ComboPooledDataSource", "org.apache.camel.impl.health.AbstractHealthCheck",
                "org.apache.camel.component.platform.http.PlatformHttpComponent", "io.micrometer.core.instrument.Timer")) {
            System.out.println("present " + optional + "=" + OptionalDependency.isPresent(optional));
        }
        String site = "deployment=cloud&baseUrl=" + args[0];
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.start();
            Map<?, ?> issue = context.createProducerTemplate().request(
                    "jiraq:getIssue?" + site + "&username=" + args[1] + "&apiToken=RAW(" + args[2] + ")",
                    e -> e.getMessage().setHeader(JiraqConstants.ISSUE_KEY, args[3])).getMessage().getBody(Map.class);
            System.out.println("read=" + issue.get("key"));
            // an application whose store is its own DataSource (as Quarkus apps bind one) but that uses no Quartz
            try (DefaultCamelContext other = new DefaultCamelContext()) {
                JiraqComponent jiraq = new JiraqComponent();
                jiraq.setStoreDataSource((DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                        new Class<?>[] { DataSource.class }, (proxy, method, arguments) -> {
                            throw new UnsupportedOperationException("no database in this test");
                        }));
                other.addComponent("jiraq", jiraq);
                other.start();
                System.out.println("started with a DataSource store and no Quartz");
            }
            for (String uri : List.of("jiraq:gdpr?" + site + "&authStrategy=oauth2&clientId=c&clientSecret=s",
                    "jiraq:webhook?webhookVerification=none",
                    "jiraq:getIssue?" + site + "&authStrategy=oauth1&consumerKey=k&privateKey=pem&accessToken=t",
                    "jiraq:getIssue?" + site + "&authStrategy=oauth2&clientId=c&clientSecret=s")) {
                try {
                    context.getEndpoint(uri).start();
                    System.out.println("refused " + uri + ": nothing");
                } catch (RuntimeException e) {
                    Throwable cause = e;
                    while (cause.getCause() != null && !(cause instanceof IllegalStateException)) {
                        cause = cause.getCause();
                    }
                    System.out.println("refused " + uri.substring(0, uri.indexOf('?')) + ": " + cause.getMessage());
                }
            }
        }
    }
}
