package org.jiraq.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A tiny Jira REST client for the tests: real HTTP, JSON in and out, basic auth by default. */
public final class JiraHttp {

    public static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    /** One answer: status, body as JSON (missing when empty) and the raw response for headers. */
    public record Reply(int status, JsonNode json, HttpResponse<String> raw) {

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private final String baseUrl;
    private final String authorization;

    private JiraHttp(String baseUrl, String authorization) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    public static JiraHttp basic(JiraSimulator sim, String user, String secret) {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return new JiraHttp(sim.baseUrl(), "Basic " + credentials);
    }

    public static JiraHttp defaultUser(JiraSimulator sim) {
        return basic(sim, JiraSimulator.DEFAULT_USER, JiraSimulator.DEFAULT_API_TOKEN);
    }

    public static JiraHttp bearer(JiraSimulator sim, String token) {
        return new JiraHttp(sim.baseUrl(), "Bearer " + token);
    }

    public static JiraHttp anonymous(JiraSimulator sim) {
        return new JiraHttp(sim.baseUrl(), null);
    }

    public Reply get(String pathAndQuery) {
        return send("GET", pathAndQuery, null);
    }

    public Reply delete(String pathAndQuery) {
        return send("DELETE", pathAndQuery, null);
    }

    public Reply post(String pathAndQuery, Object body) {
        return send("POST", pathAndQuery, body);
    }

    public Reply put(String pathAndQuery, Object body) {
        return send("PUT", pathAndQuery, body);
    }

    /** {@code body} is JSON text, a Jackson tree, or anything Jackson can write. */
    Reply send(String method, String pathAndQuery, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(text(body)));
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isEmpty() ? MissingNode.getInstance() : MAPPER.readTree(response.body());
            return new Reply(response.statusCode(), json, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String text(Object body) {
        if (body instanceof String s) {
            return s;
        }
        try {
            return MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** {@code {"fields":{"project":{"key":..},"issuetype":{"name":..},"summary":..}}}. */
    public static String createBody(String project, String type, String summary) {
        return "{\"fields\":{\"project\":{\"key\":\"" + project + "\"},\"issuetype\":{\"name\":\"" + type
                + "\"},\"summary\":\"" + summary + "\"}}";
    }

    public static String adf(String text) {
        return "{\"type\":\"doc\",\"version\":1,\"content\":[{\"type\":\"paragraph\",\"content\":"
                + "[{\"type\":\"text\",\"text\":\"" + text + "\"}]}]}";
    }
}
