package org.jiraq.camel.operation;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.apache.camel.Exchange;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.JiraqHttpException;
import org.jiraq.camel.JiraqTestSupport;
import org.jiraq.simulator.RecordedRequest;
import org.jiraq.simulator.model.Attachment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** addAttachment from every kind of content, run once per flavour by the subclasses. */
abstract class AddAttachmentContract extends JiraqTestSupport {

    @TempDir
    Path dir;
    private String key;

    @BeforeEach
    void issue() {
        key = sim.state().createIssue("DEMO", "Task", "Has files").key();
    }

    private String attachmentsPath() {
        return flavour().restRoot() + "/issue/" + key + "/attachments";
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private Exchange attach(Object body, Object fileName) {
        return template.request("jiraq:addAttachment", e -> {
            e.getMessage().setHeader(JiraqConstants.ISSUE_KEY, key);
            e.getMessage().setHeader(JiraqConstants.FILE_NAME, fileName);
            e.getMessage().setBody(body);
        });
    }

    private List<Attachment> stored() {
        return sim.state().issue(key).attachments();
    }

    @Test
    void fileIsUploadedUnderItsOwnName() throws Exception {
        byte[] content = random(300_000, 1);
        File file = Files.write(dir.resolve("report.pdf"), content).toFile();

        Exchange result = attach(file, null);

        assertThat(result.getException()).isNull();
        List<?> metadata = result.getMessage().getBody(List.class);
        Map<?, ?> first = (Map<?, ?>) metadata.get(0);
        assertThat(first.get("filename")).isEqualTo("report.pdf");
        assertThat(first.get("size")).isEqualTo(300_000);
        assertThat(result.getMessage().getHeader(JiraqConstants.RESULT_COUNT)).isEqualTo(1);
        Attachment attachment = stored().get(0);
        assertThat(attachment.size()).isEqualTo(300_000);
        assertThat(attachment.sha256()).isEqualTo(sha256(content));
        assertThat(attachment.mimeType()).isEqualTo("application/pdf");
    }

    @Test
    void pathIsUploadedAndTheFileNameHeaderRenamesIt() throws Exception {
        byte[] content = random(70_000, 2);
        Path path = Files.write(dir.resolve("raw.bin"), content);

        attach(path, "renamed.bin");

        assertThat(stored()).singleElement().satisfies(a -> {
            assertThat(a.filename()).isEqualTo("renamed.bin");
            assertThat(a.sha256()).isEqualTo(sha256(content));
        });
    }

    @Test
    void bytesAreUploadedUnderTheFileNameHeader() throws Exception {
        byte[] content = "hello attachments".getBytes();

        attach(content, "hello.txt");

        assertThat(stored()).singleElement().satisfies(a -> {
            assertThat(a.filename()).isEqualTo("hello.txt");
            assertThat(a.mimeType()).isEqualTo("text/plain");
            assertThat(a.size()).isEqualTo(content.length);
            assertThat(a.sha256()).isEqualTo(sha256(content));
        });
    }

    @Test
    void inputStreamIsUploaded() throws Exception {
        byte[] content = random(1_500_000, 3);

        attach(new ByteArrayInputStream(content), "stream.dat");

        assertThat(stored()).singleElement().satisfies(a -> {
            assertThat(a.size()).isEqualTo(content.length);
            assertThat(a.sha256()).isEqualTo(sha256(content));
        });
    }

    @Test
    void listOfMixedContentIsUploadedInOneRequestWithPositionalNames() throws Exception {
        byte[] one = random(10_000, 4);
        byte[] two = random(20_000, 5);
        byte[] three = random(30_000, 6);
        File file = Files.write(dir.resolve("one.bin"), one).toFile();

        Exchange result = attach(List.of(file, two, new ByteArrayInputStream(three)), List.of("a.txt", "b.bin", "c.log"));

        assertThat(result.getMessage().getBody(List.class)).hasSize(3);
        assertThat(stored()).extracting(Attachment::filename).containsExactly("a.txt", "b.bin", "c.log");
        assertThat(stored()).extracting(Attachment::sha256).containsExactly(sha256(one), sha256(two), sha256(three));
        assertThat(sim.requests("POST", attachmentsPath())).hasSize(1);
    }

    @Test
    void mapOfNamesToContentIsUploaded() throws Exception {
        Map<String, Object> files = new LinkedHashMap<>();
        files.put("notes.md", "# Notes".getBytes());
        files.put("data.csv", Files.write(dir.resolve("x.csv"), "a,b\n1,2\n".getBytes()));

        attach(files, null);

        assertThat(stored()).extracting(Attachment::filename).containsExactly("notes.md", "data.csv");
        assertThat(stored().get(1).sha256()).isEqualTo(sha256("a,b\n1,2\n".getBytes()));
    }

    @Test
    void requestIsMultipartWithTheXsrfOptOutHeader() {
        attach("x".getBytes(), "x.txt");

        RecordedRequest sent = sim.requests("POST", attachmentsPath()).get(0);
        assertThat(sent.header("X-Atlassian-Token")).isEqualTo("no-check");
        assertThat(sent.header("Content-Type")).startsWith("multipart/form-data; boundary=");
        assertThat(sent.body()).contains("Content-Disposition: form-data; name=\"file\"; filename=\"x.txt\"");
    }

    @Test
    void fileNameIsReducedToItsLastSegment() {
        attach("x".getBytes(), "../../etc/passwd");

        assertThat(stored()).extracting(Attachment::filename).containsExactly("passwd");
    }

    @Test
    void bytesWithoutAFileNameNameTheHeader() {
        assertThatThrownBy(() -> template.requestBodyAndHeader("jiraq:addAttachment", "x".getBytes(),
                JiraqConstants.ISSUE_KEY, key))
                .cause().isInstanceOf(IllegalArgumentException.class)
                .hasMessage("addAttachment needs a file name for content given as byte[]: set header CamelJiraqFileName");
    }

    @Test
    void stringBodyIsRefusedAsAmbiguous() {
        assertThatThrownBy(() -> template.requestBodyAndHeader("jiraq:addAttachment", "/tmp/file.txt",
                JiraqConstants.ISSUE_KEY, key))
                .cause().hasMessageContaining("does not take a String body");
    }

    private void rateLimitOnce() {
        sim.wireMock().stubFor(post(urlPathEqualTo(attachmentsPath())).atPriority(1)
                .inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")
                        .withHeader("Content-Type", "application/json").withBody("{\"errorMessages\":[\"Slow down\"]}"))
                .willSetStateTo("open"));
    }

