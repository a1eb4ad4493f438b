package org.jiraq.camel.operation;

import java.io.IOException;
import java.net.URI;

import org.apache.camel.Exchange;
import org.jiraq.camel.JiraqApi;
import org.jiraq.camel.JiraqConfiguration;
import org.jiraq.camel.JiraqDeployment;
import org.jiraq.camel.JiraqEndpoint;
import org.jiraq.camel.auth.oauth2.OAuth2Auth;
import org.jiraq.camel.client.JiraqClient;
import org.jiraq.camel.client.JiraqRequest;

/**
 * Clients for the APIs Atlassian serves on its gateway for a Jira Cloud site, with the endpoint's credentials: each
 * rooted at the API's root on {@code apiGatewayUrl}, so a path can only add to it. The site is named by its cloudId (the
 * OAuth 2.0 grant's, else option cloudId) or, for Assets, by its workspace id (option workspaceId, else asked of the
 * site once).
 */
final class GatewayApis {

    private final JiraqEndpoint endpoint;
    private final JiraqConfiguration config;
    private volatile String workspaceId;

    GatewayApis(JiraqEndpoint endpoint) {
        this.endpoint = endpoint;
        this.config = endpoint.getConfiguration();
        this.workspaceId = blankToNull(config.getWorkspaceId());
    }

    /** The client for {@code api} (not jira) on behalf of the exchange's credential. */
    JiraqClient client(Exchange exchange, JiraqApi api) throws IOException {
        if (endpoint.getDeployment() != JiraqDeployment.cloud) {
            throw new IllegalArgumentException("Option 'api' " + api + " is an API of Jira Cloud, which Atlassian serves"
                                               + " on its gateway; Jira Data Center has none");
        }
        JiraqClient site = endpoint.getClient(exchange);
        String gateway = config.getApiGatewayUrl().trim().replaceAll("/+$", "");
        String root = switch (api) {
            case customerServiceManagement -> gateway + "/jsm/csm/cloudid/" + Inputs.segment(cloudId(site)) + "/api/v1";
            case operations -> gateway + "/jsm/ops/api/" + Inputs.segment(cloudId(site)) + "/v1";
            case assets -> gateway + "/jsm/assets/workspace/" + Inputs.segment(workspaceId(site)) + "/v1";
            case jira -> throw new IllegalStateException("api=jira is the site's own REST API, not a gateway API");
        };
        return site.atGatewayApi(URI.create(root));
    }

    private String cloudId(JiraqClient site) throws IOException {
        if (site.auth() instanceof OAuth2Auth oauth) {
            return oauth.cloudId(null);
        }
        String cloudId = blankToNull(config.getCloudId());
        if (cloudId == null) {
            throw new IllegalArgumentException("Option 'cloudId' is required to call Atlassian's gateway APIs without"
                                               + " OAuth 2.0: the site's cloudId, shown at " + endpoint.getServiceUrl()
                                               + "/_edge/tenant_info");
        }
        return cloudId;
    }

    private String workspaceId(JiraqClient site) throws IOException {
        String known = workspaceId;
        if (known == null) {
            known = site.execute(JiraqRequest.get("/rest/servicedeskapi/assets/workspace").build()).json()
                    .path("values").path(0).path("workspaceId").asText(null);
            if (known == null) {
                throw new IllegalArgumentException("The site names no Assets workspace; set option 'workspaceId'");
            }
            workspaceId = known;
        }
        return known;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
