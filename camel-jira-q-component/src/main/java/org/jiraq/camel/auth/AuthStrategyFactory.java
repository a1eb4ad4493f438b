package org.jiraq.camel.auth;

import org.jiraq.camel.JiraqAuthMethod;
import org.jiraq.camel.JiraqConfiguration;

/** Picks and builds the {@link AuthStrategy} an endpoint's configuration asks for, checking its options first. */
public final class AuthStrategyFactory {

    private AuthStrategyFactory() {
    }

    /** The method to use: the one configured, else the one the given credentials imply. */
    public static JiraqAuthMethod resolveMethod(JiraqConfiguration config) {
        if (config.getAuthStrategy() != null) {
            return config.getAuthStrategy();
        }
        if (config.getPersonalAccessToken() != null && config.getUsername() == null) {
            return JiraqAuthMethod.pat;
        }
        if (config.getUsername() != null || config.getApiToken() != null) {
            return JiraqAuthMethod.apiToken;
        }
        throw new IllegalArgumentException(
                "Option 'authStrategy' is required: one of apiToken (username + apiToken), pat (personalAccessToken),"
                                           + " oauth1 or oauth2");
    }

    public static AuthStrategy create(JiraqConfiguration config) {
        JiraqAuthMethod method = resolveMethod(config);
        return switch (method) {
            case apiToken -> new ApiTokenAuth(
                    require(config.getUsername(), "username", method, "the Atlassian account e-mail or DC user name"),
                    require(config.getApiToken(), "apiToken", method, "the API token or DC password"));
            case pat -> new PersonalAccessTokenAuth(
                    require(config.getPersonalAccessToken(), "personalAccessToken", method, "the token"));
            case oauth1 -> new OAuth1Auth(
                    new OAuth1Signer(
                            require(config.getConsumerKey(), "consumerKey", method,
                                    "the consumer key of the Jira application link"),
                            PemPrivateKeys.fromOptions(config.getPrivateKey(), config.getPrivateKeyFile())),
                    require(config.getAccessToken(), "accessToken", method,
                            "the access token obtained once with org.jiraq.camel.auth.OAuth1Dance"));
            default -> throw new IllegalArgumentException("authStrategy=" + method + " is not available yet");
        };
    }

    static String require(String value, String option, JiraqAuthMethod method, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(
                    "Option '" + option + "' is required with authStrategy=" + method + " (" + what + ")");
        }
        return value;
    }
}
