package org.jiraq.camel.auth.oauth2;

import java.net.URI;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.jiraq.camel.JiraqAuthStrategy;
import org.jiraq.camel.JiraqConfiguration;
import org.jiraq.camel.JiraqDeployment;
import org.jiraq.camel.JiraqGrantType;
import org.jiraq.camel.auth.AuthOptions;

/**
 * The OAuth 2.0 options of an endpoint, checked, with the defaults that depend on the deployment filled in.
 * {@link #toString()} never shows the client secret or refresh token.
 *
 * @param scopes space-separated, as the authorization server expects them; empty when none are configured
 */
public record OAuth2Settings(
        JiraqGrantType grantType, String clientId, String clientSecret, String scopes, String refreshToken,
        String cloudId, String credentialId, URI authorizationUrl, URI tokenUrl, URI apiGatewayUrl, String redirectUri,
        URI siteUrl, JiraqDeployment deployment) {

    static final String ATLASSIAN_TOKEN_URL = "https://auth.atlassian.com/oauth/token";
    static final String DATA_CENTER_AUTHORIZATION_PATH = "/rest/oauth2/latest/authorize";
    static final String DATA_CENTER_TOKEN_PATH = "/rest/oauth2/latest/token";

    /** Reads and checks the options; the message of a mistake names the option. */
    public static OAuth2Settings from(JiraqConfiguration config, URI siteUrl, JiraqDeployment deployment) {
        JiraqAuthStrategy method = JiraqAuthStrategy.oauth2;
        JiraqGrantType grantType = config.getGrantType() != null ? config.getGrantType() : JiraqGrantType.authorizationCode;
        String site = siteUrl.toString().replaceAll("/+$", "");
        boolean dataCenter = deployment == JiraqDeployment.datacenter;
        String tokenUrl = config.getTokenUrl() != null ? config.getTokenUrl()
                : dataCenter ? site + DATA_CENTER_TOKEN_PATH : ATLASSIAN_TOKEN_URL;
        // Data Center's provider is the site itself, unless an authorization URL other than Atlassian's is set
        String authorizationUrl = dataCenter && (config.getAuthorizationUrl() == null
                || JiraqConfiguration.DEFAULT_AUTHORIZATION_URL.equals(config.getAuthorizationUrl().trim()))
                ? site + DATA_CENTER_AUTHORIZATION_PATH : config.getAuthorizationUrl();
        String credentialId = config.getCredentialId();
        if (credentialId == null || credentialId.isBlank()) {
            throw new IllegalArgumentException("Option 'credentialId' must not be blank");
        }
        return new OAuth2Settings(
                grantType,
                AuthOptions.require(config.getClientId(), "clientId", method, "the OAuth 2.0 client id"),
                AuthOptions.require(config.getClientSecret(), "clientSecret", method, "the OAuth 2.0 client secret"),
                normalizeScopes(config.getScopes()), blankToNull(config.getRefreshToken()), blankToNull(config.getCloudId()),
                credentialId.trim(),
                httpUrl(authorizationUrl, "authorizationUrl"),
                httpUrl(tokenUrl, "tokenUrl"),
                httpUrl(config.getApiGatewayUrl(), "apiGatewayUrl"),
                blankToNull(config.getRedirectUri()), siteUrl, deployment);
    }

    /** The grant to use: the one the exchange asks for (header CamelJiraqCredentialId), else the configured one. */
    public String credentialIdOr(String requested) {
        return requested == null || requested.isBlank() ? credentialId : requested;
    }

    /** Whether calls go through Atlassian's gateway ({@code /ex/jira/{cloudId}}) rather than to the site itself. */
    public boolean viaGateway() {
        return deployment == JiraqDeployment.cloud;
    }

    /** The redirect URI the connect flow needs; an error naming the option when it is not set. */
    public String requireRedirectUri() {
        if (redirectUri == null) {
            throw new IllegalArgumentException(
                    "Option 'redirectUri' is required for the OAuth 2.0 connect flow: the public URL of the route that"
                                               + " runs the callback processor, as registered in the Atlassian developer"
                                               + " console");
        }
        return redirectUri;
    }

    static String normalizeScopes(String scopes) {
        return scopes == null ? "" : Arrays.stream(scopes.trim().split("[\\s,]+")).filter(s -> !s.isEmpty())
                .distinct().collect(Collectors.joining(" "));
    }

    private static URI httpUrl(String value, String option) {
        URI uri;
        try {
            uri = value == null ? null : URI.create(value.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Option '" + option + "' is not a URL: " + e.getMessage(), e);
        }
        if (uri == null || uri.getHost() == null
                || !"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("Option '" + option + "' must be an http(s) URL with a host");
        }
        return uri;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    @Override
    public String toString() {
        return "OAuth2Settings[grantType=" + grantType + ", clientId=" + clientId + ", scopes=" + scopes
               + ", credentialId=" + credentialId + ", tokenUrl=" + tokenUrl + ", deployment=" + deployment + "]";
    }
}
