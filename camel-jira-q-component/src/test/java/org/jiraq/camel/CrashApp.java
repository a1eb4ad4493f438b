package org.jiraq.camel;

import java.util.HashMap;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;
import org.jiraq.simulator.JiraSimulator;

/**
 * The application the crash tests kill: a child JVM with one route on the component's store, printing what it does so
 * the test can kill it at the right moment and count what was done. Arguments are {@code key=value} pairs:
 * <ul>
 * <li>{@code jira}: the simulator's URL (it runs in the test's JVM); {@code store}: the JDBC URL; {@code port}: the
 * HTTP port; {@code lease}: leaseDuration in ms; {@code name}: the CamelContext name.</li>
 * <li>{@code route=webhook}: jiraq:webhook at /crash ({@code ack}: inbox or afterRoute), which prints
 * {@code HANDLING <identifier>}, and with {@code create=true} creates one issue per event with jiraq:createIssue (the
 * event's natural idempotency key) in project OPS, then prints {@code DONE <identifier> <issue key> <existing>}.</li>
 * <li>{@code route=gdpr}: jiraq:gdpr ticking every 300 ms, which prints {@code HANDLING <account>} and
 * {@code DONE <account>}.</li>
 * <li>{@code block}: the identifier or account at which the route stops for good after printing HANDLING, or
 * {@code all}; the test then kills the process there. {@code work}: milliseconds the route works on each one after
 * printing HANDLING (0).</li>
 * </ul>
 * Prints {@code STARTED} once the application runs.
 */
public final class CrashApp {

    public static final String SECRET = "crash test secret";
    public static final String PATH = "/crash";

    private CrashApp() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            options.put(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        String block = options.getOrDefault("block", "none");
        String lease = options.getOrDefault("lease", "2000");
        long work = Long.parseLong(options.getOrDefault("work", "0"));
        WebhookApp.start(options.get("jira"), JiraSimulator.Flavour.CLOUD, Integer.parseInt(options.get("port")),
                options.get("store"), context -> {
                    context.getCamelContextExtension().setName(options.getOrDefault("name", "crash-app"));
                    JiraqComponent jiraq = context.getComponent("jiraq", JiraqComponent.class);
                    jiraq.getConfiguration().setApiGatewayUrl(options.get("jira"));
                    jiraq.getConfiguration().setLeaseDuration(Long.parseLong(lease));
                }, new RouteBuilder() {
                    @Override
                    public void configure() {
                        if ("gdpr".equals(options.get("route"))) {
                            handle(from("jiraq:gdpr?scheduler=none&delay=300").routeId("crash"),
                                    JiraqConstants.ACCOUNT_ID, block, work)
                                    .process(exchange -> print("DONE " + id(exchange, JiraqConstants.ACCOUNT_ID)));
                            return;
                        }
                        RouteDefinition route = handle(from("jiraq:webhook?webhookPath=" + PATH
                                                            + "&webhookVerification=hmac&webhookSecret=RAW(" + SECRET
                                                            + ")&inboxRedeliveryDelay=100&webhookAckMode="
                                                            + options.getOrDefault("ack", "inbox")).routeId("crash"),
                                JiraqConstants.WEBHOOK_IDENTIFIER, block, work);
                        if (Boolean.parseBoolean(options.getOrDefault("create", "false"))) {
                            route.setHeader(JiraqConstants.PROJECT_KEY, constant("OPS"))
                                    .setHeader(JiraqConstants.ISSUE_TYPE_NAME, constant("Task"))
                                    .setHeader(JiraqConstants.SUMMARY, simple("From event ${header."
                                                                               + JiraqConstants.WEBHOOK_IDENTIFIER + "}"))
                                    .setBody(constant(null))
                                    .to("jiraq:createIssue");
                        }
                        route.process(exchange -> print("DONE " + id(exchange, JiraqConstants.WEBHOOK_IDENTIFIER) + " "
                                                        + exchange.getMessage().getHeader(JiraqConstants.ISSUE_KEY) + " "
                                                        + exchange.getMessage().getHeader(JiraqConstants.EXISTING_ISSUE)));
                    }
                });
        print("STARTED");
        Thread.currentThread().join(); // until killed
    }

    /** Prints HANDLING, then stops for good when this is the one to block at. */
    private static RouteDefinition handle(RouteDefinition route, String idHeader, String block, long work) {
        return route.process(exchange -> {
            String id = id(exchange, idHeader);
            print("HANDLING " + id);
            if ("all".equals(block) || block.equals(id)) {
                Thread.sleep(Long.MAX_VALUE);
            }
            Thread.sleep(work);
        });
    }

    private static String id(Exchange exchange, String header) {
        return exchange.getMessage().getHeader(header, String.class);
    }

    private static synchronized void print(String line) {
        System.out.println(line);
    }
}
