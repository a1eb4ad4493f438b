package org.jiraq.samples;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jiraq.camel.JiraqDeployment;

/**
 * Reads the standard Jira variables (JIRA_BASE_URL, JIRA_AUTH_METHOD, ...) into the component's options
 * ({@code camel.component.jiraq.*}), so the same sample runs against any Jira without code changes.
 */
public final class JiraConnection {

    static final String PREFIX = "camel.component.jiraq.";

    private JiraConnection() {
    }

    /** Whether the environment names a real Jira; without one the sample runs on the embedded simulator. */
    public static boolean configured(Map<String, String> env) {
        return env.get("JIRA_BASE_URL") != null && !env.get("JIRA_BASE_URL").isBlank();
    }

    /**
     * Whether the sample must first connect a Jira user (OAuth 2.0 with a client id and secret but no refresh token):
     * it then serves the consent routes and waits for the user.
     */
    public static boolean connectMode(Map<String, String> env) {
        return "oauth2".equalsIgnoreCase(env.get("JIRA_AUTH_METHOD")) && !clientCredentials(env)
               && (env.get("JIRA_REFRESH_TOKEN") == null || env.get("JIRA_REFRESH_TOKEN").isBlank());
    }

    /** A service account (client credentials) only when JIRA_OAUTH2_GRANT says so: a 3LO app cannot use one. */
    private static boolean clientCredentials(Map<String, String> env) {
        String grant = env.getOrDefault("JIRA_OAUTH2_GRANT", "authorization_code").trim().toLowerCase(Locale.ROOT);
        return switch (grant) {
            case "client_credentials" -> true;
            case "authorization_code" -> false;
            default -> throw new IllegalArgumentException(
                    "JIRA_OAUTH2_GRANT=" + grant + " is not supported; use authorization_code (a user's consent, the"
                                                          + " default) or client_credentials (a service account)");
        };
    }

    public static Map<String, String> properties(Map<String, String> env) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put(PREFIX + "baseUrl", env.get("JIRA_BASE_URL"));
        String method = env.getOrDefault("JIRA_AUTH_METHOD", "api_token").toLowerCase(Locale.ROOT);
        switch (method) {
            case "api_token" -> {
                props.put(PREFIX + "authStrategy", "apiToken");
                props.put(PREFIX + "username", require(env, "JIRA_API_USER_EMAIL", method));
                props.put(PREFIX + "apiToken", require(env, "JIRA_API_TOKEN", method));
            }
            case "pat" -> {
                props.put(PREFIX + "authStrategy", "pat");
                props.put(PREFIX + "personalAccessToken", require(env, "JIRA_PAT", method));
            }
            case "oauth1" -> {
                props.put(PREFIX + "authStrategy", "oauth1");
                props.put(PREFIX + "consumerKey", require(env, "JIRA_CONSUMER_KEY", method));
                props.put(PREFIX + "privateKeyFile", require(env, "JIRA_PRIVATE_KEY_PATH", method));
                props.put(PREFIX + "accessToken", require(env, "JIRA_ACCESS_TOKEN", method));
            }
            case "oauth2" -> {
                props.put(PREFIX + "authStrategy", "oauth2");
                props.put(PREFIX + "clientId", require(env, "JIRA_CLIENT_ID", method));
                props.put(PREFIX + "clientSecret", require(env, "JIRA_CLIENT_SECRET", method));
                // a user's grant (3LO, or Data Center's provider) unless a service account is asked for by name:
                // without a refresh token the sample connects the user first (connect mode)
                props.put(PREFIX + "grantType", clientCredentials(env) ? "clientCredentials" : "authorizationCode");
                // what the demo needs: Cloud's classic scopes, or Data Center's
                props.put(PREFIX + "scopes", env.getOrDefault("JIRA_SCOPES",
                        deployment(env) == JiraqDeployment.cloud ? "read:jira-work write:jira-work" : "READ WRITE"));
                optional(env, "JIRA_REFRESH_TOKEN", "refreshToken", props);
                optional(env, "JIRA_REDIRECT_URI", "redirectUri", props);
                optional(env, "JIRA_OAUTH_AUTHORIZATION_URL", "authorizationUrl", props);
                optional(env, "JIRA_OAUTH_TOKEN_URL", "tokenUrl", props);
            }
            default -> throw new IllegalArgumentException(
                    "JIRA_AUTH_METHOD=" + method + " is not supported; use api_token, pat, oauth1 or oauth2");
        }
        optional(env, "JIRA_DEPLOYMENT", "deployment", props);
        optional(env, "JIRA_CLOUD_ID", "cloudId", props);
        optional(env, "JIRA_API_GATEWAY_URL", "apiGatewayUrl", props);
        optional(env, "JIRA_STORE_URL", "storeUrl", props);
        return props;
    }

    /** JIRA_DEPLOYMENT, else what the site URL says. */
    static JiraqDeployment deployment(Map<String, String> env) {
        String deployment = env.get("JIRA_DEPLOYMENT");
        return deployment != null && !deployment.isBlank() ? JiraqDeployment.valueOf(deployment.trim().toLowerCase(Locale.ROOT))
                : JiraqDeployment.inferFrom(URI.create(env.get("JIRA_BASE_URL").trim()));
    }

    private static void optional(Map<String, String> env, String variable, String option, Map<String, String> props) {
        String value = env.get(variable);
        if (value != null && !value.isBlank()) {
            props.put(PREFIX + option, value);
        }
    }

    static String require(Map<String, String> env, String variable, String method) {
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(variable + " must be set when JIRA_AUTH_METHOD=" + method);
        }
        return value;
    }
}
