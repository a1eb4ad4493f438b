package org.jiraq.camel.auth.oauth2;

import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.simulator.JiraSimulator;
import org.jiraq.simulator.servicedesk.AssetsAndOperations;
import org.jiraq.simulator.servicedesk.CustomerServiceManagement;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A connected user's OAuth 2.0 grant reaches the gateway APIs of its site (the cloudId discovered from the grant):
 * Customer Service Management's typed operations and request with api=assets and api=operations (paged by its
 * links.next), the token sent only there.
 */
class OAuth2GatewayApisTest extends OAuth2TestSupport {

    private final CustomerServiceManagement csm = new CustomerServiceManagement(oauth.cloudId());
    private final AssetsAndOperations assetsAndOps = new AssetsAndOperations(oauth);

    @Override
    protected JiraSimulator.Builder simulator() {
        return super.simulator().feature(csm).feature(assetsAndOps);
    }

    @Test
    void theGrantsSiteIsAddressedByItsCloudIdOnTheGateway() throws Exception {
        connect("default");

        Exchange created = template.request("jiraq:csmCreate?csmResource=product",
                e -> e.getMessage().setBody(Map.of("name", "Gold support")));
        Exchange listed = template.request("jiraq:csmList?csmResource=product", e -> { });
        Exchange laptop = template.request("jiraq:request?api=assets&path=/object/1", e -> { });
        Exchange alerts = template.request("jiraq:request?api=operations&path=/alerts&query.size=2&paginate=true",
                e -> { });

        assertThat(created.getException()).isNull();
        assertThat(listed.getMessage().getBody(List.class)).hasSize(1);
        assertThat(laptop.getMessage().getBody(Map.class)).containsEntry("objectKey", "LAP-1");
        assertThat(alerts.getMessage().getBody(List.class)).as("every page, following links.next").hasSize(3);
        assertThat(sim.requests("POST", csm.root() + "/product").get(0).headers().get("Authorization").get(0))
                .startsWith("Bearer sim-oauth2-at-");
        assertThat(created.getMessage().getHeader(JiraqConstants.CSM_ID, String.class)).isNotBlank();
        assertThat(oauth.refusedAccessTokens()).isZero();
    }
}
