package org.jiraq.simulator;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.github.tomakehurst.wiremock.common.Urls;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.LoggedResponse;
import com.github.tomakehurst.wiremock.http.Request;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks every request and response against Atlassian's OpenAPI documents. Requests are checked on the way in (as an
 * {@link Interceptor}) so a malformed one can be refused with 400; responses are checked by {@link ContractListener}
 * just before they are sent. Every violation is recorded.
 */
final class ContractValidator implements Interceptor {

    static final String REJECTION_PREFIX = "Simulator: request violates the Jira OpenAPI contract: ";

    private static final Logger LOG = LoggerFactory.getLogger(ContractValidator.class);

    /**
     * Marks an answer the documents here do not describe, so it is not checked against them: one Atlassian's gateway
     * gives before the call reaches Jira (a scope it refuses), or a REST v2 answer (only v3 is documented here).
     */
    static final String UNDOCUMENTED_ANSWER = "X-Simulator-Undocumented-Answer";

    private final JiraSimulator.Flavour flavour;
    private final boolean rejectViolations;
    private final List<String> violations = new CopyOnWriteArrayList<>();
    /** Serve events whose request this interceptor already judged; {@code true} when it was refused. */
    private final Map<UUID, Boolean> judgedRequests = new ConcurrentHashMap<>();

    ContractValidator(JiraSimulator.Flavour flavour, boolean rejectViolations) {
        this.flavour = flavour;
        this.rejectViolations = rejectViolations;
        // load the platform document now rather than inside the first request, which a client may time out on;
        // the Service Management one only when a feature serves that API
        (flavour == JiraSimulator.Flavour.CLOUD ? OpenApiSpecs.CLOUD_PLATFORM : OpenApiSpecs.DATA_CENTER).validator();
    }

    @Override
    public ApiResponse intercept(ApiRequest request, Chain next) {
        OpenApiInteractionValidator validator = request.route().isContractExempt() ? null : validatorFor(request.path());
        if (validator == null) {
            return next.proceed(request);
        }
        ValidationReport report = validator.validateRequest(toModel(request.wireMockRequest()));
        boolean refuse = report.hasErrors() && rejectViolations;
        judgedRequests.put(request.serveEventId(), refuse);
        if (!report.hasErrors()) {
            return next.proceed(request);
        }
        String messages = describe(report);
        record(request.method(), request.path(), "request", messages);
        return refuse ? ApiResponse.error(400, REJECTION_PREFIX + messages) : next.proceed(request);
    }

    /** Checks what was actually served: the request too if it bypassed the pipeline (a stub a test added itself). */
    void checkServed(UUID serveEventId, Request request, LoggedResponse response, boolean exempt) {
        Boolean refused = judgedRequests.remove(serveEventId);
        String path = URI.create(request.getUrl()).getRawPath();
        OpenApiInteractionValidator validator = exempt ? null : validatorFor(path);
        if (validator == null) {
            return;
        }
        SimpleRequest model = toModel(request);
        if (refused == null) {
            ValidationReport requestReport = validator.validateRequest(model);
            if (requestReport.hasErrors()) {
                record(model.getMethod().name(), path, "request", describe(requestReport));
            }
        }
        if (Boolean.TRUE.equals(refused) || response == null || response.getFault() != null
                || response.getHeaders().getHeader(UNDOCUMENTED_ANSWER).isPresent()) {
            return;
        }
        ValidationReport responseReport = validator.validateResponse(path, model.getMethod(), toModel(response));
        if (responseReport.hasErrors()) {
            record(model.getMethod().name(), path, "response " + response.getStatus(), describe(responseReport));
        }
    }

    List<String> violations() {
        return List.copyOf(violations);
    }

    void clear() {
        violations.clear();
    }

    /** The document that describes {@code path} on this flavour, or {@code null} when none does. */
    private OpenApiInteractionValidator validatorFor(String path) {
        if (path.startsWith("/rest/servicedeskapi/")) {
            return OpenApiSpecs.SERVICE_MANAGEMENT.validator();
        }
        if (flavour == JiraSimulator.Flavour.CLOUD && path.startsWith("/rest/api/3/")) {
            return OpenApiSpecs.CLOUD_PLATFORM.validator();
        }
        if (flavour == JiraSimulator.Flavour.DATA_CENTER && path.startsWith("/rest/api/2/")) {
            return OpenApiSpecs.DATA_CENTER.validator();
        }
        return null;
    }

    private void record(String method, String path, String what, String messages) {
        String violation = method + " " + path + " " + what + ": " + messages;
        LOG.warn("Contract violation: {}", violation);
        violations.add(violation);
    }

    private static String describe(ValidationReport report) {
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> m.getMessage() + " [" + m.getKey() + "]")
                .collect(Collectors.joining("; "));
    }

    private static SimpleRequest toModel(Request request) {
        // the validator wants the bare path: with the query string attached it finds no operation
        SimpleRequest.Builder builder = new SimpleRequest.Builder(
                request.getMethod().getName(), URI.create(request.getUrl()).getRawPath());
        Urls.splitQueryFromUrl(request.getUrl())
                .forEach((name, parameter) -> builder.withQueryParam(name, parameter.values()));
        for (HttpHeader header : request.getHeaders().all()) {
            builder.withHeader(header.key(), header.values());
        }
        String body = request.getBodyAsString();
        if (body != null && !body.isEmpty()) {
            builder.withBody(body);
        }
        return builder.build();
    }

    private static SimpleResponse toModel(LoggedResponse response) {
        SimpleResponse.Builder builder = SimpleResponse.Builder.status(response.getStatus());
        if (response.getHeaders() != null) {
            for (HttpHeader header : response.getHeaders().all()) {
                builder.withHeader(header.key(), header.values());
            }
        }
        String body = response.getBodyAsString();
        if (body != null && !body.isEmpty()) {
            builder.withBody(body);
        }
        return builder.build();
    }
}
