package org.jiraq.camel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.spi.HttpResponseAware;
import org.jiraq.camel.auth.oauth1.OAuth1Problem;
import org.jiraq.camel.client.JiraqRequest;
import org.jiraq.camel.client.JiraqResponse;
import org.jiraq.camel.client.RetryPolicy;

/**
 * Jira answered with an error. Carries what a route needs to decide what to do: the status, Jira's own messages,
 * how long Jira asked to wait, why it limited the rate, and the request id to quote to Atlassian support.
 */
public class JiraqHttpException extends JiraqException implements HttpResponseAware {

    private int statusCode;
    private String statusText;
    private final String method;
    private final String path;
    private final List<String> errorMessages;
    private final Map<String, String> errors;
    private final String rateLimitReason;
    private final String requestId;
    private final String responseBody;

    /** Judged by the default {@link RetryPolicy} rules. */
    public JiraqHttpException(JiraqRequest request, JiraqResponse response) {
        this(request, response, RetryPolicy.none().isRetryable(request, response.status(), response.retryAfter()),
                RetryPolicy.none().outcomeUnknown(request, response.status(), response.retryAfter()));
    }

    /**
     * @param retryable      whether sending the exchange again cannot do anything twice
     * @param outcomeUnknown whether Jira may have done the work despite the error
     */
    public JiraqHttpException(JiraqRequest request, JiraqResponse response, boolean retryable, boolean outcomeUnknown) {
        this(request.method(), request.path(), response.status(), messagesOf(response),
                parseErrors(response.json()), response.retryAfter(),
                response.header("RateLimit-Reason"), response.header("X-AREQUESTID"),
                new String(response.body(), java.nio.charset.StandardCharsets.UTF_8), retryable, outcomeUnknown);
    }

    private JiraqHttpException(String method, String path, int statusCode, List<String> errorMessages,
                               Map<String, String> errors, Duration retryAfter, String rateLimitReason, String requestId,
                               String responseBody, boolean retryable, boolean outcomeUnknown) {
        super(describe(method, path, statusCode, errorMessages, errors, requestId), null, retryable, outcomeUnknown,
              retryAfter);
        this.statusCode = statusCode;
        this.statusText = reasonPhrase(statusCode);
        this.method = method;
        this.path = path;
        this.errorMessages = List.copyOf(errorMessages);
        this.errors = Collections.unmodifiableMap(errors);
        this.rateLimitReason = rateLimitReason;
        this.requestId = requestId;
        this.responseBody = responseBody;
    }

    /**
     * The same failure with a line that explains it added to Jira's messages (and so to the exception's message), for
     * example the OAuth 2.0 scope a refused call lacked.
     */
    public JiraqHttpException withExplanation(String explanation) {
        List<String> messages = new ArrayList<>(errorMessages);
        messages.add(explanation);
        JiraqHttpException explained = new JiraqHttpException(method, path, statusCode, messages, errors,
                getRetryAfter(), rateLimitReason, requestId, responseBody, isRetryable(), isOutcomeUnknown());
        explained.setStackTrace(getStackTrace());
        return explained;
    }

    /** The HTTP status Jira answered with. */
    public int getStatusCode() {
        return statusCode;
    }

    public String getMethod() {
        return method;
    }

    /** The request path, without the site. */
    public String getPath() {
        return path;
    }

    /** Jira's {@code errorMessages}, or the JSM {@code errorMessage}. */
    public List<String> getErrorMessages() {
        return errorMessages;
    }

    /** Jira's {@code errors}: field name to message. */
    public Map<String, String> getErrors() {
        return errors;
    }

    /** Why Jira limited the rate ({@code RateLimit-Reason}), or null. */
    public String getRateLimitReason() {
        return rateLimitReason;
    }

    /** Jira's request id ({@code X-AREQUESTID}), or null. */
    public String getRequestId() {
        return requestId;
    }

    public String getResponseBody() {
        return responseBody;
    }

    @Override
    public int getHttpResponseCode() {
        return statusCode;
    }

    @Override
    public void setHttpResponseCode(int code) {
        this.statusCode = code;
    }

    @Override
    public String getHttpResponseStatus() {
        return statusText;
    }

    @Override
    public void setHttpResponseStatus(String status) {
        this.statusText = status;
    }

    private static String describe(String method, String path, int status, List<String> messages,
                                   Map<String, String> errors, String requestId) {
        String reason = reasonPhrase(status);
        StringBuilder sb = new StringBuilder("Jira answered ").append(status).append(reason.isEmpty() ? "" : " " + reason)
                .append(" to ").append(method).append(' ').append(path);
        List<String> all = new ArrayList<>(messages);
        errors.forEach((field, msg) -> all.add(field + ": " + msg));
        if (!all.isEmpty()) {
            sb.append(": ").append(String.join("; ", all));
        }
        if (status == 410 && path.matches(".*/rest/api/[23]/search/?$")) {
            sb.append(" (the component's searchIssues operation uses /rest/api/3/search/jql on Jira Cloud;"
                      + " with the request operation, call /rest/api/3/search/jql with nextPageToken paging)");
        }
        if (requestId != null) {
            sb.append(" [request id ").append(requestId).append(']');
        }
        return sb.toString();
    }

    private static List<String> messagesOf(JiraqResponse response) {
        List<String> messages = parseMessages(response.json());
        // oauth1: Jira's OAuth filter answers 401 with a form-encoded problem report instead of JSON
        OAuth1Problem.describe(response.header("WWW-Authenticate"), response.body()).ifPresent(messages::add);
        return messages;
    }

    private static List<String> parseMessages(JsonNode body) {
        List<String> out = new ArrayList<>();
        body.path("errorMessages").forEach(n -> out.add(n.asText()));
        if (body.hasNonNull("errorMessage")) {
            out.add(body.get("errorMessage").asText()); // Service Management's shape
        }
        if (out.isEmpty() && body.hasNonNull("message")) {
            out.add(body.get("message").asText());
        }
        return out;
    }

    private static Map<String, String> parseErrors(JsonNode body) {
        Map<String, String> out = new LinkedHashMap<>();
        body.path("errors").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    private static String reasonPhrase(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 410 -> "Gone";
            case 412 -> "Precondition Failed";
            case 413 -> "Payload Too Large";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Entity";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "";
        };
    }
}
