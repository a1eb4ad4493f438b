package org.jiraq.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AttachmentAndBulkEndpointsTest extends BothFlavoursTestSupport {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static HttpResponse<String> upload(Site site, String key, String xsrfToken) throws Exception {
        String body = "--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nfirst file\r\n"
                + "--b0undary\r\nContent-Disposition: form-data; name=\"comment\"\r\n\r\nnot a file\r\n"
                + "--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"b.bin\"\r\n\r\n"
                + "\r\n--b0undar\r\n"
                + "\r\n--b0undary--\r\n";
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(site.sim.baseUrl() + site.root + "/issue/" + key + "/attachments"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (JiraSimulator.DEFAULT_USER + ":" + JiraSimulator.DEFAULT_API_TOKEN).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=b0undary")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (xsrfToken != null) {
            request.header("X-Atlassian-Token", xsrfToken);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @EnumSource(JiraSimulator.Flavour.class)
    void uploadWithoutTheXsrfOptOutIsRefused(JiraSimulator.Flavour flavour) throws Exception {
        Site site = sites.get(flavour);
        String key = site.createIssue("DEMO", "Task", "Files");

        HttpResponse<String> refused = upload(site, key, null);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("XSRF check failed");
        assertThat(site.sim.state().issue(key).attachments()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(JiraSimulator.Flavour.class)
    void multipartFilesAreMeasuredAndHashedAndOtherPartsIgnored(JiraSimulator.Flavour flavour) throws Exception {
        Site site = sites.get(flavour);
        String key = site.createIssue("DEMO", "Task", "Files");

        HttpResponse<String> answer = upload(site, key, "no-check");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode created = JiraHttp.MAPPER.readTree(answer.body());
        assertThat(created).hasSize(2);
        assertThat(created.get(0).path("filename").asText()).isEqualTo("a.txt");
        assertThat(created.get(0).path("size").asLong()).isEqualTo(10);
        assertThat(site.sim.state().issue(key).attachments()).satisfiesExactly(
                a -> {
                    assertThat(a.mimeType()).isEqualTo("text/plain");
                    assertThat(a.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                            .digest("first file".getBytes(StandardCharsets.UTF_8))));
                },
                a -> {
                    assertThat(a.filename()).isEqualTo("b.bin");
                    assertThat(a.size()).isEqualTo("\r\n--b0undar\r\n".length());
                });
    }

    @ParameterizedTest
    @EnumSource(JiraSimulator.Flavour.class)
    void bulkCreateReportsFailedElementsByPositionWith201WhenSomeWereCreated(JiraSimulator.Flavour flavour) {
        Site site = sites.get(flavour);
        String bad = "{\"fields\":{\"project\":{\"key\":\"DEMO\"},\"issuetype\":{\"name\":\"Task\"}}}";

        JiraHttp.Reply reply = site.http.post(site.root + "/issue/bulk", "{\"issueUpdates\":["
                + JiraHttp.createBody("DEMO", "Task", "one") + "," + bad + ","
                + JiraHttp.createBody("OPS", "Bug", "three") + "]}");

        assertThat(reply.status()).isEqualTo(201);
        assertThat(Site.keys(reply.json())).containsExactly("DEMO-1", "OPS-1");
        JsonNode error = reply.json().path("errors").get(0);
        assertThat(error.path("failedElementNumber").asInt()).isEqualTo(1);
        assertThat(error.path("status").asInt()).isEqualTo(400);
        assertThat(error.path("elementErrors").path("errors").path("summary").asText())
                .isEqualTo("You must specify a summary of the issue.");
    }

    @ParameterizedTest
    @EnumSource(JiraSimulator.Flavour.class)
    void bulkCreateWhereEveryElementFailsAnswers400WithEachError(JiraSimulator.Flavour flavour) {
        Site site = sites.get(flavour);

        JiraHttp.Reply reply = site.http.post(site.root + "/issue/bulk", "{\"issueUpdates\":["
                + JiraHttp.createBody("NOPE", "Task", "one") + "," + JiraHttp.createBody("DEMO", "Saga", "two") + "]}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("issues")).isEmpty();
        assertThat(reply.json().path("errors").findValuesAsText("failedElementNumber")).containsExactly("0", "1");
        assertThat(site.sim.state().issueCount()).isZero();
    }

    @ParameterizedTest
    @EnumSource(JiraSimulator.Flavour.class)
    void bulkCreateRefusesMoreThanFiftyIssues(JiraSimulator.Flavour flavour) {
        Site site = sites.get(flavour);
        StringBuilder body = new StringBuilder("{\"issueUpdates\":[");
        for (int i = 0; i < 51; i++) {
            body.append(i == 0 ? "" : ",").append(JiraHttp.createBody("DEMO", "Task", "n" + i));
        }

        JiraHttp.Reply reply = site.http.post(site.root + "/issue/bulk", body.append("]}").toString());

        assertThat(reply.status()).isEqualTo(400);
        assertThat(site.sim.state().issueCount()).isZero();
    }
}
