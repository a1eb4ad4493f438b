package org.jiraq.camel.connection;

import java.net.URI;

import org.jiraq.camel.JiraqAuthStrategy;
import org.jiraq.camel.JiraqConfiguration;
import org.jiraq.camel.JiraqDeployment;
import org.jiraq.camel.auth.ApiTokenAuth;
import org.jiraq.camel.auth.AuthOptions;
import org.jiraq.camel.auth.AuthStrategy;
import org.jiraq.camel.auth.PersonalAccessTokenAuth;
import org.jiraq.camel.auth.oauth1.OAuth1Auth;
import org.jiraq.camel.auth.oauth1.OAuth1Signer;
import org.jiraq.camel.auth.oauth1.PemPrivateKeys;
import org.jiraq.camel.auth.oauth2.AuthContext;
import org.jiraq.camel.auth.oauth2.OAuth2Auth;
import org.jiraq.camel.auth.oauth2.OAuth2Settings;
import org.jiraq.camel.auth.oauth2.OAuth2TokenManager;

/** Picks and builds the {@link AuthStrategy} an endpoint's configuration asks for, checking its options first. */
public final class AuthStrategyFactory {

    private AuthStrategyFactory() {
    }

    /** The method to use: the one configured, else the one the given credentials imply. */
    public static JiraqAuthStrategy resolveMethod(JiraqConfiguration config) {
        if (config.getAuthStrategy() != null) {
            return config.getAuthStrategy();
        }
        if (config.getPersonalAccessToken() != null && config.getUsername() == null) {
            return JiraqAuthStrategy.pat;
        }
        if (config.getUsername() != null || config.getApiToken() != null) {
            return JiraqAuthStrategy.apiToken;
        }
        throw new IllegalArgumentException(
                "Option 'authStrategy' is required: one of apiToken (username + apiToken), pat (personalAccessToken),"
                                           + " oauth1 or oauth2");
    }

    /** Checks the options of the method now, so a mistake fails at endpoint creation with a message naming the option. */
    public static void validate(JiraqConfiguration config, URI siteUrl, JiraqDeployment deployment) {
        if (resolveMethod(config) == JiraqAuthStrategy.oauth2) {
            OAuth2Settings.from(config, siteUrl, deployment);
        } else {
            create(config);
        }
    }

    /** The strategy of a started endpoint; OAuth 2.0 also uses the endpoint's HTTP client and the token store. */
    public static AuthStrategy create(JiraqConfiguration config, AuthContext context) {
        if (resolveMethod(config) == JiraqAuthStrategy.oauth2) {
            return new OAuth2Auth(new OAuth2TokenManager(
                    OAuth2Settings.from(config, context.siteUrl(), context.deployment()), context));
        }
        return create(config);
    }

    /** The strategies that need nothing but their options. */
    static AuthStrategy create(JiraqConfiguration config) {
        JiraqAuthStrategy method = resolveMethod(config);
        return switch (method) {
            case apiToken -> new ApiTokenAuth(
                    AuthOptions.require(config.getUsername(), "username", method,
                            "the Atlassian account e-mail or DC user name"),
                    AuthOptions.require(config.getApiToken(), "apiToken", method, "the API token or DC password"));
            case pat -> new PersonalAccessTokenAuth(
                    AuthOptions.require(config.getPersonalAccessToken(), "personalAccessToken", method, "the token"));
            case oauth1 -> new OAuth1Auth(
                    new OAuth1Signer(
                            AuthOptions.require(config.getConsumerKey(), "consumerKey", method,
                                    "the consumer key of the Jira application link"),
                            PemPrivateKeys.fromOptions(config.getPrivateKey(), config.getPrivateKeyFile())),
                    AuthOptions.require(config.getAccessToken(), "accessToken", method,
                            "the access token obtained once with org.jiraq.camel.auth.oauth1.OAuth1Dance"));
            case oauth2 -> throw new IllegalStateException(
                    "authStrategy=oauth2 needs the endpoint's token store and HTTP client (create(config, context))");
        };
    }

}
