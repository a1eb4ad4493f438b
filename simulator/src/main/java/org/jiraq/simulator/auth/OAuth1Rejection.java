package org.jiraq.simulator.auth;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.jiraq.simulator.http.ApiResponse;

/**
 * Jira's refusal of an OAuth 1.0a request: 401 with the problem in the WWW-Authenticate challenge and a
 * form-encoded report in the body (oauth_problem=signature_invalid&amp;oauth_signature_base_string=...), as
 * Atlassian's OAuth filter answers.
 */
final class OAuth1Rejection extends RuntimeException {

    private final String problem;
    private final Map<String, String> details;

    OAuth1Rejection(String problem) {
        this(problem, Map.of());
    }

    OAuth1Rejection(String problem, Map<String, String> details) {
        super(problem, null, false, false);
        this.problem = problem;
        this.details = details;
    }

    String problem() {
        return problem;
    }

    ApiResponse response(String realm) {
        Map<String, String> report = new LinkedHashMap<>();
        report.put("oauth_problem", problem);
        report.putAll(details);
        StringJoiner body = new StringJoiner("&");
        report.forEach((name, value) -> body.add(name + "=" + OAuth1SignedRequest.encode(value)));
        return ApiResponse.text(401, "text/plain;charset=UTF-8", body.toString())
                .withHeader("WWW-Authenticate", "OAuth realm=\"" + OAuth1SignedRequest.encode(realm)
                                                + "\", oauth_problem=\"" + problem + "\"");
    }
}
