package org.jiraq.camel.auth.oauth2;

import java.time.Duration;
import java.time.Instant;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.jiraq.camel.JiraqComponent;
import org.jiraq.camel.spi.OAuth2Grant;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A grant another replica stored, whose token is close to expiry, is refreshed before a call would send it. The
 * consent runs on a second component sharing the store, as another replica would; this component's connection only
 * finds the grant in the store.
 */
class OAuth2RefreshAheadTest extends OAuth2TestSupport {

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        JiraqComponent jiraq = context.getComponent("jiraq", JiraqComponent.class);
        JiraqComponent otherReplica = new JiraqComponent();
        otherReplica.setConfiguration(jiraq.getConfiguration().copy());
        otherReplica.setStoreUrl(jiraq.getStoreUrl());
        context.addComponent("otherReplica", otherReplica);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                OAuth2AuthorizeProcessor authorize = new OAuth2AuthorizeProcessor();
                authorize.setComponent("otherReplica");
                OAuth2CallbackProcessor callback = new OAuth2CallbackProcessor();
                callback.setComponent("otherReplica");
                from("direct:connect").process(authorize);
                from("direct:callback").process(callback);
                from("direct:createIssue").to("jiraq:createIssue");
            }
        };
    }

    @Test
    void aTokenCloseToExpiryIsRefreshedBeforeTheCallAndTheRotatedRefreshTokenIsStored() throws Exception {
        connect("default");
        OAuth2Grant connected = tokenStore().load("default").orElseThrow();
        tokenStore().save("default", new OAuth2Grant(connected.accessToken(), Instant.now().plusSeconds(30),
                connected.refreshToken(), connected.scopes(), connected.cloudId(), connected.siteUrl(), false));

        assertThat(createIssue(null).getException()).isNull();

        OAuth2Grant refreshed = tokenStore().load("default").orElseThrow();
        assertThat(oauth.tokenRequests("refresh_token")).isEqualTo(1);
        assertThat(oauth.refusedAccessTokens()).as("the old token was never sent").isZero();
        assertThat(refreshed.refreshToken()).isNotEqualTo(connected.refreshToken());
        assertThat(refreshed.accessToken()).isNotEqualTo(connected.accessToken());
        assertThat(refreshed.expiresAt()).isAfter(Instant.now().plus(Duration.ofMinutes(50)));
    }
}
