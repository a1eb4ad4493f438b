package org.jiraq.camel.operation;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.jiraq.simulator.GeneratedContent;
import org.jiraq.simulator.JiraSimulator;
import org.jiraq.simulator.model.Attachment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * addAttachment streams: a JVM limited to 64 MB of heap uploads 200 MB, and every byte arrives. The simulator runs in
 * this JVM; the upload runs in a child JVM started with -Xmx64m.
 */
class AttachmentUploadInSmallHeapTest {

    private static final long SIZE = 200L * 1024 * 1024;

    @Test
    void uploadsMoreThanTwiceTheHeapWithoutHoldingIt() throws Exception {
        try (JiraSimulator sim = JiraSimulator.builder().checkContract(false).requestJournalLimit(5).start()) {
            String key = sim.state().createIssue("DEMO", "Task", "Large file").key();
            String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
            Process child = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                    AttachmentUploadMain.class.getName(), sim.baseUrl(), JiraSimulator.DEFAULT_USER,
                    JiraSimulator.DEFAULT_API_TOKEN, key, Long.toString(SIZE))
                    .redirectErrorStream(true).start();
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            boolean finished = child.waitFor(2, TimeUnit.MINUTES);

            assertThat(finished).as("child finished").isTrue();
            assertThat(child.exitValue()).as(output).isZero();
            assertThat(output).contains("uploaded=1");
            Attachment stored = sim.state().issue(key).attachments().get(0);
            assertThat(stored.size()).isEqualTo(SIZE);
            assertThat(stored.sha256()).isEqualTo(GeneratedContent.sha256(SIZE, 42));
        }
    }
}