    @Test
    void rateLimitedUploadIsSentAgainFromAFile() throws Exception {
        rateLimitOnce();
        byte[] content = random(200_000, 7);

        Exchange result = attach(Files.write(dir.resolve("again.bin"), content), null);

        assertThat(result.getException()).isNull();
        assertThat(sim.requests("POST", attachmentsPath())).hasSize(2);
        assertThat(stored()).singleElement().satisfies(a -> assertThat(a.sha256()).isEqualTo(sha256(content)));
    }

    @Test
    void rateLimitedUploadFromAConsumedStreamIsNotResentTruncated() {
        rateLimitOnce();

        Exchange result = attach(new ByteArrayInputStream(random(200_000, 8)), "once.bin");

        assertThat(result.getException()).hasStackTraceContaining("was already sent once and cannot be sent again");
        assertThat(sim.requests("POST", attachmentsPath())).hasSize(1);
        assertThat(stored()).isEmpty();
    }

    @Test
    void unknownIssueAnswers404() {
        Exchange result = template.request("jiraq:addAttachment", e -> {
            e.getMessage().setHeader(JiraqConstants.ISSUE_KEY, "DEMO-999");
            e.getMessage().setHeader(JiraqConstants.FILE_NAME, "x.txt");
            e.getMessage().setBody("x".getBytes());
        });

        assertThat(result.getException()).isInstanceOf(JiraqHttpException.class);
        assertThat(((JiraqHttpException) result.getException()).getStatusCode()).isEqualTo(404);
    }
}
