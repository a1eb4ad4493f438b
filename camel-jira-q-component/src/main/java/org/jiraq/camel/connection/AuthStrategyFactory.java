package org.jiraq.camel.connection;

import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;

import org.apache.hc.client5.http.classic.HttpClient;
import org.jiraq.camel.JiraqAuthStrategy;
import org.jiraq.camel.JiraqConfiguration;
import org.jiraq.camel.JiraqDeployment;
import org.jiraq.camel.OptionalDependency;
import org.jiraq.camel.auth.ApiTokenAuth;
import org.jiraq.camel.auth.AuthOptions;
import org.jiraq.camel.auth.AuthStrategy;
import org.jiraq.camel.auth.PersonalAccessTokenAuth;
import org.jiraq.camel.auth.oauth1.OAuth1Auth;
import org.jiraq.camel.auth.oauth1.OAuth1Signer;
import org.jiraq.camel.auth.oauth1.PemPrivateKeys;
import org.jiraq.camel.auth.oauth2.OAuth2Auth;
import org.jiraq.camel.auth.oauth2.OAuth2Settings;
import org.jiraq.camel.client.RetryPolicy;
import org.jiraq.camel.spi.TokenStore;

/** Picks and builds the {@link AuthStrategy} an endpoint's configuration asks for, checking its options first. */
final class AuthStrategyFactory {

    private AuthStrategyFactory() {
    }

    /** Checks the options of the strategy now, so a mistake fails at endpoint creation naming the option. */
    static void validate(JiraqConfiguration config, URI siteUrl, JiraqDeployment deployment) {
        if (config.resolveAuthStrategy() == JiraqAuthStrategy.oauth2) {
            OAuth2Settings.from(config, siteUrl, deployment);
        } else {
            create(config);
        }
    }

    /** The strategy of a new connection; OAuth 2.0 also calls its token endpoint on the connection's HTTP client. */
    static AuthStrategy create(JiraqConfiguration config, URI siteUrl, JiraqDeployment deployment, HttpClient http,
                               RetryPolicy retryPolicy, Duration requestTimeout, Supplier<TokenStore> tokenStore) {
        if (config.resolveAuthStrategy() == JiraqAuthStrategy.oauth2) {
            return OAuth2Auth.create(OAuth2Settings.from(config, siteUrl, deployment), tokenStore.get(), http,
                    retryPolicy, requestTimeout);
        }
        return create(config);
    }

    /** The strategies that need nothing but their options. */
    private static AuthStrategy create(JiraqConfiguration config) {
        JiraqAuthStrategy strategy = config.resolveAuthStrategy();
        return switch (strategy) {
            case apiToken -> new ApiTokenAuth(
                    AuthOptions.require(config.getUsername(), "username", strategy,
                            "the Atlassian account e-mail or DC user name"),
                    AuthOptions.require(config.getApiToken(), "apiToken", strategy, "the API token or DC password"));
            case pat -> new PersonalAccessTokenAuth(
                    AuthOptions.require(config.getPersonalAccessToken(), "personalAccessToken", strategy, "the token"));
            case oauth1 -> oauth1(config, strategy);
            case oauth2 -> throw new IllegalStateException("authStrategy=oauth2 is built with its token store");
        };
    }

    /** BouncyCastle reads the PEM key; it is needed for OAuth 1.0a only, so it is checked for first. */
    private static AuthStrategy oauth1(JiraqConfiguration config, JiraqAuthStrategy strategy) {
        OptionalDependency.require("org.bouncycastle.openssl.PEMParser", "org.bouncycastle:bcpkix-jdk18on",
                "authStrategy=oauth1, whose PEM private key BouncyCastle reads,");
        return new OAuth1Auth(
                new OAuth1Signer(
                        AuthOptions.require(config.getConsumerKey(), "consumerKey", strategy,
                                "the consumer key of the Jira application link"),
                        PemPrivateKeys.fromOptions(config.getPrivateKey(), config.getPrivateKeyFile())),
                AuthOptions.require(config.getAccessToken(), "accessToken", strategy,
                        "the access token obtained once with org.jiraq.camel.auth.oauth1.OAuth1Dance"));
    }
}
