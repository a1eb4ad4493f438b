package org.jiraq.camel.auth;

/** Bearer personal access token, Jira Data Center 8.14 and later. */
public final class PersonalAccessTokenAuth implements AuthStrategy {

    private final String authorization;

    public PersonalAccessTokenAuth(String personalAccessToken) {
        this.authorization = "Bearer " + personalAccessToken;
    }

    @Override
    public void authenticate(AuthRequest request) {
        request.setHeader("Authorization", authorization);
    }
}
