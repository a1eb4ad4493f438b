package org.jiraq.camel.auth.oauth2;

import org.jiraq.camel.JiraqAuthorizationException;
import org.jiraq.camel.JiraqConfiguration;
import org.jiraq.simulator.AtlassianOAuth2;
import org.jiraq.simulator.JiraSimulator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Data Center's own OAuth 2.0 provider: tokens from the site's token endpoint, calls straight to the site. */
class OAuth2ClientCredentialsDataCenterTest extends OAuth2ClientCredentialsContract {

    @Override
    protected JiraSimulator.Flavour flavour() {
        return JiraSimulator.Flavour.DATA_CENTER;
    }

    @Override
    protected void configure(JiraqConfiguration config) {
        super.configure(config);
        config.setTokenUrl(null); // the default: the site's /rest/oauth2/latest/token
    }

    @Test
    void theTokenComesFromTheSitesOwnEndpointAsAForm() {
        assertThat(createIssue(null).getException()).isNull();

        assertThat(sim.requests("POST", AtlassianOAuth2.DATA_CENTER_TOKEN_PATH)).singleElement().satisfies(r -> {
            assertThat(r.headers().get("Content-Type")).singleElement().asString()
                    .startsWith("application/x-www-form-urlencoded");
            assertThat(r.body()).startsWith("grant_type=client_credentials&client_id=" + AtlassianOAuth2.CLIENT_ID);
        });
    }

    @Test
    void theAuthorizationCodeGrantIsAcceptedOnDataCenterAndAsksForAConnectedUserFirst() {
        Exception beforeConsent = template.request("jiraq:getIssue?grantType=authorizationCode",
                e -> e.getMessage().setBody("DEMO-1")).getException();

        assertThat(beforeConsent).isInstanceOf(JiraqAuthorizationException.class)
                .hasMessageContaining("No OAuth 2.0 grant is stored for credentialId 'default'");
        assertThat(sim.requests(null, AtlassianOAuth2.DATA_CENTER_TOKEN_PATH)).isEmpty();
    }
}
