package org.jiraq.camel;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.jiraq.simulator.JiraSimulator;

/**
 * One replica of an application, in a JVM of its own, for {@link SharedRateLimitsReplicasTest}: a Camel context whose
 * jiraq component uses the given store, reading an issue from several threads between two moments of the wall
 * clock. Prints what it got: {@code replica ok=.. burst429=.. quota429=.. notSent=.. otherFailures=.. shared=..}, and
 * the first other failure.
 * <p>
 * Arguments: site, storeUrl, shareRateLimits, threads; then, on standard input, when to start and end (epoch ms).
 */
public final class RateLimitReplicaMain {

    private RateLimitReplicaMain() {
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[3]);
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger burst = new AtomicInteger();
        AtomicInteger quota = new AtomicInteger();
        AtomicInteger notSent = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            JiraqComponent jiraq = new JiraqComponent();
            jiraq.setStoreUrl(args[1]);
            jiraq.setShareRateLimits(Boolean.parseBoolean(args[2]));
            jiraq.getConfiguration().setBaseUrl(args[0]);
            jiraq.getConfiguration().setDeployment(JiraqDeployment.cloud);
            jiraq.getConfiguration().setUsername(JiraSimulator.DEFAULT_USER);
            jiraq.getConfiguration().setApiToken(JiraSimulator.DEFAULT_API_TOKEN);
            jiraq.getConfiguration().setMaxRetries(0);
            camel.addComponent("jiraq", jiraq);
            camel.start();
            ProducerTemplate template = camel.createProducerTemplate();
            JiraqEndpoint endpoint = camel.getEndpoint("jiraq:getIssue?fields=summary", JiraqEndpoint.class);
            endpoint.start();
            System.out.println("replica ready");
            // the test starts every replica's calls at one moment, once all are ready: "<start> <end>" (epoch ms)
            String[] window = new java.io.BufferedReader(new java.io.InputStreamReader(System.in)).readLine().split(" ");
            long start = Long.parseLong(window[0]);
            long end = Long.parseLong(window[1]);
            TimeUnit.MILLISECONDS.sleep(Math.max(0, start - System.currentTimeMillis()));
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            for (int i = 0; i < threads; i++) {
                pool.submit(() -> {
                    while (System.currentTimeMillis() < end) {
                        try {
                            template.requestBodyAndHeader(endpoint, null, JiraqConstants.ISSUE_KEY, "OPS-1");
                            ok.incrementAndGet();
                        } catch (Exception e) {
                            if (e.getCause() instanceof JiraqRateLimitException) {
                                notSent.incrementAndGet();
                            } else if (e.getCause() instanceof JiraqHttpException refused
                                       && refused.getStatusCode() == 429) {
                                String reason = String.valueOf(refused.getRateLimitReason());
                                (reason.startsWith("jira-quota") ? quota : burst).incrementAndGet();
                            } else if (other.getAndIncrement() == 0) {
                                e.printStackTrace(System.out);
                            }
                            pause(); // held calls fail at once: do not spin
                        }
                    }
                });
            }
            pool.shutdown();
            pool.awaitTermination(5, TimeUnit.MINUTES);
            System.out.println("replica ok=" + ok + " burst429=" + burst + " quota429=" + quota + " notSent=" + notSent
                               + " otherFailures=" + other + " shared=" + endpoint.getClient().rateLimitGovernor().isShared());
        }
    }
}
