package org.jiraq.camel.operation;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jiraq.simulator.JiraSimulator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stream mode holds one page at a time: a route splitting a search over 20,000 issues runs in a JVM limited to 64 MB of
 * heap. The simulator runs in this JVM; the route runs in a child JVM started with -Xmx64m.
 */
class StreamSearchInSmallHeapTest {

    private static final int ISSUES = 20_000;

    @Test
    void streamsTwentyThousandIssuesWithin64MegabytesOfHeap() throws Exception {
        try (JiraSimulator sim = JiraSimulator.builder().flavour(JiraSimulator.Flavour.CLOUD).start()) {
            sim.state().seedIssues("OPS", ISSUES);
            String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
            Process child = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                    StreamSearchMain.class.getName(), sim.baseUrl(), JiraSimulator.DEFAULT_USER, JiraSimulator.DEFAULT_API_TOKEN)
                    .redirectErrorStream(true).start();
            boolean finished = child.waitFor(5, TimeUnit.MINUTES);
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(finished).as("child finished").isTrue();
            assertThat(child.exitValue()).as(output).isZero();
            List<String> lines = output.lines().filter(l -> l.startsWith("streamed=")).toList();
            assertThat(lines).as(output).containsExactly("streamed=" + ISSUES + " distinct=" + ISSUES);
        }
    }
}
