package org.jiraq.simulator.servicedesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.jiraq.simulator.JiraHttp;
import org.jiraq.simulator.JiraSimulator;
import org.jiraq.simulator.auth.AtlassianOAuth2;
import org.jiraq.simulator.http.GatewayApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The APIs on Atlassian's gateway beside the site's own: Customer Service Management, Assets and Operations, with basic
 * auth and with OAuth 2.0 tokens; and the gateway's scope check.
 */
class GatewayApisTest {

    private final AtlassianOAuth2 oauth = new AtlassianOAuth2().checkScopes();
    private final CustomerServiceManagement csm = new CustomerServiceManagement(oauth.cloudId());
    private final AssetsAndOperations assetsAndOps = new AssetsAndOperations(oauth);
    private JiraSimulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.assertNoContractViolations();
            sim.close();
        }
    }

    @Test
    void customerServiceManagementKeepsOrganizationsCustomersProductsAndEntitlements() {
        start();
        JiraHttp jira = JiraHttp.defaultUser(sim);
        String root = csm.root();

        JsonNode org = jira.post(root + "/organization", "{\"name\":\"Acme\"}").json();
        assertThat(jira.put(root + "/organization/" + org.path("id").asText(), "{\"name\":\"Acme Ltd\"}").json()
                .path("name").asText()).isEqualTo("Acme Ltd");
        assertThat(jira.post(root + "/organization/fetch", "{\"names\":[\"Acme Ltd\",\"Nope\"]}").json()
                .path("values")).hasSize(1);
        JsonNode customer = jira.post(root + "/customer", "{\"displayName\":\"Carla\",\"email\":\"carla@acme.com\"}")
                .json();
        assertThat(jira.put(root + "/customer/account/" + customer.path("id").asText(), "{\"displayName\":\"Carla C\"}")
                .json().path("displayName").asText()).isEqualTo("Carla C");
        assertThat(jira.post(root + "/customer", "{\"displayName\":\"No mail\"}").status()).isEqualTo(400);
        List<String> productIds = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            productIds.add(jira.post(root + "/product", "{\"name\":\"Product " + i + "\"}").json().path("id").asText());
        }
        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = jira.get(root + "/product?limit=2" + (cursor == null ? "" : "&cursor=" + cursor)).json();
            page.path("values").forEach(product -> paged.add(product.path("id").asText()));
            cursor = page.hasNonNull("nextPageCursor") ? page.path("nextPageCursor").asText() : null;
        } while (cursor != null);
        assertThat(paged).isEqualTo(productIds);
        String entitlement = jira.post(root + "/customer/" + customer.path("id").asText() + "/entitlement",
                "{\"productId\":\"" + productIds.get(0) + "\"}").json().path("id").asText();
        assertThat(jira.put(root + "/entitlement/" + entitlement + "/details",
                "{\"details\":[{\"name\":\"tier\",\"value\":\"gold\"}]}").json().path("details").get(0).path("value")
                .asText()).isEqualTo("gold");
        String entitlementsQuery = root + "/entitlements?entityType=CUSTOMER&entityId=" + customer.path("id").asText();
        assertThat(jira.get(entitlementsQuery).status()).as("experimental without opt-in").isEqualTo(412);
        assertThat(jira.delete(root + "/product/" + productIds.get(4)).status()).isEqualTo(204);
        assertThat(jira.get(root + "/product/" + productIds.get(4)).status()).isEqualTo(404);
        assertThat(jira.get(csm.root().replace(oauth.cloudId(), "another-site") + "/product").status()).isEqualTo(404);
    }

    @Test
    void entitlementsPageWithStartAndLimitWhenOptedIn() throws Exception {
        start();
        JiraHttp jira = JiraHttp.defaultUser(sim);
        String org = jira.post(csm.root() + "/organization", "{\"name\":\"Acme\"}").json().path("id").asText();
        for (int i = 0; i < 3; i++) {
            String product = jira.post(csm.root() + "/product", "{\"name\":\"P" + i + "\"}").json().path("id").asText();
            jira.post(csm.root() + "/organization/" + org + "/entitlement", "{\"productId\":\"" + product + "\"}");
        }

        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sim.baseUrl()
                        + csm.root() + "/entitlements?entityType=ORGANIZATION&entityId=" + org + "&start=2&limit=2"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        (JiraSimulator.DEFAULT_USER + ":" + JiraSimulator.DEFAULT_API_TOKEN).getBytes()))
                .header("X-ExperimentalApi", "opt-in").GET().build(), HttpResponse.BodyHandlers.ofString());

        JsonNode json = JiraHttp.MAPPER.readTree(page.body());
        assertThat(json.path("values")).hasSize(1);
        assertThat(json.path("isLastPage").asBoolean()).isTrue();
    }

    @Test
    void accessTokensReachTheGatewayApisOfTheirSiteOnly() {
        start();
        String token = clientCredentialsToken("read:jira-work write:jira-work read:product:jira-service-management");
        JiraHttp app = JiraHttp.bearer(sim, token);

        assertThat(app.get(csm.root() + "/product").status()).isEqualTo(200);
        assertThat(app.get(GatewayApi.ASSETS.root(assetsAndOps.workspaceId()) + "/object/2").json().path("objectKey")
                .asText()).isEqualTo("LAP-2");
        assertThat(app.get(GatewayApi.OPERATIONS.root(oauth.cloudId()) + "/alerts?size=2").json().path("links")
                .path("next").asText()).endsWith("/alerts?offset=2&size=2");
        assertThat(app.get("/jsm/csm/cloudid/another-site/api/v1/product").status()).isEqualTo(401);
        assertThat(JiraHttp.defaultUser(sim).get("/rest/servicedeskapi/assets/workspace").json().path("values").get(0)
                .path("workspaceId").asText()).as("the site names its Assets workspace").isEqualTo(assetsAndOps.workspaceId());
    }

    @Test
    void theGatewayRefusesATokenWithoutTheScopesOfTheOperation() {
        start();
        JiraHttp reader = JiraHttp.bearer(sim, clientCredentialsToken("read:jira-work"));
        String site = "/ex/jira/" + oauth.cloudId();

        assertThat(reader.get(site + "/rest/api/3/search/jql?jql=project%3DDEMO").status()).isEqualTo(200);
        JiraHttp.Reply create = reader.post(site + "/rest/api/3/issue", JiraHttp.createBody("DEMO", "Task", "s"));
        assertThat(create.status()).isEqualTo(401);
        assertThat(create.json().path("message").asText()).isEqualTo("Unauthorized; scope does not match");
        JiraHttp granular = JiraHttp.bearer(sim, clientCredentialsToken("write:issue:jira write:comment:jira"
                + " write:comment.property:jira write:attachment:jira read:issue:jira"));
        assertThat(granular.post(site + "/rest/api/3/issue", JiraHttp.createBody("DEMO", "Task", "s")).status())
                .as("the granular set is enough").isEqualTo(201);
    }

    @Test
    void customerServiceManagementCallsNeedTheScopesAtlassiansReferenceNames() {
        start();
        JiraHttp reader = JiraHttp.bearer(sim, clientCredentialsToken("read:product:jira-service-management"));
        JiraHttp writer = JiraHttp.bearer(sim, clientCredentialsToken("read:product:jira-service-management"
                + " write:product:jira-service-management"));

        JiraHttp.Reply refused = reader.post(csm.root() + "/product", "{\"name\":\"Gold\"}");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().path("message").asText()).isEqualTo("Unauthorized; scope does not match");
        assertThat(writer.post(csm.root() + "/product", "{\"name\":\"Gold\"}").status()).isEqualTo(200);
        assertThat(reader.get(csm.root() + "/product").status()).isEqualTo(200);
        assertThat(reader.post(csm.root() + "/organization/fetch", "{\"names\":[\"Acme\"]}").status())
                .as("organizations need read:organization:jira-service-management").isEqualTo(401);
    }

    private void start() {
        sim = JiraSimulator.builder().feature(oauth).feature(csm).feature(assetsAndOps).start();
    }

    private String clientCredentialsToken(String scope) {
        return JiraHttp.anonymous(sim).post("/oauth/token", JiraHttp.MAPPER.createObjectNode()
                .put("grant_type", "client_credentials").put("client_id", AtlassianOAuth2.CLIENT_ID)
                .put("client_secret", AtlassianOAuth2.CLIENT_SECRET).put("scope", scope)).json()
                .path("access_token").asText();
    }
}
