package org.jiraq.simulator;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The APIs Atlassian serves on its gateway (api.atlassian.com) beside the site's own REST API, each rooted at a path
 * that names the site: by cloudId (Customer Service Management, Operations) or by Assets workspace id.
 */
public enum GatewayApi {

    /** Customer Service Management: {@code /jsm/csm/cloudid/{cloudId}/api/v1/...}. */
    CUSTOMER_SERVICE_MANAGEMENT("/jsm/csm/cloudid/", "/api/v1"),
    /** Jira Service Management Operations: {@code /jsm/ops/api/{cloudId}/v1/...}. */
    OPERATIONS("/jsm/ops/api/", "/v1"),
    /** Assets: {@code /jsm/assets/workspace/{workspaceId}/v1/...}. */
    ASSETS("/jsm/assets/workspace/", "/v1");

    private static final Pattern ADDRESSED = Pattern.compile("^/jsm/(?:csm/cloudid|ops/api|assets/workspace)/([^/]+)/.*");

    private final String prefix;
    private final String version;

    GatewayApi(String prefix, String version) {
        this.prefix = prefix;
        this.version = version;
    }

    /** The API's root for the site with this id, e.g. {@code /jsm/csm/cloudid/abc/api/v1}. */
    public String root(String id) {
        return prefix + id + version;
    }

    /** The cloudId or workspace id a gateway API path addresses, if it is one. */
    static Optional<String> addressedId(String path) {
        Matcher matcher = ADDRESSED.matcher(path);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
