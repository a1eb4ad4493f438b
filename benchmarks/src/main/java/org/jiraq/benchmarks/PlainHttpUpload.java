package org.jiraq.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

import org.jiraq.simulator.GeneratedContent;

/**
 * Child JVM, the baseline: the same upload written directly against the JDK HTTP client, the way one would by hand
 * (a multipart body streamed from the content with {@code BodyPublishers.ofInputStream}).
 */
public final class PlainHttpUpload {

    private PlainHttpUpload() {
    }

    public static void main(String[] args) throws Exception {
        UploadRun run = UploadRun.fromArgs(args);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String boundary = "plain-upload-boundary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"generated.bin\"\r\n"
                       + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        String credentials = Base64.getEncoder()
                .encodeToString((run.user() + ":" + run.apiToken()).getBytes(StandardCharsets.UTF_8));
        URI target = URI.create(run.siteUrl() + "/rest/api/3/issue/" + run.issueKey() + "/attachments");
        run.measure(size -> {
            HttpRequest request = HttpRequest.newBuilder(target)
                    .header("Authorization", "Basic " + credentials)
                    .header("X-Atlassian-Token", "no-check")
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(Collections.enumeration(
                            List.<InputStream> of(new ByteArrayInputStream(head), new GeneratedContent(size, run.seed()),
                                    new ByteArrayInputStream(tail))))))
                    .build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("upload answered " + response.statusCode() + ": " + response.body());
            }
        });
    }
}
