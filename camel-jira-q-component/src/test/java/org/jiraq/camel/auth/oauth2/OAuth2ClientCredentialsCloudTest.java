package org.jiraq.camel.auth.oauth2;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OAuth2ClientCredentialsCloudTest extends OAuth2ClientCredentialsContract {

    @Test
    void theSiteIsFoundThroughTheAccessibleResourcesOfTheServiceAccount() {
        assertThat(createIssue(null).getException()).isNull();

        assertThat(tokenStore().load("default").orElseThrow().cloudId()).isEqualTo(oauth.cloudId());
        assertThat(sim.requests("POST", "/oauth/token")).singleElement()
                .satisfies(r -> assertThat(r.body()).startsWith("{\"grant_type\":\"client_credentials\""));
    }
}
