package org.jiraq.camel.auth.oauth2;

import java.time.Duration;

import org.apache.camel.Exchange;
import org.jiraq.camel.JiraqConfiguration;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.JiraqGrantType;
import org.jiraq.simulator.auth.AtlassianOAuth2;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** OAuth 2.0 client credentials (service accounts), run on Cloud and on Data Center. */
abstract class OAuth2ClientCredentialsContract extends OAuth2TestSupport {

    @Override
    protected void configure(JiraqConfiguration config) {
        super.configure(config);
        config.setGrantType(JiraqGrantType.clientCredentials);
    }

    @Test
    void aServiceAccountCallsJiraWithoutConsentAndReusesItsToken() {
        Exchange first = createIssue(null);
        Exchange second = createIssue(null);

        assertThat(first.getException()).isNull();
        assertThat(second.getException()).isNull();
        String key = second.getMessage().getHeader(JiraqConstants.ISSUE_KEY, String.class);
        assertThat(sim.state().issue(key).reporter().email()).isEqualTo(AtlassianOAuth2.SERVICE_ACCOUNT);
        assertThat(oauth.tokenRequests("client_credentials")).isEqualTo(1);
        assertThat(oauth.tokenRequests("authorization_code") + oauth.tokenRequests("refresh_token")).isZero();
    }

    @Test
    void aTokenJiraRefusesIsReplacedOnceAndTheCallRepeated() {
        assertThat(createIssue(null).getException()).isNull();

        sim.clock().advance(Duration.ofMinutes(61));

        assertThat(createIssue(null).getException()).isNull();
        assertThat(oauth.refusedAccessTokens()).isEqualTo(1);
        assertThat(oauth.tokenRequests("client_credentials")).isEqualTo(2);
    }
}
