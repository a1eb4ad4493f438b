package org.jiraq.camel.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Basic authentication with an Atlassian account e-mail and API token (Jira Cloud), or a user name and password
 * (Jira Data Center).
 */
public final class ApiTokenAuth implements AuthStrategy {

    private final String authorization;

    public ApiTokenAuth(String username, String apiToken) {
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + apiToken).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void authenticate(AuthRequest request) {
        request.setHeader("Authorization", authorization);
    }
}
