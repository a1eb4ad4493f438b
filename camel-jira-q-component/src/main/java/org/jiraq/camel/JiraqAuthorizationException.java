package org.jiraq.camel;

/**
 * Jira cannot be called for a credential until a person acts: the grant was refused by the authorization server
 * ({@code invalid_grant}: revoked, expired, or a refresh token reused), or no grant was ever stored. Retrying cannot
 * help, so calls with the credential fail at once with this exception, which names the credentialId and no secret.
 */
public class JiraqAuthorizationException extends JiraqException {

    private final String credentialId;

    public JiraqAuthorizationException(String message, String credentialId) {
        super(message, null, false, false, null);
        this.credentialId = credentialId;
    }

    /** The grant was refused: the user must consent again. */
    public static JiraqAuthorizationException reconnectRequired(String credentialId) {
        return new JiraqAuthorizationException(
                "The OAuth 2.0 grant of credentialId '" + credentialId + "' was refused by the authorization server"
                                               + " (invalid_grant): the user must reconnect their Jira account through"
                                               + " the connect flow. Calls with this credentialId fail at once until"
                                               + " then.",
                credentialId);
    }

    /** Nothing was ever stored for the credential. */
    public static JiraqAuthorizationException notConnected(String credentialId) {
        return new JiraqAuthorizationException(
                "No OAuth 2.0 grant is stored for credentialId '" + credentialId + "': connect the Jira account"
                                               + " through the connect flow first, or set option refreshToken",
                credentialId);
    }

    /** The credential the failed call used. */
    public String getCredentialId() {
        return credentialId;
    }
}
