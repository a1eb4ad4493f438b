package org.jiraq.samples;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the sample's own management server reports, read over HTTP as an operator or Prometheus would: the overall
 * health with the Jira connection checks, and the jiraq request samples in /observe/metrics.
 *
 * @param health        UP or DOWN
 * @param jiraChecks    the Jira connection checks as {@code name status}
 * @param jiraqRequests the sum of the jiraq_requests_seconds_count samples
 * @param jiraqRetries  the sum of the jiraq_retries_total samples
 */
public record Observation(String health, List<String> jiraChecks, long jiraqRequests, long jiraqRetries) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads /observe/health (full exposure) and /observe/metrics below the management URL. */
    public static Observation fetch(URI management) throws IOException, InterruptedException {
        JsonNode health = JSON.readTree(get(management.resolve("/observe/health?exposureLevel=full")).body());
        List<String> checks = new ArrayList<>();
        health.path("checks").forEach(check -> {
            if (check.path("name").asText().startsWith("producer:jiraq-")) {
                checks.add(check.path("name").asText() + " " + check.path("status").asText());
            }
        });
        String metrics = get(management.resolve("/observe/metrics")).body();
        return new Observation(health.path("status").asText(), checks, sum(metrics, "jiraq_requests_seconds_count"),
                sum(metrics, "jiraq_retries_total"));
    }

    public String describe() {
        return String.join(System.lineSeparator(),
                "Health: " + health + " (" + String.join(", ", jiraChecks) + ")",
                "Metrics: " + jiraqRequests + " jiraq request(s) timed, " + jiraqRetries + " retried");
    }

    static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Adds up the values of every sample of one Prometheus metric. */
    private static long sum(String prometheusText, String metric) {
        return (long) prometheusText.lines()
                .filter(line -> line.startsWith(metric + "{") || line.startsWith(metric + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
