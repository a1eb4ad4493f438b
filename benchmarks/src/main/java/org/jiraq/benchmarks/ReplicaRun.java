package org.jiraq.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.jiraq.camel.JiraqComponent;
import org.jiraq.camel.JiraqConfiguration;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.JiraqDeployment;
import org.jiraq.camel.JiraqHttpException;
import org.jiraq.simulator.JiraSimulator;

/**
 * One replica of an application, a JVM of its own, for {@link ReplicaSet}: a Camel context whose jiraq component uses
 * the given PostgreSQL store, with the rate limits shared through it or paced per JVM. For each line {@code <start>
 * <end>} (epoch ms) on standard input it reads an issue from {@code threads} threads between those moments, then
 * prints {@code window ok=.. burst429=.. quota429=.. held=..}; it ends at end of input.
 * <p>
 * Arguments: site, storeUrl, shareRateLimits, threads.
 */
public final class ReplicaRun {

    static final String READY = "replica ready";
    static final String REPORT_PREFIX = "window ";

    private ReplicaRun() {
    }

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[3]);
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            JiraqComponent jiraq = new JiraqComponent();
            jiraq.setStoreUrl(args[1]);
            jiraq.setShareRateLimits(Boolean.parseBoolean(args[2]));
            JiraqConfiguration config = jiraq.getConfiguration();
            config.setBaseUrl(args[0]);
            config.setDeployment(JiraqDeployment.cloud);
            config.setUsername(JiraSimulator.DEFAULT_USER);
            config.setApiToken(JiraSimulator.DEFAULT_API_TOKEN);
            camel.addComponent("jiraq", jiraq);
            camel.start();
            ProducerTemplate template = camel.createProducerTemplate();
            Endpoint endpoint = camel.getEndpoint("jiraq:getIssue?fields=summary");
            System.out.println(READY);
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] window = line.trim().split(" ");
                long start = Long.parseLong(window[0]);
                long end = Long.parseLong(window[1]);
                AtomicInteger ok = new AtomicInteger();
                AtomicInteger burst = new AtomicInteger();
                AtomicInteger quota = new AtomicInteger();
                AtomicInteger held = new AtomicInteger();
                TimeUnit.MILLISECONDS.sleep(Math.max(0, start - System.currentTimeMillis()));
                var calls = new java.util.ArrayList<java.util.concurrent.Future<?>>();
                for (int i = 0; i < threads; i++) {
                    calls.add(pool.submit(() -> {
                        while (System.currentTimeMillis() < end) {
                            try {
                                template.requestBodyAndHeader(endpoint, null, JiraqConstants.ISSUE_KEY, "DEMO-1");
                                ok.incrementAndGet();
                            } catch (Exception e) {
                                count(e, burst, quota, held);
                            }
                        }
                        return null;
                    }));
                }
                for (var call : calls) {
                    call.get();
                }
                System.out.println(REPORT_PREFIX + "ok=" + ok + " burst429=" + burst + " quota429=" + quota + " held="
                                   + held);
            }
            pool.shutdownNow();
        }
    }

    /** A refused call: Jira's 429 (burst or quota), or held in the governor and not sent (then a short pause). */
    private static void count(Exception e, AtomicInteger burst, AtomicInteger quota, AtomicInteger held)
            throws InterruptedException {
        if (!(e.getCause() instanceof JiraqHttpException refused) || refused.getStatusCode() != 429) {
            return;
        }
        if (refused.getMessage().contains("Not sent")) {
            held.incrementAndGet();
            TimeUnit.MILLISECONDS.sleep(50);
        } else if (String.valueOf(refused.getRateLimitReason()).startsWith("jira-quota")) {
            quota.incrementAndGet();
        } else {
            burst.incrementAndGet();
        }
    }
}
