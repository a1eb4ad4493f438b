package org.jiraq.camel.auth.oauth2;

import org.apache.camel.Exchange;
import org.jiraq.camel.JiraqComponent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A grant that reaches several Jira sites: the site of the baseUrl is the one called. */
class OAuth2SeveralSitesTest extends OAuth2TestSupport {

    {
        oauth.otherSite("Beta", "https://beta.atlassian.net").otherSite("Gamma", "https://gamma.atlassian.net");
    }

    @Test
    void theSiteWhoseUrlIsTheBaseUrlIsChosenAmongTheAccessibleResources() throws Exception {
        connect("default");

        assertThat(createIssue(null).getException()).isNull();
        assertThat(tokenStore().load("default").orElseThrow().cloudId()).isEqualTo(oauth.cloudId());
        assertThat(oauth.refusedAccessTokens()).isZero();
    }

    @Test
    void aGrantThatDoesNotReachTheBaseUrlIsNotUsedForAnotherSite() throws Exception {
        context.getComponent("jiraq", JiraqComponent.class).getConfiguration().setBaseUrl("https://delta.atlassian.net");

        Exchange callback = connect("default");

        assertThat(callback.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(502);
        assertThat(tokenStore().load("default").orElseThrow().cloudId()).isNull();
    }
}
