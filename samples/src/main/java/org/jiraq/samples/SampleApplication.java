package org.jiraq.samples;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The sample integration on Camel Main. With JIRA_BASE_URL set it works on that Jira; without it, it starts the
 * embedded simulator and works there. With OAuth 2.0 and no refresh token yet (connect mode) it first prints the URL
 * where the user connects their Jira account and waits for that. Runs the demo route once (Java DSL, or YAML DSL with {@code --yaml} or
 * SAMPLE_DSL=yaml), prints what happened and what its own /observe/health and /observe/metrics say, and exits; with
 * SAMPLE_KEEP_RUNNING=true it keeps serving health, metrics and the dev console until stopped.
 * <p>
 * Given YAML route files instead (arguments ending in .yaml or .yml, or SAMPLE_ROUTES with comma-separated paths), it
 * runs those routes until stopped, with an HTTP server on SAMPLE_HTTP_PORT (8080) for webhooks and a throwaway store.
 */
public final class SampleApplication {

    /** How long connect mode waits for the user at the consent screen. */
    static final Duration CONNECT_TIMEOUT = Duration.ofMinutes(10);

    private SampleApplication() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        boolean yaml = List.of(args).contains("--yaml") || "yaml".equalsIgnoreCase(env.get("SAMPLE_DSL"));
        List<Path> routes = routeFiles(args, env);
        SampleRun run;
        try {
            if (routes.isEmpty()) {
                run = SampleRun.start(env, yaml);
                if (run.connectUrl() != null) {
                    System.out.println("Open " + run.connectUrl() + " in your browser to connect your Jira account"
                                       + " (waiting up to " + CONNECT_TIMEOUT.toMinutes() + " minutes)");
                    run.awaitConnected(CONNECT_TIMEOUT);
                    System.out.println("Connected; the grant is kept in the store, so later runs need no browser");
                }
                System.out.println(run.demo().describe());
                System.out.println(Observation.fetch(run.managementUrl()).describe());
            } else {
                run = SampleRun.start(env, routes);
                System.out.println("Running " + routes + " on " + run.site()
                                   + (run.simulator() != null ? " (embedded simulator)" : "") + "; HTTP on "
                                   + run.httpUrl() + "; Ctrl+C stops");
            }
        } catch (Exception e) {
            System.err.println("The sample failed: " + e.getMessage());
            System.exit(1);
            return;
        }
        if (!routes.isEmpty() || Boolean.parseBoolean(env.get("SAMPLE_KEEP_RUNNING"))) {
            System.out.println("Serving " + run.managementUrl() + "/observe/health, /observe/metrics and /q/dev/jiraq"
                               + " until stopped (Ctrl+C)");
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                run.close();
                stopped.countDown();
            }));
            stopped.await();
        } else {
            run.close();
        }
    }

    /** The YAML route files named by the arguments (ending in .yaml or .yml) or by SAMPLE_ROUTES. */
    public static List<Path> routeFiles(String[] args, Map<String, String> env) {
        List<Path> files = new ArrayList<>();
        for (String arg : args) {
            if (arg.endsWith(".yaml") || arg.endsWith(".yml")) {
                files.add(Path.of(arg));
            }
        }
        String listed = env.get("SAMPLE_ROUTES");
        if (listed != null) {
            for (String file : listed.split(",")) {
                if (!file.isBlank()) {
                    files.add(Path.of(file.trim()));
                }
            }
        }
        return files;
    }

    /** Runs the demo once and returns what happened. */
    public static DemoResult run(Map<String, String> env, boolean yaml) throws Exception {
        try (SampleRun run = SampleRun.start(env, yaml)) {
            return run.demo();
        }
    }
}
