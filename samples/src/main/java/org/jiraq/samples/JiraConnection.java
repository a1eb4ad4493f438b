package org.jiraq.samples;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

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
                // a refresh token from the 3LO consent means a user's grant; without one, a service account
                String refreshToken = env.get("JIRA_REFRESH_TOKEN");
                props.put(PREFIX + "grantType", refreshToken == null ? "clientCredentials" : "authorizationCode");
                optional(env, "JIRA_REFRESH_TOKEN", "refreshToken", props);
                optional(env, "JIRA_CLOUD_ID", "cloudId", props);
                optional(env, "JIRA_OAUTH_TOKEN_URL", "tokenUrl", props);
                optional(env, "JIRA_API_GATEWAY_URL", "apiGatewayUrl", props);
            }
            default -> throw new IllegalArgumentException(
                    "JIRA_AUTH_METHOD=" + method + " is not supported; use api_token, pat, oauth1 or oauth2");
        }
        optional(env, "JIRA_DEPLOYMENT", "deployment", props);
        optional(env, "JIRA_STORE_URL", "storeUrl", props);
        return props;
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
