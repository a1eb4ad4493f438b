package org.jiraq.samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.jiraq.simulator.AtlassianOAuth2;
import org.jiraq.simulator.JiraSimulator;

/** Environments for running the sample in tests: the simulator demo, its management server on a free port. */
final class SampleEnv {

    private SampleEnv() {
    }

    static Map<String, String> simulatorDemo() {
        return Map.of("SAMPLE_MANAGEMENT_PORT", Integer.toString(freePort()));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A refresh token of a user grant, as a user gets one after consenting once (offline_access). */
    static String refreshToken(JiraSimulator jira) throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String redirect = "https://app.example.com/callback";
        HttpResponse<Void> consent = http.send(HttpRequest.newBuilder(URI.create(jira.baseUrl()
                + "/authorize?audience=api.atlassian.com&response_type=code&client_id=" + AtlassianOAuth2.CLIENT_ID
                + "&scope=read%3Ajira-work%20write%3Ajira-work%20offline_access&redirect_uri="
                + URLEncoder.encode(redirect, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.discarding());
        String code = consent.headers().firstValue("Location").orElseThrow().replaceAll(".*code=([^&]+).*", "$1");
        String body = "{\"grant_type\":\"authorization_code\",\"client_id\":\"" + AtlassianOAuth2.CLIENT_ID
                      + "\",\"client_secret\":\"" + AtlassianOAuth2.CLIENT_SECRET + "\",\"code\":\""
                      + URLDecoder.decode(code, StandardCharsets.UTF_8) + "\",\"redirect_uri\":\"" + redirect + "\"}";
        String tokens = http.send(HttpRequest.newBuilder(URI.create(jira.baseUrl() + "/oauth/token"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return tokens.replaceAll(".*\"refresh_token\":\"([^\"]+)\".*", "$1");
    }
}
