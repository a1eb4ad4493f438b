package org.jiraq.camel.operation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.jiraq.camel.JiraqConfiguration;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.JiraqTestSupport;
import org.jiraq.simulator.http.GatewayApi;
import org.jiraq.simulator.JiraSimulator;
import org.jiraq.simulator.RecordedRequest;
import org.jiraq.simulator.servicedesk.AssetsAndOperations;
import org.jiraq.simulator.servicedesk.CustomerServiceManagement;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Customer Service Management's typed operations and the request operation's gateway APIs (Customer Service
 * Management, Assets, Operations) against the simulator's gateway, with an API token and option cloudId; every page
 * walked; paths kept below the API's root.
 */
class CustomerServiceManagementTest extends JiraqTestSupport {

    private final CustomerServiceManagement csm = new CustomerServiceManagement();
    private final AssetsAndOperations assetsAndOps = new AssetsAndOperations(csm.cloudId());

    @Override
    protected JiraSimulator.Builder simulator() {
        return super.simulator().feature(csm).feature(assetsAndOps);
    }

    @Override
    protected void configure(JiraqConfiguration config) {
        super.configure(config);
        config.setCloudId(csm.cloudId());
        config.setApiGatewayUrl(sim.baseUrl());
    }

    @Test
    void organizationsAreCreatedRenamedReadAndListedInBatchesOfFifty() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 55; i++) {
            Exchange created = send("jiraq:csmCreate?csmResource=organization", Map.of("name", "Org " + i), Map.of());
            ids.add(created.getMessage().getHeader(JiraqConstants.CSM_ID, String.class));
        }
        send("jiraq:csmUpdate?csmResource=organization", Map.of("name", "Acme"), Map.of(JiraqConstants.CSM_ID, ids.get(0)));

        Exchange listed = send("jiraq:csmList?csmResource=organization", Map.of("ids", ids), Map.of());
        Exchange got = send("jiraq:csmGet?csmResource=organization", null, Map.of(JiraqConstants.CSM_ID, ids.get(0)));

        assertThat(listed.getMessage().getBody(List.class)).hasSize(55);
        assertThat(listed.getMessage().getHeader(JiraqConstants.RESULT_COUNT)).isEqualTo(55);
        assertThat(sim.requests("POST", csm.root() + "/organization/fetch")).as("at most 50 per call").hasSize(2);
        assertThat(got.getMessage().getBody(Map.class)).containsEntry("name", "Acme");
    }

    @Test
    void productsAreListedPageByPageFollowingTheCursor() {
        for (int i = 0; i < 5; i++) {
            send("jiraq:csmCreate?csmResource=product", Map.of("name", "Product " + i), Map.of());
        }

        Exchange listed = send("jiraq:csmList?csmResource=product&pageSize=2", null, Map.of());

        assertThat(listed.getMessage().getBody(List.class)).extracting(p -> ((Map<?, ?>) p).get("name"))
                .containsExactly("Product 0", "Product 1", "Product 2", "Product 3", "Product 4");
        List<RecordedRequest> pages = sim.requests("GET", csm.root() + "/product");
        assertThat(pages).hasSize(3);
        assertThat(pages.get(1).query()).containsKey("cursor").containsEntry("limit", List.of("2"));
    }

    @Test
    void aCustomersEntitlementsAreCreatedListedAndTheirDetailsSet() {
        String customer = send("jiraq:csmCreate?csmResource=customer",
                Map.of("displayName", "Carla", "email", "carla@acme.com"), Map.of())
                .getMessage().getHeader(JiraqConstants.CSM_ID, String.class);
        send("jiraq:csmUpdate?csmResource=customer", Map.of("displayName", "Carla C"), Map.of(JiraqConstants.CSM_ID, customer));
        Map<String, Object> owner = Map.of(JiraqConstants.CSM_ENTITY_TYPE, "customer", JiraqConstants.CSM_ENTITY_ID, customer);
        List<String> entitlements = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String product = send("jiraq:csmCreate?csmResource=product", Map.of("name", "P" + i), Map.of())
                    .getMessage().getHeader(JiraqConstants.CSM_ID, String.class);
            entitlements.add(send("jiraq:csmCreate?csmResource=entitlement", Map.of("productId", product), owner)
                    .getMessage().getHeader(JiraqConstants.CSM_ID, String.class));
        }
        send("jiraq:csmUpdate?csmResource=entitlement", Map.of("details", List.of(Map.of("name", "tier", "value", "gold"))),
                Map.of(JiraqConstants.CSM_ID, entitlements.get(2)));

        Exchange listed = send("jiraq:csmList?csmResource=entitlement&pageSize=2", null, owner);
        Exchange entitlement = send("jiraq:csmGet?csmResource=entitlement", null, Map.of(JiraqConstants.CSM_ID,
                entitlements.get(2)));
        Exchange customerList = send("jiraq:csmList?csmResource=customer", null, Map.of());

        assertThat(listed.getMessage().getBody(List.class)).extracting(e -> ((Map<?, ?>) e).get("id"))
                .containsExactlyElementsOf(entitlements);
        assertThat(sim.requests("GET", csm.root() + "/entitlements")).hasSize(2)
                .allSatisfy(r -> assertThat(r.headers().get("X-ExperimentalApi")).containsExactly("opt-in"));
        assertThat(entitlement.getMessage().getBody(Map.class).get("details").toString()).contains("gold");
        assertThat(send("jiraq:csmGet?csmResource=customer", null, Map.of(JiraqConstants.CSM_ID, customer))
                .getMessage().getBody(Map.class)).containsEntry("displayName", "Carla C");
        assertThat(customerList.getException()).hasMessageContaining("lists no customers");
    }

    @Test
    void requestReachesEachGatewayApiBelowItsRootWithTheEndpointsCredentials() {
        send("jiraq:csmCreate?csmResource=product", Map.of("name", "Via request"), Map.of());

        Exchange products = send("jiraq:request?api=customerServiceManagement&path=/product", null, Map.of());
        Exchange laptop = send("jiraq:request?api=assets&path=/object/2", null, Map.of());
        Exchange alerts = send("jiraq:request?api=operations&path=/alerts&query.size=2", null, Map.of());
        Exchange climbing = send("jiraq:request?api=customerServiceManagement", null,
                Map.of(JiraqConstants.PATH, "/../../../ex/jira/" + csm.cloudId() + "/rest/api/3/myself"));
        Exchange absolute = send("jiraq:request?api=assets", null, Map.of(JiraqConstants.PATH, "https://evil.example/x"));

        assertThat(products.getMessage().getBody(Map.class).get("values").toString()).contains("Via request");
        assertThat(laptop.getMessage().getBody(Map.class)).containsEntry("objectKey", "LAP-2");
        assertThat(sim.requests("GET", "/rest/servicedeskapi/assets/workspace")).as("the workspace asked once").hasSize(1);
        assertThat(alerts.getMessage().getBody(Map.class).get("values")).asList().hasSize(2);
        assertThat(climbing.getException()).hasMessageContaining("'..' segments");
        assertThat(absolute.getException()).hasMessageContaining("absolute URLs are not allowed");
        assertThat(sim.requests("GET", "/jsm/")).allSatisfy(r -> assertThat(r.headers().get("Authorization").get(0))
                .startsWith("Basic "));
    }

    @Test
    void operationsAlertsArePagedByTheirLinksNextBelowTheApisRoot() {
        Exchange alerts = send("jiraq:request?api=operations&path=/alerts&query.size=2&paginate=true", null, Map.of());

        assertThat(alerts.getException()).isNull();
        assertThat(alerts.getMessage().getBody(List.class)).extracting(a -> ((Map<?, ?>) a).get("message"))
                .containsExactly("Disk almost full", "CPU high", "Backup failed");
        List<RecordedRequest> pages = sim.requests("GET", GatewayApi.OPERATIONS.root(csm.cloudId()) + "/alerts");
        assertThat(pages).hasSize(2);
        assertThat(pages.get(1).query()).containsEntry("offset", List.of("2")).containsEntry("size", List.of("2"));
        assertThat(pages.get(1).headers().get("Authorization").get(0)).startsWith("Basic ");
    }

    @Test
    void withoutACloudIdTheGatewayApisNameTheOption() {
        context.getComponent("jiraq", org.jiraq.camel.JiraqComponent.class).getConfiguration().setCloudId(null);

        Exchange failed = send("jiraq:request?api=operations&path=/alerts", null, Map.of());

        assertThat(failed.getException()).hasMessageContaining("Option 'cloudId' is required to call Atlassian's"
                                                              + " gateway APIs without OAuth 2.0");
    }

    private Exchange send(String uri, Object body, Map<String, Object> headers) {
        return template.request(uri, e -> {
            e.getMessage().setHeaders(new java.util.HashMap<>(headers));
            e.getMessage().setBody(body);
        });
    }
}
