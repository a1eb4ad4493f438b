package org.jiraq.simulator;

import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a simulator until killed: {@code --port 8089 --flavour cloud|datacenter [--bind 0.0.0.0] [--seed N]
 * [--no-contract-check]}.
 */
public final class JiraSimulatorMain {

    private JiraSimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        JiraSimulator.Builder builder = JiraSimulator.builder().port(8089).requestJournalLimit(10_000);
        int seed = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> builder.port(Integer.parseInt(value(args, ++i)));
                case "--flavour", "--flavor" -> builder.flavour(flavour(value(args, ++i)));
                case "--bind" -> builder.bindAddress(value(args, ++i));
                case "--seed" -> seed = Integer.parseInt(value(args, ++i));
                case "--no-contract-check" -> builder.checkContract(false);
                default -> usage("unknown option " + args[i]);
            }
        }
        JiraSimulator simulator = builder.start();
        if (seed > 0) {
            simulator.state().seedIssues("DEMO", seed);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "jira-simulator-shutdown"));
        System.out.println("Jira simulator (" + simulator.flavour() + ") at " + simulator.baseUrl()
                + "  (REST under " + simulator.flavour().restRoot() + ")");
        System.out.println("  basic auth: " + JiraSimulator.DEFAULT_USER + " / " + JiraSimulator.DEFAULT_API_TOKEN);
        if (simulator.flavour() == JiraSimulator.Flavour.DATA_CENTER) {
            System.out.println("  personal access token (Bearer): " + JiraSimulator.DEFAULT_PAT);
        }
        System.out.println("  projects: DEMO, OPS" + (seed > 0 ? "; " + seed + " issues seeded in DEMO" : ""));
        new CountDownLatch(1).await();
    }

    private static JiraSimulator.Flavour flavour(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "cloud" -> JiraSimulator.Flavour.CLOUD;
            case "datacenter", "data-center", "dc", "server" -> JiraSimulator.Flavour.DATA_CENTER;
            default -> throw usage("unknown flavour " + name);
        };
    }

    private static String value(String[] args, int index) {
        if (index >= args.length) {
            throw usage("option " + args[index - 1] + " needs a value");
        }
        return args[index];
    }

    private static IllegalArgumentException usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: JiraSimulatorMain [--port 8089] [--flavour cloud|datacenter] [--bind address]"
                + " [--seed issues] [--no-contract-check]");
        System.exit(2);
        return new IllegalArgumentException(problem);
    }
}
